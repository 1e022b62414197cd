import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The events file in two phases, so reading can use every core while results stay those of
/// one pass in file order:
///
/// 1. **Reading** (`EventReading`, any number of threads, one piece of the file each): a row
///    becomes a lead number, an event type, an instant and the bits of the URL rules it
///    matches, or an issue or a tally. Everything here depends on the row alone.
/// 2. **Scoring** (`EventState.apply`, one thread, pieces in file order): what depends on the
///    rows before — time order per lead, frequency caps, decay, thresholds — is applied to the
///    pieces one after another, and issues are reported with their absolute lines.
///
/// Memory stays proportional to leads: only a few pieces (a few MiB each) are in flight.
struct EventBatch: Sendable {
  struct Issue: Sendable {
    var line: Int
    var bytes: Int
    var reason: String
  }

  /// Where the piece's first record starts and where its last one ends (file offsets), and
  /// the lines it spans.
  var start: Int
  var end = 0
  var lines = 0
  var rows = 0
  var bytes = 0
  /// Rows that go on to scoring, in file order.
  var leads: [Int32] = []
  var events: [Int32] = []
  var instants: [Int64] = []
  /// `EventRules.maskWords[event]` words per row: which of the event's URL rules it matches.
  var masks: [UInt64] = []
  /// Skipped rows, lines relative to the piece.
  var issues: [Issue] = []
  var ignored = OrderedTally()
  /// Undeclared event types seen in this piece, as written, with their place in `ignored`:
  /// most files have a few, on many rows, and their message is made once.
  var ignoredTypes: [(bytes: [UInt8], key: Int)] = []
  var beforeCreation = 0
  var afterAsOf = 0
  /// Set when reading stopped early (the rows before it are valid).
  var stop: CSVChunks.Stop?

  init(start: Int) {
    self.start = start
    leads.reserveCapacity(1 << 16)
    events.reserveCapacity(1 << 16)
    instants.reserveCapacity(1 << 16)
  }
}

/// Counts by key in the order keys first appeared, so pieces counted apart merge into exactly
/// what counting in file order gives, including which keys the 64-key bound keeps.
struct OrderedTally: Sendable {
  private(set) var keys: [String] = []
  private(set) var counts: [Int] = []
  private var position: [String: Int] = [:]

  /// Counts `key` once; returns its place, for `add(at:)`.
  @discardableResult mutating func add(_ key: String) -> Int {
    if let index = position[key] {
      counts[index] += 1
      return index
    }
    position[key] = keys.count
    keys.append(key)
    counts.append(1)
    return keys.count - 1
  }

  mutating func add(at index: Int) { counts[index] += 1 }

  func merge(into counts: inout ScoringRun.FileCounts) {
    for (key, count) in zip(keys, self.counts) {
      counts.ignored += count
      if counts.ignoredBy[key] != nil || counts.ignoredBy.count < ScoringRun.FileCounts.reasonsKept {
        counts.ignoredBy[key, default: 0] += count
      } else {
        counts.ignoredBy["(other values)", default: 0] += count
      }
    }
  }
}

/// The URL-rule bits already worked out for an (event type, URL) pair: sites have far fewer
/// distinct URLs than page views, and testing each rule's patterns against every row was a
/// quarter of reading. One per reading thread; at most `capacity` pairs are kept.
struct URLMaskCache {
  private var keys = LeadIndex()
  private var masks: [UInt64] = []
  private var key: [UInt8] = []
  static let capacity = 1 << 14

  /// The mask for `event` and `url`, from the cache or from `compute`.
  mutating func mask(event: Int, url: UnsafeBufferPointer<UInt8>, compute: () -> UInt64) -> UInt64 {
    key.removeAll(keepingCapacity: true)
    withUnsafeBytes(of: Int32(event)) { key.append(contentsOf: $0) }
    key.append(contentsOf: url)
    let found = key.withUnsafeBufferPointer { keys.find($0) }
    if let found { return masks[Int(found)] }
    let mask = compute()
    if masks.count < Self.capacity {
      key.withUnsafeBufferPointer { _ = keys.insert($0) }
      masks.append(mask)
    }
    return mask
  }
}

