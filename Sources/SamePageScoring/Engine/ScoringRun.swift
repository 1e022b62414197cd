import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// One scoring run over leads, events and activities, as docs/SCORING.md defines it. Leads are
/// held in memory (as columns); events and activities are streamed once each, so memory grows
/// with leads, not events.
public final class ScoringRun {
  public struct Options: Sendable {
    public var asOf: Int64
    /// The run aborts when more rows than this cannot be read.
    public var maxErrors: Int
    /// The run fails when a file's skipped rows hold more than this share of its bytes.
    public var maxSkippedPercent: Double

    public init(asOf: Int64, maxErrors: Int = 1_000, maxSkippedPercent: Double = 1) {
      self.asOf = asOf
      self.maxErrors = maxErrors
      self.maxSkippedPercent = maxSkippedPercent
    }
  }

  public enum Failure: Error, CustomStringConvertible {
    case input(String)
    case tooManyErrors(file: String, count: Int, first: [RowIssue])
    /// A file lost more than the allowed share of its bytes to skipped rows.
    case tooMuchSkipped(file: String, rows: Int, percent: Double, allowed: Double, first: [RowIssue])

    public var description: String {
      switch self {
      case .input(let reason): reason
      case .tooManyErrors(let file, let count, let first):
        "\(file): more than \(count) rows could not be read; stopping. First: \(Self.list(first)). Raise --max-errors to go on."
      case .tooMuchSkipped(let file, let rows, let percent, let allowed, let first):
        "\(file): the \(rows) skipped rows hold \(String(format: "%.1f", percent))% of its bytes, more than \(ScoringRun.formatScore(allowed))%; first: \(Self.list(first)). Fix the file, or raise --max-skipped-percent to go on."
      }
    }

    static func list(_ issues: [RowIssue]) -> String {
      issues.prefix(3).map { "line \($0.line): \($0.reason)" }.joined(separator: "; ")
    }
  }

  public struct RowIssue: Codable, Equatable, Sendable {
    public var file: String
    public var line: Int
    public var reason: String
  }

  /// One file's reading so far: its counts, and what messages about it need.
  struct FileProgress {
    var file: String
    var counts = FileCounts()
    var bytes = 0
    var skippedBytes = 0
    /// This file's first issues, kept apart from `issues`, which other files may have filled.
    var firstIssues: [RowIssue] = []

    init(_ url: URL) { file = url.lastPathComponent }

    mutating func row(_ row: TableReader.Row) {
      counts.rows += 1
      bytes += row.bytes
    }
  }

  /// Skipped rows may hold at most this many bytes whatever the share: one bad row in a tiny
  /// file is reported, not fatal.
  static let skippedBytesAlwaysAllowed = 1_024

  /// How rows of one file fared.
  public struct FileCounts: Codable, Equatable, Sendable {
    public var rows = 0
    public var used = 0
    public var malformed = 0
    public var beforeCreation = 0
    public var afterAsOf = 0
    public var outOfOrder = 0
    public var ignored = 0
  }

  let compiled: CompiledConfig
  let options: Options
  let clock: BusinessClock

  // Leads, as columns.
  var ids: [String] = []
  var index: [String: Int32] = [:]
  var created: [Int64] = []
  var createdDay: [Int32] = []
  var owners: [String] = []
  var leadTypes: [ScoringConfig.LeadType?] = []
  var fit: [Int] = []
  var exclusion: [String] = []
  var stage: [Int16] = []
  var stageAt: [Int64] = []

  // Event state.
  var lastEvent: [Int64] = []
  var accumulator: [Double] = []
  var accumulatorPeriod: [Int32] = []
  var fired: [UInt32] = []
  var ruleBucket: [Int32] = []
  var ruleCount: [UInt16] = []
  var clockStart: [Int64] = []
  var handRaised: [Bool] = []

  // Activity state.
  var firstTouch: [Int64] = []
  var attempts: [Int32] = []
  var connected: [Bool] = []

  public internal(set) var issues: [RowIssue] = []
  public internal(set) var leadCounts = FileCounts()
  public internal(set) var eventCounts = FileCounts()
  public internal(set) var activityCounts = FileCounts()
  static let issuesKept = 100

