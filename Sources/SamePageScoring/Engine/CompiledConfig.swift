import Foundation

/// The config turned into what the hot loop needs: indexes instead of ids, lowercased byte
/// patterns, rules grouped by event type, stage positions.
struct CompiledConfig {
  enum Bucket { case day, week, month, ever }

  struct FitRule {
    var attribute: Int  // index into attributes
    var isNumeric: Bool
    var anyOf: Set<String>
    var containsAny: [String]
    var atLeast: Double?
    var atMost: Double?
    var points: Int
  }

  struct EngagementRule {
    var urlPatterns: [[UInt8]]
    var points: Double
    var maxPerBucket: Int
    var bucket: Bucket
  }

  struct Threshold {
    var stage: Int
    var fit: Int?
    var engagement: Int?
  }

  let config: ScoringConfig
  let attributes: [ScoringConfig.Attribute]
  let fitRules: [FitRule]
  let engagementRules: [EngagementRule]
  /// Event type index → the engagement rules that count it.
  let rulesByEvent: [[Int]]
  let eventIDs: [[UInt8]]
  /// Event type key (trimmed, lowercased) → index, for types not written exactly as declared.
  let eventIndex: [String: Int]
  /// Event type index → hand-raise stage and minimum fit.
  let handRaises: [Int: (stage: Int, minimumFit: Int)]
  /// In funnel order of their stages.
  let thresholds: [Threshold]
  let stageIDs: [String]
  let leadStage: Int
  let mqlStage: Int
  let leadTypes: [String: ScoringConfig.LeadType]
  let defaultLeadType: ScoringConfig.LeadType?
  let decayFactor: Double
  let decayPeriodDays: Int
  let engagementCap: Double?
  let engagementFloor: Double?
  let fitCap: Int?
  let fitFloor: Int?
  let channels: Set<String>
  let connectedDispositions: Set<String>
  let knownDispositions: Set<String>
  let emailDomains: Set<String>
  let emailSuffixes: [String]
  let competitorDomains: Set<String>
  let excludedCountries: Set<String>

  enum Failure: Error, CustomStringConvertible {
    case invalid(String)
    var description: String {
      switch self {
      case .invalid(let reason): "the scoring config cannot be used: \(reason)"
      }
    }
  }

  init(_ config: ScoringConfig) throws {
    // Configs built in code skip `load`; check them here so no accepted config can trap.
    if let problem = config.firstProblem { throw Failure.invalid(problem) }
    self.config = config
    attributes = config.attributes
    let ids = config.lifecycle.stages.map(\.id)
    stageIDs = ids
    func stage(_ id: String) throws -> Int {
      guard let index = ids.firstIndex(of: id) else { throw Failure.invalid("unknown stage '\(id)'") }
      return index
    }
    guard let lead = config.lifecycle.stages.firstIndex(where: { $0.role == "lead" }),
      let mql = config.lifecycle.stages.firstIndex(where: { $0.role == "mql" })
    else { throw Failure.invalid("the lifecycle needs stages with the roles lead and mql") }
    leadStage = lead
    mqlStage = mql

    fitRules = try config.fit.rules.map { rule in
      guard let name = rule.attribute, let index = config.attributes.firstIndex(where: { $0.id == name })
      else {
        throw Failure.invalid("fit rule '\(rule.id)' tests an undeclared attribute")
      }
      return FitRule(
        attribute: index, isNumeric: config.attributes[index].type == "number", anyOf: Set(rule.anyOf),
        containsAny: rule.containsAny, atLeast: rule.atLeast, atMost: rule.atMost, points: rule.points)
    }
    eventIDs = config.events.map { Array($0.utf8) }
    eventIndex = Dictionary(
      config.events.enumerated().map { (FieldValue.key($0.element), $0.offset) },
      uniquingKeysWith: { first, _ in first })
    var byEvent = [[Int]](repeating: [], count: config.events.count)
    engagementRules = try config.engagement.rules.enumerated().map { index, rule in
      guard let name = rule.event, let event = config.events.firstIndex(of: name) else {
        throw Failure.invalid("engagement rule '\(rule.id)' counts an undeclared event type")
      }
      byEvent[event].append(index)
      let bucket: Bucket
      switch rule.frequency?.per {
      case "day": bucket = .day
      case "week": bucket = .week
      case "month": bucket = .month
      default: bucket = .ever
      }
      return EngagementRule(
        urlPatterns: rule.containsAny.map { Array($0.lowercased().utf8) }, points: Double(rule.points),
        maxPerBucket: rule.frequency?.max ?? 1, bucket: bucket)
    }
    rulesByEvent = byEvent
    var raises: [Int: (Int, Int)] = [:]
    for raise in config.handRaises {
      guard let event = config.events.firstIndex(of: raise.event) else {
        throw Failure.invalid("hand-raise names an undeclared event type '\(raise.event)'")
      }
      raises[event] = (try stage(raise.stage), raise.minimumFit)
    }
    handRaises = raises
    thresholds = try config.thresholds.map {
      Threshold(stage: try stage($0.stage), fit: $0.fit, engagement: $0.engagement)
    }
    .sorted { $0.stage < $1.stage }
    leadTypes = Dictionary(
      config.leadTypes.map { (FieldValue.key($0.id), $0) }, uniquingKeysWith: { first, _ in first })
    defaultLeadType = config.leadTypes.first(where: \.isDefault)
    decayFactor = config.engagement.decay.map { 1 - $0.percent / 100 } ?? 1
    decayPeriodDays = config.engagement.decay?.everyDays ?? 0
    engagementCap = config.engagement.cap.map(Double.init)
    engagementFloor = config.engagement.floor.map(Double.init)
    fitCap = config.fit.cap
    fitFloor = config.fit.floor
    channels = Set(config.connectAttempts.channels.map(FieldValue.key))
    connectedDispositions = Set(
      config.connectAttempts.dispositions.filter(\.connected).map { FieldValue.key($0.id) })
    knownDispositions = Set(config.connectAttempts.dispositions.map { FieldValue.key($0.id) })
    emailDomains = Set(config.exclusions.emailDomains)
    emailSuffixes = config.exclusions.emailSuffixes
    competitorDomains = Set(config.exclusions.competitorDomains)
    excludedCountries = Set(config.exclusions.countries)
  }

  /// The stage a lead of this type starts in: the lead stage, or the first one after it that
  /// the type does not skip.
  func startStage(for type: ScoringConfig.LeadType?) -> Int {
    guard let skipped = type?.skipsStages, !skipped.isEmpty else { return leadStage }
    var index = leadStage
    while index < stageIDs.count - 1, skipped.contains(stageIDs[index]) { index += 1 }
    return index
  }

  func clampEngagement(_ value: Double) -> Double {
    var result = value
    if let cap = engagementCap { result = min(result, cap) }
    if let floor = engagementFloor { result = max(result, floor) }
    return result
  }

  func clampFit(_ value: Int) -> Int {
    var result = value
    if let cap = fitCap { result = min(result, cap) }
    if let floor = fitFloor { result = max(result, floor) }
    return result
  }
}