/// What the reading phase needs, fixed before it starts and only read by its threads.
/// `@unchecked` because `ScoringConfig` is not declared Sendable; nothing here is mutated
/// after `init`.
final class EventReading: @unchecked Sendable {
  let leadIndex: FrozenLeadIndex
  let created: UnsafeMutableBufferPointer<Int64>
  let asOf: Int64
  let zone: LocalTimeZone?
  /// Event types as declared, to their index (the first, should one repeat).
  let eventLookup: FrozenLeadIndex
  let eventOfEntry: [Int]
  let eventIndex: [String: Int]
  /// The URL rules of event type `e` are `urlRuleStart[e]..<urlRuleStart[e + 1]` (in bit
  /// order), and rule `r`'s patterns `patternStart[r]..<patternStart[r + 1]` of `patterns`.
  let urlRuleStart: UnsafeMutableBufferPointer<Int>
  let patternStart: UnsafeMutableBufferPointer<Int>
  let patterns: [UnsafeBufferPointer<UInt8>]
  private let patternStorage: UnsafeMutableBufferPointer<UInt8>
  let maskWords: UnsafeMutableBufferPointer<Int>
  let timestampProblem: String
  /// Column positions of lead_id, type, timestamp and url in the header (-1: absent).
  let positions: [Int]
  let headerFields: Int

  init(run: ScoringRun, rules: EventRules, positions: [Int?], headerFields: Int) {
    leadIndex = run.leadIndex.frozen()
    created = .copy(run.created)
    asOf = run.options.asOf
    zone = run.options.timeZone
    var events = LeadIndex()
    var eventOfEntry: [Int] = []
    for (event, id) in run.compiled.eventIDs.enumerated() {
      id.withUnsafeBufferPointer { id in
        if events.find(id) == nil {
          _ = events.insert(id)
          eventOfEntry.append(event)
        }
      }
    }
    eventLookup = events.frozen()
    self.eventOfEntry = eventOfEntry
    eventIndex = run.compiled.eventIndex
    var ruleStart = [0]
    var patternStart = [0]
    var flat: [[UInt8]] = []
    for eventRules in rules.urlRules {
      for rulePatterns in eventRules {
        flat += rulePatterns
        patternStart.append(flat.count)
      }
      ruleStart.append(patternStart.count - 1)
    }
    urlRuleStart = .copy(ruleStart)
    self.patternStart = .copy(patternStart)
    let storage = UnsafeMutableBufferPointer<UInt8>.copy(flat.flatMap { $0 })
    patternStorage = storage
    var offset = 0
    var patterns: [UnsafeBufferPointer<UInt8>] = []
    for pattern in flat {
      patterns.append(UnsafeBufferPointer(rebasing: storage[offset..<offset + pattern.count]))
      offset += pattern.count
    }
    self.patterns = patterns
    maskWords = .copy(rules.maskWords)
    timestampProblem = run.timestampProblem
    self.positions = positions.map { $0 ?? -1 }
    self.headerFields = headerFields
  }

  deinit {
    created.deallocate()
    urlRuleStart.deallocate()
    patternStart.deallocate()
    patternStorage.deallocate()
    maskWords.deallocate()
  }

  static func quoted(_ bytes: UnsafeBufferPointer<UInt8>) -> String { "'" + UserText.quote(bytes) + "'" }