  public init(config: ScoringConfig, options: Options) throws {
    do {
      compiled = try CompiledConfig(config)
      clock = try BusinessClock(config.calendar)
    } catch {
      throw Failure.input("\(error)")
    }
    self.options = options
  }

  func report(_ row: TableReader.Row, _ reason: String, progress: inout FileProgress) throws {
    progress.counts.malformed += 1
    progress.skippedBytes += row.bytes
    let issue = RowIssue(file: progress.file, line: row.line, reason: reason)
    if issues.count < Self.issuesKept { issues.append(issue) }
    if progress.firstIssues.count < 3 { progress.firstIssues.append(issue) }
    if progress.counts.malformed > options.maxErrors {
      throw Failure.tooManyErrors(file: progress.file, count: options.maxErrors, first: progress.firstIssues)
    }
  }

  /// Fails when the file's skipped rows hold more than the allowed share of its bytes: many
  /// rows lost quietly, or one that swallowed much of the file, must not pass as a clean run.
  func finish(_ progress: FileProgress) throws {
    guard progress.skippedBytes > Self.skippedBytesAlwaysAllowed, progress.bytes > 0 else { return }
    let percent = Double(progress.skippedBytes) / Double(progress.bytes) * 100
    guard percent > options.maxSkippedPercent else { return }
    throw Failure.tooMuchSkipped(
      file: progress.file, rows: progress.counts.malformed, percent: percent,
      allowed: options.maxSkippedPercent,
      first: progress.firstIssues)
  }

  /// A value quoted for a message: bounded and escaped (docs/SCORING.md, Inputs).
  func quoted(_ bytes: UnsafeBufferPointer<UInt8>) -> String { "'" + UserText.quote(bytes) + "'" }

  /// Why an id column cannot be used, when its bytes are not UTF-8: decoding would repair
  /// them into U+FFFD, and two different ids would become one.
  func notUTF8(_ row: TableReader.Row, _ column: Int, named name: String) -> String? {
    UserText.isValidUTF8(row[column])
      ? nil : "\(name) \(quoted(row[column])) is not valid UTF-8; export the file as UTF-8"
  }

  // MARK: - Leads

  static let leadColumns = ["id", "email", "created_at", "owner", "domain", "country", "lead_type"]

