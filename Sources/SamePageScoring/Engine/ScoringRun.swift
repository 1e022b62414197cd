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
    /// The input files' headers for our column names, where they differ.
    public var columns: ColumnMapping
    /// The zone timestamps without an offset are read in; nil refuses them.
    public var timeZone: LocalTimeZone?
    /// Threads that read the events file (1: all on the calling thread). Results do not
    /// depend on it.
    public var threads: Int
    /// The size of the pieces the events file is read in; small in tests, so that records
    /// cross many piece boundaries.
    var eventPieceBytes = 4 << 20

    public init(
      asOf: Int64, maxErrors: Int = 1_000, maxSkippedPercent: Double = 1, columns: ColumnMapping = .init(),
      timeZone: LocalTimeZone? = nil, threads: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
      self.asOf = asOf
      self.maxErrors = maxErrors
      self.maxSkippedPercent = maxSkippedPercent
      self.columns = columns
      self.timeZone = timeZone
      self.threads = max(1, threads)
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
    /// Rows that could not be read and were skipped.
    public var malformed = 0
    /// Rows kept with a value that could not be read (a number that is not one), reported.
    public var invalidValues = 0
    public var beforeCreation = 0
    public var afterAsOf = 0
    public var outOfOrder = 0
    public var ignored = 0
    /// Why rows were ignored, by reason and value (`undeclared event type 'email_open'`).
    public var ignoredBy: [String: Int] = [:]
    /// Activities whose disposition the config does not declare, by value: counted as attempts
    /// that did not connect.
    public var undeclaredDispositions: [String: Int] = [:]

    /// At most this many distinct reasons are kept; the rest are summed under one key, so a
    /// file of a million different undeclared values cannot fill memory.
    static let reasonsKept = 64

    mutating func ignore(_ reason: String) {
      ignored += 1
      Self.tally(reason, in: &ignoredBy)
    }

    static func tally(_ key: String, in counts: inout [String: Int]) {
      if counts[key] != nil || counts.count < reasonsKept {
        counts[key, default: 0] += 1
      } else {
        counts["(other values)", default: 0] += 1
      }
    }
  }

  let compiled: CompiledConfig
  let options: Options
  let clock: BusinessClock

  // Leads, as columns.
  var ids: [String] = []
  var leadIndex = LeadIndex()
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
  /// When the lead reached MQL or later and its SLA clock was started (the raw instant; the
  /// clock itself runs from the next opening), or .min.
  var clockStart: [Int64] = []
  /// When a hand-raise first fired for the lead, or .min.
  var handRaiseAt: [Int64] = []
  /// When the lead first stood at MQL or later (its start stage, a threshold or a hand-raise).
  var mqlAt: [Int64] = []

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

  func report(_ row: TableReader.Row, _ reason: String, progress: inout FileProgress, skipped: Bool = true)
    throws
  {
    try report(line: row.line, bytes: row.bytes, reason, progress: &progress, skipped: skipped)
  }

  func report(line: Int, bytes: Int, _ reason: String, progress: inout FileProgress, skipped: Bool = true)
    throws
  {
    if skipped {
      progress.counts.malformed += 1
      progress.skippedBytes += bytes
    } else {
      progress.counts.invalidValues += 1
    }
    let issue = RowIssue(file: progress.file, line: line, reason: reason)
    if issues.count < Self.issuesKept { issues.append(issue) }
    if progress.firstIssues.count < 3 { progress.firstIssues.append(issue) }
    if progress.counts.malformed + progress.counts.invalidValues > options.maxErrors {
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

  func reader(_ url: URL, file: ColumnMapping.File, columns: [String], required: Set<String>) -> TableReader {
    var reader = TableReader(url: url, columns: columns, required: required)
    reader.renamed = options.columns.renamed(for: file)
    return reader
  }

  public func loadLeads(_ url: URL) throws {
    let attributeColumns = compiled.attributes.map(\.id).filter { $0 != "email_domain" }
    let columns = Self.leadColumns + attributeColumns
    let reader = reader(url, file: .leads, columns: columns, required: ["id", "email", "created_at"])
    var values = [String](repeating: "", count: compiled.attributes.count)
    // Where each attribute's value comes from: nil for email_domain (derived), else its column.
    let attributeSources = compiled.attributes.map { attribute in
      attribute.id == "email_domain" ? nil : columns.firstIndex(of: attribute.id)
    }
    let numeric = compiled.attributes.map { $0.type == "number" }
    var progress = FileProgress(url)
    try reader.forEachRow { row in
      progress.row(row)
      if let problem = row.problem { return try report(row, problem, progress: &progress) }
      if let problem = notUTF8(row, 0, named: "id") ?? notUTF8(row, 3, named: "owner") {
        return try report(row, problem, progress: &progress)
      }
      guard !row[0].isEmpty else { return try report(row, "empty id", progress: &progress) }
      guard leadIndex.find(row[0]) == nil else {
        return try report(
          row, "duplicate lead id \(quoted(row[0])); the first row with it is scored", progress: &progress)
      }
      guard let createdAt = Timestamp.parse(row[2], zone: options.timeZone) else {
        return try report(row, "created_at \(quoted(row[2])) \(timestampProblem)", progress: &progress)
      }
      let typeKey = FieldValue.key(row[6])
      let type = typeKey.isEmpty ? compiled.defaultLeadType : compiled.leadTypes[typeKey]
      guard typeKey.isEmpty || type != nil else {
        return try report(
          row,
          "unknown lead type \(quoted(row[6])); use one of \(compiled.leadTypes.keys.sorted().joined(separator: ", ")) or leave it empty for the default",
          progress: &progress)
      }
      let email = Self.trimmed(row.string(1)).lowercased()
      // The part after the last `@` (a quoted local part may hold one); none without an `@`.
      let domain = email.lastIndex(of: "@").map { String(email[email.index(after: $0)...]) } ?? ""
      var badNumbers: [String] = []
      for (position, column) in attributeSources.enumerated() {
        guard let column else {
          values[position] = domain
          continue
        }
        if numeric[position], !FieldValue.isBlank(row[column]), FieldValue.number(row[column]) == nil {
          // Kept as missing, so the lead and its events are not lost; reported below.
          badNumbers.append("\(compiled.attributes[position].id) \(quoted(row[column]))")
          values[position] = ""
        } else {
          values[position] = row.string(column)
        }
      }
      if !badNumbers.isEmpty {
        try report(
          row,
          "\(badNumbers.joined(separator: ", ")) is not a number (digits with an optional sign and decimal point, no thousands separators); the lead is scored without it",
          progress: &progress, skipped: false)
      }
      progress.counts.used += 1
      _ = leadIndex.insert(row[0])
      ids.append(row.string(0))
      created.append(createdAt)
      createdDay.append(Int32(CivilDate.floorDiv(createdAt, 86_400_000)))
      owners.append(row.string(3))
      leadTypes.append(type)
      fit.append(score(fitOf: values))
      exclusion.append(
        exclusionReason(
          email: email, domain: domain,
          company: Self.trimmed(row.string(4)).lowercased(),
          country: Self.trimmed(row.string(5)).uppercased()))
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
    handRaiseAt = Array(repeating: .min, count: count)
    mqlAt = Array(repeating: .min, count: count)
    firstTouch = Array(repeating: .max, count: count)
    attempts = Array(repeating: 0, count: count)
    connected = Array(repeating: false, count: count)
    // Leads that start at or past the MQL stage (a skipping lead type) start their clock at once.
    for lead in 0..<count where Int(stage[lead]) >= compiled.mqlStage {
      reachedMQL(lead, at: created[lead])
    }
  }

  /// `trimmingCharacters(in: .whitespaces)`, skipped when the text starts and ends with a
  /// printable ASCII character, which no whitespace is (nearly every value; Foundation's
  /// trimming was a visible part of reading leads).
  static func trimmed(_ text: String) -> String {
    guard let first = text.utf8.first, let last = text.utf8.last else { return text }
    if first > 0x20, first < 0x7F, last > 0x20, last < 0x7F { return text }
    return text.trimmingCharacters(in: .whitespaces)
  }

  /// What a message says about a timestamp the parser refused.
  var timestampProblem: String {
    options.timeZone == nil
      ? "is not an ISO 8601 timestamp with an offset that exists (such as 2026-10-05T14:03:00-05:00); for local times give --time-zone"
      : "is not an ISO 8601 timestamp that exists in \(options.timeZone!.identifier) (such as 2026-10-05 14:03)"
  }

  func score(fitOf values: [String]) -> Int {
    var total = 0
    for rule in compiled.fitRules {
      let value = values[rule.attribute]
      guard !value.isEmpty else { continue }
      let matches: Bool
      if rule.isNumeric {
        guard let number = value.utf8.withContiguousStorageIfAvailable(FieldValue.number) ?? nil else {
          continue
        }
        matches = (rule.atLeast.map { number >= $0 } ?? true) && (rule.atMost.map { number <= $0 } ?? true)
      } else {
        let lowered = FieldValue.text(value)
        matches =
          rule.anyOf.contains(lowered) || rule.containsAny.contains { FieldValue.contains(lowered, $0) }
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

  /// The lead stands at MQL or later from `instant`: it counts as an MQL then, and, unless it
  /// is excluded or its type has no SLA, its SLA clock starts.
  func reachedMQL(_ lead: Int, at instant: Int64) {
    if mqlAt[lead] == .min { mqlAt[lead] = instant }
    guard clockStart[lead] == .min, exclusion[lead].isEmpty, leadTypes[lead]?.slaApplies ?? true else {
      return
    }
    clockStart[lead] = instant
  }

  // MARK: - Events

  public func scoreEvents(_ url: URL) throws {
    let reader = reader(
      url, file: .events, columns: ["lead_id", "type", "timestamp", "url"],
      required: ["lead_id", "type", "timestamp"])
    var progress = FileProgress(url)
    let rules = EventRules(compiled)
    let state = eventState()
    defer {
      storeEventState(state)
      state.deallocate()
    }
    func apply(_ batch: EventBatch, firstLine: Int) throws {
      progress.counts.rows += batch.rows
      progress.bytes += batch.bytes
      for issue in batch.issues {
        try report(line: firstLine + issue.line, bytes: issue.bytes, issue.reason, progress: &progress)
      }
      batch.ignored.merge(into: &progress.counts)
      progress.counts.beforeCreation += batch.beforeCreation
      progress.counts.afterAsOf += batch.afterAsOf
      let (used, outOfOrder) = state.apply(batch, rules: rules)
      progress.counts.used += used
      progress.counts.outOfOrder += outOfOrder
      switch batch.stop {
      case .tooLong(let line)?:
        throw CSVReader.tooLong(
          progress.file, line: firstLine + line, maxRecordBytes: CSVReader.defaultMaxRecordBytes)
      case .unreadable?: throw CSVReader.Failure(description: "cannot read \(url.path)")
      case nil: break
      }
    }
    // Pieces are read at offsets, which a pipe (`--events <(zcat …)`) or a device cannot give:
    // those are streamed on this thread, as JSON Lines are.
    if reader.isJSONLines || !Self.isRegularFile(url) {
      let reading = EventReading(run: self, rules: rules, positions: [0, 1, 2, 3], headerFields: 4)
      var batch = EventBatch(start: 0)
      var lowered: [UInt8] = []
      var cache = URLMaskCache()
      try reader.forEachRow { row in
        reading.classify(
          lead: row[0], type: row[1], timestamp: row[2], url: row[3], line: row.line, bytes: row.bytes,
          problem: row.problem, into: &batch, lowered: &lowered, cache: &cache)
        if batch.rows == 1 << 16 {
          try apply(batch, firstLine: 0)
          batch = EventBatch(start: 0)
        }
      }
      try apply(batch, firstLine: 0)
    } else {
      let (chunks, positions) = try reader.csvChunks(pieceBytes: options.eventPieceBytes)
      let reading = EventReading(
        run: self, rules: rules, positions: positions, headerFields: chunks.headerFields)
      let descriptor = open(url.path, O_RDONLY)
      guard descriptor >= 0 else { throw CSVReader.Failure(description: "cannot open \(url.path)") }
      defer { close(descriptor) }
      var start = chunks.dataStart
      var line = chunks.dataLine
      var cache = URLMaskCache()
      let pieces = chunks.count
      if options.threads <= 1 || pieces <= 1 {
        for piece in 0..<pieces {
          let batch = reading.readPiece(
            chunks, descriptor: descriptor, from: start, limit: chunks.nominalStart(piece + 1), cache: &cache)
          try apply(batch, firstLine: line)
          start = batch.end
          line += batch.lines
        }
      } else {
        // Threads read pieces from where they guess a record starts; this thread scores
        // them in order, and reads a piece again where the guess was wrong (a quoted field
        // across the boundary: the piece before ended elsewhere).
        let pipeline = PiecePipeline(pieces: pieces, window: options.threads * 3)
        let group = DispatchGroup()
        for _ in 0..<options.threads {
          group.enter()
          Thread {
            var cache = URLMaskCache()
            while let piece = pipeline.take() {
              let batch: EventBatch
              do {
                let from = try chunks.guessStart(piece, descriptor: descriptor)
                batch = reading.readPiece(
                  chunks, descriptor: descriptor, from: from, limit: chunks.nominalStart(piece + 1),
                  cache: &cache)
              } catch {
                batch = EventBatch(start: -1)
              }
              pipeline.deliver(piece, batch)
            }
            group.leave()
          }.start()
        }
        defer {
          pipeline.cancel()
          group.wait()
        }
        for piece in 0..<pieces {
          var batch = pipeline.batch(piece)
          if batch.start != start {
            batch = reading.readPiece(
              chunks, descriptor: descriptor, from: start, limit: chunks.nominalStart(piece + 1),
              cache: &cache)
          }
          try apply(batch, firstLine: line)
          start = batch.end
          line += batch.lines
        }
      }
    }
    eventCounts = progress.counts
    try finish(progress)
  }

  /// Whether `url` is a regular file (so its size is known and it can be read at offsets), following links.
  static func isRegularFile(_ url: URL) -> Bool {
    var status = stat()
    return stat(url.path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
  }

  /// The per-lead state the events change, copied out of the run's arrays for the loop.
  func eventState() -> EventState {
    EventState(
      lastEvent: .copy(lastEvent), accumulator: .copy(accumulator),
      accumulatorPeriod: .copy(accumulatorPeriod),
      fired: .copy(fired), ruleBucket: .copy(ruleBucket), ruleCount: .copy(ruleCount),
      clockStart: .copy(clockStart), handRaiseAt: .copy(handRaiseAt), mqlAt: .copy(mqlAt),
      stage: .copy(stage),
      stageAt: .copy(stageAt), createdDay: .copy(createdDay), fit: .copy(fit),
      scored: .copy(leadTypes.map { $0?.scored ?? true }),
      fires: .copy(ids.indices.map { exclusion[$0].isEmpty && (leadTypes[$0]?.scored ?? true) }),
      startsClock: .copy(ids.indices.map { exclusion[$0].isEmpty && (leadTypes[$0]?.slaApplies ?? true) }),
      ruleCountPerLead: compiled.engagementRules.count)
  }

  func storeEventState(_ state: EventState) {
    lastEvent = Array(state.lastEvent)
    accumulator = Array(state.accumulator)
    accumulatorPeriod = Array(state.accumulatorPeriod)
    fired = Array(state.fired)
    ruleBucket = Array(state.ruleBucket)
    ruleCount = Array(state.ruleCount)
    clockStart = Array(state.clockStart)
    handRaiseAt = Array(state.handRaiseAt)
    mqlAt = Array(state.mqlAt)
    stage = Array(state.stage)
    stageAt = Array(state.stageAt)
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

  // MARK: - Activities

  /// Due times, computed once the events have decided every clock's start.
  var standardDue: [Int64] = []
  var handRaiseDue: [Int64] = []
  var acceptDue: [Int64] = []
  var windowEnd: [Int64] = []

  func computeDeadlines() {
    let sla = compiled.config.sla
    let standard = sla.firstTouch.first { $0.priority == "standard" }?.within
    let fast = sla.firstTouch.first { $0.priority == "hand_raise" }?.within ?? standard
    let window = compiled.config.connectAttempts.window
    standardDue = Array(repeating: .max, count: ids.count)
    handRaiseDue = Array(repeating: .max, count: ids.count)
    acceptDue = Array(repeating: .max, count: ids.count)
    windowEnd = Array(repeating: .max, count: ids.count)
    for lead in 0..<ids.count where clockStart[lead] != .min {
      let start = clockStart[lead]
      if let standard { standardDue[lead] = clock.due(standard, from: start) }
      if handRaiseAt[lead] != .min, let fast { handRaiseDue[lead] = clock.due(fast, from: handRaiseAt[lead]) }
      if let within = sla.acceptReject { acceptDue[lead] = clock.due(within, from: start) }
      windowEnd[lead] = clock.due(window, from: start)
    }
  }

  /// Whether the lead's first touch is held to the hand-raise deadline: a hand-raise fired
  /// before any first touch, and its deadline is not later than the standard one.
  func isHandRaise(_ lead: Int) -> Bool {
    clockStart[lead] != .min && handRaiseAt[lead] != .min && firstTouch[lead] >= handRaiseAt[lead]
      && handRaiseDue[lead] <= standardDue[lead]
  }

  func firstTouchDue(_ lead: Int) -> Int64 { isHandRaise(lead) ? handRaiseDue[lead] : standardDue[lead] }

  public func countActivities(_ url: URL?) throws {
    computeDeadlines()
    guard let url else { return }
    let reader = reader(
      url, file: .activities, columns: ["lead_id", "rep", "channel", "disposition", "timestamp"],
      required: ["lead_id", "rep", "channel", "disposition", "timestamp"])
    var progress = FileProgress(url)
    let ownerOnly = compiled.config.connectAttempts.ownerOnly
    try reader.forEachRow { row in
      progress.row(row)
      if let problem = row.problem ?? notUTF8(row, 0, named: "lead_id") ?? notUTF8(row, 1, named: "rep") {
        return try report(row, problem, progress: &progress)
      }
      guard let found = leadIndex.find(row[0]) else {
        return try report(row, "unknown lead \(quoted(row[0]))", progress: &progress)
      }
      guard let instant = Timestamp.parse(row[4], zone: options.timeZone) else {
        return try report(row, "timestamp \(quoted(row[4])) \(timestampProblem)", progress: &progress)
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
      // The channel decides whether an activity counts; the disposition only whether it connected.
      let channel = FieldValue.key(row[2])
      guard compiled.channels.contains(channel) else {
        return progress.counts.ignore("undeclared channel '\(UserText.quote(channel.utf8, limit: 40))'")
      }
      let disposition = FieldValue.key(row[3])
      if !compiled.knownDispositions.contains(disposition) {
        // Still an attempt; it just never counts as connected. Counted so the team sees it.
        FileCounts.tally(
          UserText.quote(disposition.utf8, limit: 40), in: &progress.counts.undeclaredDispositions)
      }
      let start = clockStart[lead]
      guard start != .min else { return progress.counts.ignore("lead without an SLA clock") }
      guard instant >= start else { return progress.counts.ignore("before the lead reached MQL") }
      // With ownerOnly, only the owner's activities count; a lead without an owner has none.
      if ownerOnly, row.string(1) != owners[lead] || owners[lead].isEmpty {
        return progress.counts.ignore(
          owners[lead].isEmpty ? "lead without an owner" : "not by the lead's owner")
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

// MARK: - Several configs over the same files

extension ScoringRun {
  /// The same files scored under several configs (for `impact`), in one process. Each config
  /// gets its own run of the threaded engine over the files (`EventScoring` parses, looks up
  /// and timestamps events on every thread, which a second run repeats): sharing that parse
  /// between runs would split the engine's phase 1, and a single `score` is the path that
  /// must stay fast. Each run's results are those a separate `score` over the files gives.
  public static func scoring(
    configs: [ScoringConfig], options: Options, leads: URL, events: URL, activities: URL?
  ) throws -> [ScoringRun] {
    try configs.map { config in
      let run = try ScoringRun(config: config, options: options)
      try run.loadLeads(leads)
      try run.scoreEvents(events)
      try run.countActivities(activities)
      return run
    }
  }
}