  /// One row of the reading phase (docs/SCORING.md, Inputs: shape and ids, the lead, the
  /// timestamp, then the values); what depends on earlier rows is left to `EventState`.
  func classify(
    lead leadBytes: UnsafeBufferPointer<UInt8>, type typeBytes: UnsafeBufferPointer<UInt8>,
    timestamp: UnsafeBufferPointer<UInt8>, url: UnsafeBufferPointer<UInt8>, line: Int, bytes: Int,
    problem: String?, into batch: inout EventBatch, lowered: inout [UInt8], cache: inout URLMaskCache
  ) {
    batch.rows += 1
    batch.bytes += bytes
    func skip(_ reason: String) { batch.issues.append(.init(line: line, bytes: bytes, reason: reason)) }
    if let problem { return skip(problem) }
    guard UserText.isValidUTF8(leadBytes) else {
      return skip("lead_id \(Self.quoted(leadBytes)) is not valid UTF-8; export the file as UTF-8")
    }
    guard let found = leadIndex.find(leadBytes) else { return skip("unknown lead \(Self.quoted(leadBytes))") }
    guard let instant = Timestamp.parse(timestamp, zone: zone) else {
      return skip("timestamp \(Self.quoted(timestamp)) \(timestampProblem)")
    }
    // Exact bytes first (the common case), then trimmed and without regard to case.
    guard
      let event = eventLookup.find(typeBytes).map({ eventOfEntry[Int($0)] })
        ?? eventIndex[FieldValue.key(typeBytes)]
    else {
      // A behaviour the glossary does not score.
      if let seen = batch.ignoredTypes.first(where: { $0.bytes.elementsEqual(typeBytes) }) {
        return batch.ignored.add(at: seen.key)
      }
      let key = batch.ignored.add(
        "undeclared event type '\(UserText.quote(FieldValue.key(typeBytes).utf8, limit: 40))'")
      if batch.ignoredTypes.count < 16 { batch.ignoredTypes.append((Array(typeBytes), key)) }
      return
    }
    if instant < created[Int(found)] {
      batch.beforeCreation += 1
      return
    }
    if instant > asOf {
      batch.afterAsOf += 1
      return
    }
    batch.leads.append(found)
    batch.events.append(Int32(event))
    batch.instants.append(instant)
    let words = maskWords[event]
    guard words > 0 else { return }
    if words == 1 {
      let mask = cache.mask(event: event, url: url) {
        urlMask(event: event, url: url, lowered: &lowered).first!
      }
      return batch.masks.append(mask)
    }
    batch.masks += urlMask(event: event, url: url, lowered: &lowered)
  }

  /// Which of the event type's URL rules match the URL (lowercased), as `maskWords[event]` words.
  func urlMask(event: Int, url: UnsafeBufferPointer<UInt8>, lowered: inout [UInt8]) -> [UInt64] {
    var masks: [UInt64] = []
    lowered.removeAll(keepingCapacity: true)
    for byte in url { lowered.append(byte >= 65 && byte <= 90 ? byte | 0x20 : byte) }
    lowered.withUnsafeBufferPointer { haystack in
      var word: UInt64 = 0
      let first = urlRuleStart[event]
      for rule in first..<urlRuleStart[event + 1] {
        let bit = rule - first
        if bit > 0, bit % 64 == 0 {
          masks.append(word)
          word = 0
        }
        for pattern in patternStart[rule]..<patternStart[rule + 1]
        where haystack.contains(bytes: patterns[pattern]) {
          word |= 1 << UInt64(bit % 64)
          break
        }
      }
      masks.append(word)
    }
    return masks
  }

  /// Reads the records that start in `[from, limit)` of the file.
  func readPiece(_ chunks: CSVChunks, descriptor: Int32, from: Int, limit: Int, cache: inout URLMaskCache)
    -> EventBatch
  {
    var batch = EventBatch(start: from)
    var lowered: [UInt8] = []
    lowered.reserveCapacity(512)
    let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    let (leadColumn, typeColumn, timeColumn, urlColumn) = (
      positions[0], positions[1], positions[2], positions[3]
    )
    do {
      let parsed = try chunks.parse(descriptor: descriptor, from: from, limit: limit) { record, line in
        func field(_ column: Int) -> UnsafeBufferPointer<UInt8> { column < 0 ? empty : record.field(column) }
        let problem =
          record.isMalformed
          ? "misplaced quote"
          : record.count != headerFields ? "expected \(headerFields) fields, found \(record.count)" : nil
        classify(
          lead: field(leadColumn), type: field(typeColumn), timestamp: field(timeColumn),
          url: field(urlColumn),
          line: line, bytes: record.byteCount, problem: problem, into: &batch, lowered: &lowered,
          cache: &cache)
      }
      batch.end = parsed.end
      batch.lines = parsed.lines
    } catch let stop as CSVChunks.Stop {
      batch.stop = stop
    } catch {
      batch.stop = .unreadable
    }
    return batch
  }
}