  public func loadLeads(_ url: URL) throws {
    let attributeColumns = compiled.attributes.map(\.id).filter { $0 != "email_domain" }
    let columns = Self.leadColumns + attributeColumns
    let reader = TableReader(url: url, columns: columns, required: ["id", "email", "created_at"])
    var values = [String](repeating: "", count: compiled.attributes.count)
    // Where each attribute's value comes from: nil for email_domain (derived), else its column.
    let attributeSources = compiled.attributes.map { attribute in
      attribute.id == "email_domain" ? nil : columns.firstIndex(of: attribute.id)
    }
    var progress = FileProgress(url)
    try reader.forEachRow { row in
      progress.row(row)
      if let problem = row.problem { return try report(row, problem, progress: &progress) }
      if let problem = notUTF8(row, 0, named: "id") ?? notUTF8(row, 3, named: "owner") {
        return try report(row, problem, progress: &progress)
      }
      let id = row.string(0)
      guard !id.isEmpty else { return try report(row, "empty id", progress: &progress) }
      guard index[id] == nil else {
        return try report(row, "duplicate lead id \(quoted(row[0]))", progress: &progress)
      }
      guard let createdAt = Timestamp.parse(row[2]) else {
        return try report(
          row, "created_at \(quoted(row[2])) is not an ISO 8601 timestamp with an offset", progress: &progress
        )
      }
      let email = row.string(1).lowercased()
      let domain = email.split(separator: "@").last.map(String.init) ?? ""
      for (position, column) in attributeSources.enumerated() {
        values[position] = column.map(row.string) ?? domain
      }
      let typeID = row.string(6)
      let type = typeID.isEmpty ? compiled.defaultLeadType : compiled.leadTypes[typeID]
      guard typeID.isEmpty || type != nil else {
        return try report(row, "unknown lead type \(quoted(row[6]))", progress: &progress)
      }
      progress.counts.used += 1
      index[id] = Int32(ids.count)
      ids.append(id)
      created.append(createdAt)
      createdDay.append(Int32(CivilDate.floorDiv(createdAt, 86_400)))
      owners.append(row.string(3))
      leadTypes.append(type)
      fit.append(score(fitOf: values))
      exclusion.append(
        exclusionReason(
          email: email, domain: domain, company: row.string(4).lowercased(),
          country: row.string(5).uppercased()))
      let start = compiled.startStage(for: type)
      stage.append(Int16(start))
      stageAt.append(createdAt)
    }
    leadCounts = progress.counts
    // Without leads every event is "unknown": the run would go on to blame the events file.
    if progress.counts.rows == 0 {
      throw Failure.input("\(progress.file) has a header but no lead rows; export the leads again")
    }
    if progress.counts.used == 0 {
      throw Failure.input(
        "\(progress.file): none of its \(progress.counts.rows) rows could be read (\(Failure.list(progress.firstIssues))); fix them and score again"
      )
    }
    try finish(progress)
    let count = ids.count
    let rules = compiled.engagementRules.count
    lastEvent = Array(repeating: .min, count: count)
    accumulator = Array(repeating: 0, count: count)
    accumulatorPeriod = Array(repeating: 0, count: count)
    fired = Array(repeating: 0, count: count)
    ruleBucket = Array(repeating: -1, count: count * rules)
    ruleCount = Array(repeating: 0, count: count * rules)
    clockStart = Array(repeating: .min, count: count)
    handRaised = Array(repeating: false, count: count)
    firstTouch = Array(repeating: .max, count: count)
    attempts = Array(repeating: 0, count: count)
    connected = Array(repeating: false, count: count)
    // Leads that start at or past the MQL stage (a skipping lead type) start their clock at once.
    for lead in 0..<count where Int(stage[lead]) >= compiled.mqlStage {
      startClock(lead, at: created[lead], handRaise: false)
    }
  }

  func score(fitOf values: [String]) -> Int {
    var total = 0
    for rule in compiled.fitRules {
      let value = values[rule.attribute]
      guard !value.isEmpty else { continue }
      let matches: Bool
      if rule.isNumeric {
        guard let number = Double(value) else { continue }
        matches = (rule.atLeast.map { number >= $0 } ?? true) && (rule.atMost.map { number <= $0 } ?? true)
      } else {
        let lowered = value.lowercased()
        matches = rule.anyOf.contains(lowered) || rule.containsAny.contains { lowered.contains($0) }
      }
      // Saturating: points are bounded (ScoringConfig.scoreLimit), but no sum may trap.
      if matches {
        let (sum, overflow) = total.addingReportingOverflow(rule.points)
        total = overflow ? (rule.points > 0 ? .max : .min) : sum
      }
    }
    return compiled.clampFit(total)
  }

  func exclusionReason(email: String, domain: String, company: String, country: String) -> String {
    if compiled.emailDomains.contains(domain) { return "personal-email" }
    if compiled.emailSuffixes.contains(where: { email.hasSuffix($0) }) { return "excluded-suffix" }
    if compiled.competitorDomains.contains(domain) || compiled.competitorDomains.contains(company) {
      return "competitor"
    }
    if compiled.excludedCountries.contains(country) { return "country-not-served" }
    return ""
  }

  func startClock(_ lead: Int, at instant: Int64, handRaise: Bool) {
    guard clockStart[lead] == .min, leadTypes[lead]?.slaApplies ?? true else { return }
    clockStart[lead] = instant
    handRaised[lead] = handRaise
  }

  // MARK: - Events