/// The engagement rules, thresholds and hand-raises flattened into arrays for the scoring
/// phase's loop.
struct EventRules: Sendable {
  enum Bucket: Sendable { case day, week, month, ever }

  /// Event type `e`'s rules are `candidates[candidateStart[e]..<candidateStart[e + 1]]`.
  var candidateStart: [Int] = [0]
  /// The rule's index, and its bit among the event's URL rules (-1: no URL patterns).
  var candidates: [(rule: Int, urlBit: Int)] = []
  var points: [Double] = []
  var maxPerBucket: [Int] = []
  var buckets: [Bucket] = []
  var urlRules: [[[[UInt8]]]] = []
  var maskWords: [Int] = []
  /// Minimums per threshold, `Int.min` and `-infinity` where the threshold sets none (always met).
  var thresholdFit: [Int] = []
  var thresholdEngagement: [Double] = []
  var thresholdStage: [Int] = []
  /// Per event type: the hand-raise's stage (-1: none) and minimum fit.
  var raiseStage: [Int] = []
  var raiseMinimumFit: [Int] = []
  var mqlStage: Int
  var decayFactor: Double
  var decayPeriodDays: Int
  var engagementCap: Double?
  var engagementFloor: Double?

  init(_ compiled: CompiledConfig) {
    for (event, rules) in compiled.rulesByEvent.enumerated() {
      var patterns: [[[UInt8]]] = []
      for rule in rules {
        let urlPatterns = compiled.engagementRules[rule].urlPatterns
        candidates.append((rule, urlPatterns.isEmpty ? -1 : patterns.count))
        if !urlPatterns.isEmpty { patterns.append(urlPatterns) }
      }
      candidateStart.append(candidates.count)
      urlRules.append(patterns)
      maskWords.append((patterns.count + 63) / 64)
      let raise = compiled.handRaises[event]
      raiseStage.append(raise?.stage ?? -1)
      raiseMinimumFit.append(raise?.minimumFit ?? 0)
    }
    for rule in compiled.engagementRules {
      points.append(rule.points)
      maxPerBucket.append(rule.maxPerBucket)
      switch rule.bucket {
      case .day: buckets.append(.day)
      case .week: buckets.append(.week)
      case .month: buckets.append(.month)
      case .ever: buckets.append(.ever)
      }
    }
    for threshold in compiled.thresholds {
      thresholdFit.append(threshold.fit ?? .min)
      thresholdEngagement.append(threshold.engagement.map(Double.init) ?? -.infinity)
      thresholdStage.append(threshold.stage)
    }
    mqlStage = compiled.mqlStage
    decayFactor = compiled.decayFactor
    decayPeriodDays = compiled.decayPeriodDays
    engagementCap = compiled.engagementCap
    engagementFloor = compiled.engagementFloor
  }

  func clampEngagement(_ value: Double) -> Double {
    var result = value
    if let cap = engagementCap { result = min(result, cap) }
    if let floor = engagementFloor { result = max(result, floor) }
    return result
  }
}

/// The per-lead state the scoring phase changes, in buffers of its own for the loop (no
/// copy-on-write or exclusivity checks per access); `ScoringRun.scoreEvents` copies it in
/// from the run's arrays and back out.
struct EventState {
  var lastEvent: UnsafeMutableBufferPointer<Int64>
  var accumulator: UnsafeMutableBufferPointer<Double>
  var accumulatorPeriod: UnsafeMutableBufferPointer<Int32>
  var fired: UnsafeMutableBufferPointer<UInt32>
  var ruleBucket: UnsafeMutableBufferPointer<Int32>
  var ruleCount: UnsafeMutableBufferPointer<UInt16>
  var clockStart: UnsafeMutableBufferPointer<Int64>
  var handRaiseAt: UnsafeMutableBufferPointer<Int64>
  var mqlAt: UnsafeMutableBufferPointer<Int64>
  var stage: UnsafeMutableBufferPointer<Int16>
  var stageAt: UnsafeMutableBufferPointer<Int64>
  // Read only.
  var createdDay: UnsafeMutableBufferPointer<Int32>
  var fit: UnsafeMutableBufferPointer<Int>
  /// Whether the lead's events earn points (`scored` lead type) and fire stages (also not excluded).
  var scored: UnsafeMutableBufferPointer<Bool>
  var fires: UnsafeMutableBufferPointer<Bool>
  /// Whether reaching MQL starts an SLA clock (not excluded, lead type with `slaApplies`).
  var startsClock: UnsafeMutableBufferPointer<Bool>
  let ruleCountPerLead: Int

  func deallocate() {
    lastEvent.deallocate()
    accumulator.deallocate()
    accumulatorPeriod.deallocate()
    fired.deallocate()
    ruleBucket.deallocate()
    ruleCount.deallocate()
    clockStart.deallocate()
    handRaiseAt.deallocate()
    mqlAt.deallocate()
    stage.deallocate()
    stageAt.deallocate()
    createdDay.deallocate()
    fit.deallocate()
    scored.deallocate()
    fires.deallocate()
    startsClock.deallocate()
  }

  /// Applies a piece's rows in order; returns how many were used and how many were out of order.
  func apply(_ batch: EventBatch, rules: EventRules) -> (used: Int, outOfOrder: Int) {
    var used = 0
    var outOfOrder = 0
    var maskCursor = 0
    let decays = rules.decayPeriodDays > 0 && rules.decayFactor != 1
    batch.leads.withUnsafeBufferPointer { leads in
      batch.events.withUnsafeBufferPointer { events in
        batch.instants.withUnsafeBufferPointer { instants in
          batch.masks.withUnsafeBufferPointer { masks in
            for row in 0..<leads.count {
              let lead = Int(leads[row])
              let event = Int(events[row])
              let instant = instants[row]
              let maskBase = maskCursor
              maskCursor += rules.maskWords[event]
              if instant < lastEvent[lead] {
                outOfOrder += 1
                continue
              }
              lastEvent[lead] = instant
              used += 1
              guard scored[lead] else { continue }
              let day = CivilDate.floorDiv(instant, 86_400_000)
              if decays {
                // As `ScoringRun.decayed`: whole periods since creation (docs/SCORING.md §6).
                let period = Int32((day - Int64(createdDay[lead])) / Int64(rules.decayPeriodDays))
                let elapsed = period - accumulatorPeriod[lead]
                if elapsed > 0 {
                  accumulator[lead] = accumulator[lead] * pow(rules.decayFactor, Double(elapsed))
                  accumulatorPeriod[lead] = period
                }
              }
              for candidate in rules.candidateStart[event]..<rules.candidateStart[event + 1] {
                let (rule, urlBit) = rules.candidates[candidate]
                if urlBit >= 0, masks[maskBase + urlBit >> 6] & (1 << UInt64(urlBit & 63)) == 0 { continue }
                let bucket: Int32
                switch rules.buckets[rule] {
                case .day: bucket = Int32(day)
                case .week: bucket = Int32(CivilDate.floorDiv(day + 3, 7))
                case .month:
                  let date = CivilDate.civil(Int(day))
                  bucket = Int32(date.year * 12 + date.month - 1)
                case .ever: bucket = 0
                }
                let slot = lead * ruleCountPerLead + rule
                if ruleBucket[slot] != bucket {
                  ruleBucket[slot] = bucket
                  ruleCount[slot] = 0
                }
                guard Int(ruleCount[slot]) < rules.maxPerBucket[rule] else { continue }
                ruleCount[slot] += 1
                accumulator[lead] += rules.points[rule]
              }
              advance(lead, at: instant, event: event, rules: rules)
            }
          }
        }
      }
    }
    return (used, outOfOrder)
  }