  public func scoreEvents(_ url: URL) throws {
    let reader = TableReader(
      url: url, columns: ["lead_id", "type", "timestamp", "url"], required: ["lead_id", "type", "timestamp"])
    var progress = FileProgress(url)
    var lowered: [UInt8] = []
    lowered.reserveCapacity(512)
    let rules = compiled.engagementRules.count
    let eventIDs = compiled.eventIDs
    var lookupKey = ""
    try reader.forEachRow { row in
      progress.row(row)
      if let problem = row.problem ?? notUTF8(row, 0, named: "lead_id") {
        return try report(row, problem, progress: &progress)
      }
      lookupKey = row.string(0)
      guard let found = index[lookupKey] else {
        return try report(row, "unknown lead \(quoted(row[0]))", progress: &progress)
      }
      guard let instant = Timestamp.parse(row[2]) else {
        return try report(
          row, "timestamp \(quoted(row[2])) is not ISO 8601 with an offset", progress: &progress)
      }
      let lead = Int(found)
      let typeBytes = row[1]
      guard let event = eventIDs.firstIndex(where: { $0.elementsEqual(typeBytes) }) else {
        progress.counts.ignored += 1  // a behaviour the glossary does not score
        return
      }
      if instant < created[lead] {
        progress.counts.beforeCreation += 1
        return
      }
      if instant > options.asOf {
        progress.counts.afterAsOf += 1
        return
      }
      if instant < lastEvent[lead] {
        progress.counts.outOfOrder += 1
        return
      }
      lastEvent[lead] = instant
      progress.counts.used += 1
      guard leadTypes[lead]?.scored ?? true else { return }

      let day = CivilDate.floorDiv(instant, 86_400)
      if let (value, period) = decayed(lead, toDay: day) {
        accumulator[lead] = value
        accumulatorPeriod[lead] = period
      }
      let candidates = compiled.rulesByEvent[event]
      if !candidates.isEmpty {
        var urlLowered = false
        for ruleIndex in candidates {
          let rule = compiled.engagementRules[ruleIndex]
          if !rule.urlPatterns.isEmpty {
            if !urlLowered {
              lowered.removeAll(keepingCapacity: true)
              for byte in row[3] { lowered.append(byte >= 65 && byte <= 90 ? byte | 0x20 : byte) }
              urlLowered = true
            }
            let matched = lowered.withUnsafeBufferPointer { haystack in
              rule.urlPatterns.contains { pattern in
                pattern.withUnsafeBufferPointer { haystack.contains(bytes: $0) }
              }
            }
            if !matched { continue }
          }
          let bucket: Int32
          switch rule.bucket {
          case .day: bucket = Int32(day)
          case .week: bucket = Int32(CivilDate.floorDiv(day + 3, 7))
          case .month:
            let date = CivilDate.civil(Int(day))
            bucket = Int32(date.year * 12 + date.month - 1)
          case .ever: bucket = 0
          }
          let slot = lead * rules + ruleIndex
          if ruleBucket[slot] != bucket {
            ruleBucket[slot] = bucket
            ruleCount[slot] = 0
          }
          guard Int(ruleCount[slot]) < rule.maxPerBucket else { continue }
          ruleCount[slot] += 1
          accumulator[lead] += rule.points
        }
      }
      advance(lead, at: instant, event: event)
    }
    eventCounts = progress.counts
    try finish(progress)
  }

  /// The lead's accumulated engagement decayed to a day of its life, and that day's decay
  /// period (whole `everyDays` periods since creation, docs/SCORING.md §6); nil when nothing
  /// decays by then. The one place decay is computed, for events and for as-of alike.
  func decayed(_ lead: Int, toDay day: Int64) -> (value: Double, period: Int32)? {
    guard compiled.decayPeriodDays > 0, compiled.decayFactor != 1 else { return nil }
    let period = Int32((day - Int64(createdDay[lead])) / Int64(compiled.decayPeriodDays))
    let elapsed = period - accumulatorPeriod[lead]
    guard elapsed > 0 else { return nil }
    return (accumulator[lead] * pow(compiled.decayFactor, Double(elapsed)), period)
  }

  /// Fires thresholds and hand-raises after an event, and moves the stage forward.
  func advance(_ lead: Int, at instant: Int64, event: Int) {
    guard exclusion[lead].isEmpty, leadTypes[lead]?.scored ?? true else { return }
    let leadFit = Int(fit[lead])
    let engagement = compiled.clampEngagement(accumulator[lead])
    for (position, threshold) in compiled.thresholds.enumerated() where fired[lead] & (1 << position) == 0 {
      if let minimum = threshold.fit, leadFit < minimum { continue }
      if let minimum = threshold.engagement, engagement < Double(minimum) { continue }
      fired[lead] |= 1 << position
      reach(lead, stage: threshold.stage, at: instant, handRaise: false)
    }
    if let raise = compiled.handRaises[event], leadFit >= raise.minimumFit {
      reach(lead, stage: raise.stage, at: instant, handRaise: true)
    }
  }

  func reach(_ lead: Int, stage target: Int, at instant: Int64, handRaise: Bool) {
    if target > Int(stage[lead]) {
      stage[lead] = Int16(target)
      stageAt[lead] = instant
    }
    if target >= compiled.mqlStage { startClock(lead, at: instant, handRaise: handRaise) }
  }

  // MARK: - Activities

  /// Due times, computed once the events have decided every clock's start.
  var firstTouchDue: [Int64] = []
  var acceptDue: [Int64] = []
  var windowEnd: [Int64] = []

  func computeDeadlines() {
    let sla = compiled.config.sla
    let standard = sla.firstTouch.first { $0.priority == "standard" }?.within
    let fast = sla.firstTouch.first { $0.priority == "hand_raise" }?.within ?? standard
    let window = compiled.config.connectAttempts.window
    firstTouchDue = Array(repeating: .max, count: ids.count)
    acceptDue = Array(repeating: .max, count: ids.count)
    windowEnd = Array(repeating: .max, count: ids.count)
    for lead in 0..<ids.count where clockStart[lead] != .min {
      let start = clockStart[lead]
      if let within = handRaised[lead] ? fast : standard {
        firstTouchDue[lead] = clock.due(within, from: start)
      }
      if let within = sla.acceptReject { acceptDue[lead] = clock.due(within, from: start) }
      windowEnd[lead] = clock.due(window, from: start)
    }
  }

  public func countActivities(_ url: URL?) throws {
    computeDeadlines()
    guard let url else { return }
    let reader = TableReader(
      url: url, columns: ["lead_id", "rep", "channel", "disposition", "timestamp"],
      required: ["lead_id", "rep", "channel", "disposition", "timestamp"])
    var progress = FileProgress(url)
    let ownerOnly = compiled.config.connectAttempts.ownerOnly
    try reader.forEachRow { row in
      progress.row(row)
      if let problem = row.problem ?? notUTF8(row, 0, named: "lead_id") ?? notUTF8(row, 1, named: "rep") {
        return try report(row, problem, progress: &progress)
      }
      let id = row.string(0)
      guard let found = index[id] else {
        return try report(row, "unknown lead \(quoted(row[0]))", progress: &progress)
      }
      guard let instant = Timestamp.parse(row[4]) else {
        return try report(
          row, "timestamp \(quoted(row[4])) is not ISO 8601 with an offset", progress: &progress)
      }
      let channel = row.string(2)
      guard compiled.channels.contains(channel) else {
        return try report(row, "unknown channel \(quoted(row[2]))", progress: &progress)
      }
      let disposition = row.string(3)
      guard compiled.knownDispositions.contains(disposition) else {
        return try report(row, "unknown disposition \(quoted(row[3]))", progress: &progress)
      }
      let lead = Int(found)
      if instant > options.asOf {
        progress.counts.afterAsOf += 1
        return
      }
      if instant < created[lead] {
        progress.counts.beforeCreation += 1
        return
      }
      let start = clockStart[lead]
      guard start != .min, instant >= start else {
        progress.counts.ignored += 1  // before the hand-off: not an SLA attempt
        return
      }
      if ownerOnly, !owners[lead].isEmpty, row.string(1) != owners[lead] {
        progress.counts.ignored += 1
        return
      }
      progress.counts.used += 1
      firstTouch[lead] = min(firstTouch[lead], instant)
      if instant <= windowEnd[lead] {
        if attempts[lead] < .max { attempts[lead] += 1 }
        if compiled.connectedDispositions.contains(disposition) { connected[lead] = true }
      }
    }
    activityCounts = progress.counts
    try finish(progress)
  }
}