  /// Fires thresholds and hand-raises after an event, and moves the stage forward. The
  /// hand-raise is recorded before any clock starts, so one event that both crosses the MQL
  /// threshold and raises a hand starts a hand-raise clock.
  @inline(__always) func advance(_ lead: Int, at instant: Int64, event: Int, rules: EventRules) {
    guard fires[lead] else { return }
    let leadFit = fit[lead]
    let engagement = rules.clampEngagement(accumulator[lead])
    var target = -1
    let already = fired[lead]
    for position in 0..<rules.thresholdStage.count where already & (1 << UInt32(position)) == 0 {
      if leadFit < rules.thresholdFit[position] { continue }
      if engagement < rules.thresholdEngagement[position] { continue }
      fired[lead] |= 1 << UInt32(position)
      target = max(target, rules.thresholdStage[position])
    }
    let raise = rules.raiseStage[event]
    if raise >= 0, leadFit >= rules.raiseMinimumFit[event] {
      target = max(target, raise)
      if handRaiseAt[lead] == .min, raise >= rules.mqlStage { handRaiseAt[lead] = instant }
    }
    guard target >= 0 else { return }
    if target > Int(stage[lead]) {
      stage[lead] = Int16(target)
      stageAt[lead] = instant
    }
    if target >= rules.mqlStage {
      if mqlAt[lead] == .min { mqlAt[lead] = instant }
      if clockStart[lead] == .min, startsClock[lead] { clockStart[lead] = instant }
    }
  }
}

/// Hands pieces of the events file to reading threads and their batches back in file order,
/// with at most `window` pieces read ahead of the scoring, so memory stays bounded. The
/// state is guarded by `condition`; `@unchecked` for that reason.
final class PiecePipeline: @unchecked Sendable {
  private let condition = NSCondition()
  private var finished: [Int: EventBatch] = [:]
  private var nextPiece = 0
  private var consumed = 0
  private var cancelled = false
  let pieces: Int
  let window: Int

  init(pieces: Int, window: Int) {
    self.pieces = pieces
    self.window = window
  }

  /// The next piece to read, or nil when there is none or the run stopped.
  func take() -> Int? {
    condition.lock()
    defer { condition.unlock() }
    while !cancelled, nextPiece < pieces, nextPiece - consumed >= window { condition.wait() }
    guard !cancelled, nextPiece < pieces else { return nil }
    nextPiece += 1
    return nextPiece - 1
  }

  func deliver(_ piece: Int, _ batch: EventBatch) {
    condition.lock()
    finished[piece] = batch
    condition.broadcast()
    condition.unlock()
  }

  /// Waits for piece `piece`'s batch; pieces must be asked for in order.
  func batch(_ piece: Int) -> EventBatch {
    condition.lock()
    defer { condition.unlock() }
    while finished[piece] == nil { condition.wait() }
    consumed = piece + 1
    condition.broadcast()
    return finished.removeValue(forKey: piece)!
  }

  func cancel() {
    condition.lock()
    cancelled = true
    condition.broadcast()
    condition.unlock()
  }
}

extension UnsafeMutableBufferPointer {
  /// A buffer of its own holding the array's elements; the caller deallocates it.
  static func copy(_ array: [Element]) -> Self {
    let buffer = Self.allocate(capacity: array.count)
    _ = buffer.initialize(from: array)
    return buffer
  }
}
