import Foundation

/// The scoring config: everything the scoring core needs, emitted from a validated glossary by
/// `samepage emit-config`. This module owns the format and knows nothing of the glossary, so
/// the SLA on the wiki and the scores in the pipeline come from one file and cannot drift.
///
/// The JSON Schema is `Schemas/scoring-config.schema.json`; bump `currentSchemaVersion` on any
/// change a reader of an older version would misread.
public struct ScoringConfig: Codable, Equatable, Sendable {
  public static let currentSchemaVersion = 1
  public static let supportedSchemaVersions: ClosedRange<Int> = 1...1

  public var schemaVersion: Int
  public var organization: String
  public var glossaryVersion: String
  /// `sha256:` and the hex digest of the glossary files (see `GlossaryHash`).
  public var glossaryHash: String
  public var lifecycle: Lifecycle
  public var statuses: [Status]
  public var leadTypes: [LeadType]
  public var exclusions: Exclusions
  public var attributes: [Attribute]
  public var events: [String]
  public var fit: Score
  public var engagement: Score
  public var thresholds: [Threshold]
  public var handRaises: [HandRaise]
  public var sla: SLA
  public var calendar: Calendar
  public var connectAttempts: ConnectAttempts

  public struct Lifecycle: Codable, Equatable, Sendable {
    /// In funnel order.
    public var stages: [Stage]
    public var recycles: [Recycle]

    public init(stages: [Stage], recycles: [Recycle]) {
      self.stages = stages
      self.recycles = recycles
    }
  }

  public struct Stage: Codable, Equatable, Sendable {
    public var id: String
    public var order: Int
    /// subscriber, lead, mql, sal, sql, opportunity, customer, evangelist or other; nil when the
    /// stage plays none of these roles.
    public var role: String?
    public var outOfFunnel: Bool

    public init(id: String, order: Int, role: String?, outOfFunnel: Bool) {
      self.id = id
      self.order = order
      self.role = role
      self.outOfFunnel = outOfFunnel
    }
  }

  public struct Recycle: Codable, Equatable, Sendable {
    public var from: String
    public var to: String

    public init(from: String, to: String) {
      self.from = from
      self.to = to
    }
  }

  public struct Status: Codable, Equatable, Sendable {
    public var id: String
    public var stage: String
    /// open, working, converted, disqualified or recycle.
    public var category: String
    public var isDefault: Bool
    public var recycleTo: String?

    public init(id: String, stage: String, category: String, isDefault: Bool, recycleTo: String?) {
      self.id = id
      self.stage = stage
      self.category = category
      self.isDefault = isDefault
      self.recycleTo = recycleTo
    }
  }

  public struct LeadType: Codable, Equatable, Sendable {
    public var id: String
    public var isDefault: Bool
    public var scored: Bool
    public var slaApplies: Bool
    public var skipsStages: [String]

    public init(id: String, isDefault: Bool, scored: Bool, slaApplies: Bool, skipsStages: [String]) {
      self.id = id
      self.isDefault = isDefault
      self.scored = scored
      self.slaApplies = slaApplies
      self.skipsStages = skipsStages
    }
  }

  public struct Exclusions: Codable, Equatable, Sendable {
    /// Lowercased.
    public var emailDomains: [String]
    /// Lowercased, each starting with a dot (`.edu`).
    public var emailSuffixes: [String]
    /// Lowercased company or email domains.
    public var competitorDomains: [String]
    /// ISO 3166-1 alpha-2, uppercased.
    public var countries: [String]

    public init(
      emailDomains: [String], emailSuffixes: [String], competitorDomains: [String], countries: [String]
    ) {
      self.emailDomains = emailDomains
      self.emailSuffixes = emailSuffixes
      self.competitorDomains = competitorDomains
      self.countries = countries
    }
  }

  public struct Attribute: Codable, Equatable, Sendable {
    public var id: String
    /// text or number.
    public var type: String

    public init(id: String, type: String) {
      self.id = id
      self.type = type
    }
  }

  public struct Score: Codable, Equatable, Sendable {
    public var cap: Int?
    public var floor: Int?
    public var decay: Decay?
    public var rules: [Rule]

    public init(cap: Int?, floor: Int?, decay: Decay?, rules: [Rule]) {
      self.cap = cap
      self.floor = floor
      self.decay = decay
      self.rules = rules
    }
  }

  /// Engagement loses `percent` of each event's points for every full `everyDays` period
  /// between the event and the as-of time.
  public struct Decay: Codable, Equatable, Sendable {
    public var percent: Double
    public var everyDays: Int

    public init(percent: Double, everyDays: Int) {
      self.percent = percent
      self.everyDays = everyDays
    }
  }

  public struct Rule: Codable, Equatable, Sendable {
    public var id: String
    /// Fit rules test an attribute; engagement rules count an event type.
    public var attribute: String?
    public var event: String?
    /// Case-insensitive equality with one of these (lowercased).
    public var anyOf: [String]
    /// Case-insensitive substring: of the attribute for fit rules, of the URL for engagement.
    public var containsAny: [String]
    public var atLeast: Double?
    public var atMost: Double?
    public var points: Int
    /// Nil: the rule scores once per lead.
    public var frequency: Frequency?

    public init(
      id: String, attribute: String?, event: String?, anyOf: [String], containsAny: [String],
      atLeast: Double?, atMost: Double?, points: Int, frequency: Frequency?
    ) {
      self.id = id
      self.attribute = attribute
      self.event = event
      self.anyOf = anyOf
      self.containsAny = containsAny
      self.atLeast = atLeast
      self.atMost = atMost
      self.points = points
      self.frequency = frequency
    }
  }

  public struct Frequency: Codable, Equatable, Sendable {
    public var max: Int
    /// day, week, month or ever.
    public var per: String

    public init(max: Int, per: String) {
      self.max = max
      self.per = per
    }
  }

  public struct Threshold: Codable, Equatable, Sendable {
    public var id: String
    public var stage: String
    public var fit: Int?
    public var engagement: Int?

    public init(id: String, stage: String, fit: Int?, engagement: Int?) {
      self.id = id
      self.stage = stage
      self.fit = fit
      self.engagement = engagement
    }
  }

  public struct HandRaise: Codable, Equatable, Sendable {
    public var event: String
    public var stage: String
    public var minimumFit: Int

    public init(event: String, stage: String, minimumFit: Int) {
      self.event = event
      self.stage = stage
      self.minimumFit = minimumFit
    }
  }

  public struct SLA: Codable, Equatable, Sendable {
    /// By priority: hand_raise and standard.
    public var firstTouch: [Clock]
    public var acceptReject: Duration?
    public var mqlVolume: Volume?
    /// Percent of MQLs sales accepts.
    public var acceptanceRate: Double?
    /// The status a lead gets when sales starts working it (the hand-off's accepted status).
    public var acceptedStatus: String?

    public init(
      firstTouch: [Clock], acceptReject: Duration?, mqlVolume: Volume?, acceptanceRate: Double?,
      acceptedStatus: String?
    ) {
      self.firstTouch = firstTouch
      self.acceptReject = acceptReject
      self.mqlVolume = mqlVolume
      self.acceptanceRate = acceptanceRate
      self.acceptedStatus = acceptedStatus
    }
  }

  public struct Clock: Codable, Equatable, Sendable {
    public var priority: String
    public var within: Duration

    public init(priority: String, within: Duration) {
      self.priority = priority
      self.within = within
    }
  }

  /// A span in wall-clock or business time: units minutes, hours, business_hours, days,
  /// business_days.
  public struct Duration: Codable, Equatable, Sendable {
    public var amount: Double
    public var unit: String

    public init(amount: Double, unit: String) {
      self.amount = amount
      self.unit = unit
    }
  }

  public struct Volume: Codable, Equatable, Sendable {
    public var quantity: Double
    /// week, month or quarter.
    public var per: String

    public init(quantity: Double, per: String) {
      self.quantity = quantity
      self.per = per
    }
  }

  public struct Calendar: Codable, Equatable, Sendable {
    /// An IANA time zone.
    public var timeZone: String
    /// ISO weekdays, 1 = Monday … 7 = Sunday.
    public var workingDays: [Int]
    /// "HH:MM", local time.
    public var start: String
    public var end: String
    /// "YYYY-MM-DD", local dates.
    public var holidays: [String]

    public init(timeZone: String, workingDays: [Int], start: String, end: String, holidays: [String]) {
      self.timeZone = timeZone
      self.workingDays = workingDays
      self.start = start
      self.end = end
      self.holidays = holidays
    }
  }

  public struct ConnectAttempts: Codable, Equatable, Sendable {
    public var channels: [String]
    /// Disposition id → counts as a conversation.
    public var dispositions: [Disposition]
    public var ownerOnly: Bool
    public var requiredAttempts: Int
    public var window: Duration
    public var exhaustedStatus: String

    public init(
      channels: [String], dispositions: [Disposition], ownerOnly: Bool, requiredAttempts: Int,
      window: Duration, exhaustedStatus: String
    ) {
      self.channels = channels
      self.dispositions = dispositions
      self.ownerOnly = ownerOnly
      self.requiredAttempts = requiredAttempts
      self.window = window
      self.exhaustedStatus = exhaustedStatus
    }
  }

  public struct Disposition: Codable, Equatable, Sendable {
    public var id: String
    public var connected: Bool

    public init(id: String, connected: Bool) {
      self.id = id
      self.connected = connected
    }
  }

  public init(
    schemaVersion: Int, organization: String, glossaryVersion: String, glossaryHash: String,
    lifecycle: Lifecycle, statuses: [Status], leadTypes: [LeadType], exclusions: Exclusions,
    attributes: [Attribute], events: [String], fit: Score, engagement: Score, thresholds: [Threshold],
    handRaises: [HandRaise], sla: SLA, calendar: Calendar, connectAttempts: ConnectAttempts
  ) {
    self.schemaVersion = schemaVersion
    self.organization = organization
    self.glossaryVersion = glossaryVersion
    self.glossaryHash = glossaryHash
    self.lifecycle = lifecycle
    self.statuses = statuses
    self.leadTypes = leadTypes
    self.exclusions = exclusions
    self.attributes = attributes
    self.events = events
    self.fit = fit
    self.engagement = engagement
    self.thresholds = thresholds
    self.handRaises = handRaises
    self.sla = sla
    self.calendar = calendar
    self.connectAttempts = connectAttempts
  }
}

extension ScoringConfig {
  public enum LoadError: Error, CustomStringConvertible, Equatable {
    case unreadable(String)
    case unsupportedSchemaVersion(Int)
    case invalid(String)
    case glossaryChanged(config: String, glossary: String)

    public var description: String {
      switch self {
      case .unreadable(let reason): "cannot read the scoring config: \(reason)"
      case .unsupportedSchemaVersion(let version):
        "the scoring config has schema version \(version); this samepage reads versions \(ScoringConfig.supportedSchemaVersions.lowerBound)–\(ScoringConfig.supportedSchemaVersions.upperBound). Emit it again with this samepage (samepage emit-config) or use the samepage that wrote it"
      case .invalid(let reason): "the scoring config is not valid: \(reason)"
      case .glossaryChanged(let config, let glossary):
        "the scoring config was emitted from a different glossary (config \(config), glossary now \(glossary)); run samepage emit-config again"
      }
    }
  }

  /// Reads a config, checking the schema version before anything else so that a config from a
  /// newer samepage gets a clear refusal instead of a decoding error.
  public static func load(_ data: Data) throws(LoadError) -> ScoringConfig {
    struct Header: Decodable { var schemaVersion: Int }
    let header: Header
    do {
      header = try JSONDecoder().decode(Header.self, from: data)
    } catch {
      throw .invalid("no schemaVersion (\(error))")
    }
    guard supportedSchemaVersions.contains(header.schemaVersion) else {
      throw .unsupportedSchemaVersion(header.schemaVersion)
    }
    let config: ScoringConfig
    do {
      config = try JSONDecoder().decode(ScoringConfig.self, from: data)
    } catch let DecodingError.keyNotFound(key, context) {
      throw .invalid("missing '\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))'")
    } catch let DecodingError.typeMismatch(_, context) {
      throw .invalid("wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'")
    } catch {
      throw .invalid("\(error)")
    }
    if let problem = config.firstProblem { throw .invalid(problem) }
    return config
  }

  /// Scores, caps, floors and minimums the core computes with: within Int32, with headroom for
  /// sums in 64 bits, and far past any score a team would write.
  public static let scoreLimit = 1_000_000_000

  /// Fired thresholds are bits of a UInt32 per lead.
  public static let maximumThresholds = 32
  /// A lead's stage is an Int16.
  public static let maximumLifecycleStages = Int(Int16.max)

  /// The first value the scoring core cannot compute with, naming its field; nil when there is
  /// none. A hand-edited config (or a glossary the glossary rules let through) must get this
  /// refusal, never a trap in the middle of a run.
  public var firstProblem: String? {
    var problems: [String] = []
    func score(_ value: Int?, _ field: String) {
      guard let value, abs(value) > Self.scoreLimit else { return }
      problems.append(
        "\(field) is \(value), outside ±\(Self.scoreLimit), the range the scoring core computes with")
    }
    func check(_ condition: Bool, _ problem: @autoclosure () -> String) {
      if !condition { problems.append(problem()) }
    }
    func duration(_ value: Duration?, _ field: String) {
      guard let value else { return }
      let units = ["minutes", "hours", "business_hours", "days", "business_days"]
      check(
        units.contains(value.unit),
        "\(field).unit '\(value.unit)' is not one of \(units.joined(separator: ", "))")
      check(
        value.amount.isFinite && (0...1_000_000).contains(value.amount),
        "\(field).amount is \(value.amount), outside 0–1000000")
    }
    for (name, part) in [("fit", fit), ("engagement", engagement)] {
      score(part.cap, "\(name).cap")
      score(part.floor, "\(name).floor")
      if let cap = part.cap, let floor = part.floor {
        check(floor <= cap, "\(name).floor (\(floor)) is above \(name).cap (\(cap))")
      }
      if let decay = part.decay {
        check(
          decay.percent.isFinite && (0...100).contains(decay.percent),
          "\(name).decay.percent is \(decay.percent), outside 0–100")
        check(decay.everyDays >= 1, "\(name).decay.everyDays is \(decay.everyDays); it must be at least 1")
      }
      for (index, rule) in part.rules.enumerated() {
        let field = "\(name).rules[\(index)]"
        score(rule.points, "\(field).points")
        if let frequency = rule.frequency {
          check(
            (0...65_535).contains(frequency.max),
            "\(field).frequency.max is \(frequency.max), outside 0–65535 (rule '\(rule.id)')")
          check(
            ["day", "week", "month", "ever"].contains(frequency.per),
            "\(field).frequency.per '\(frequency.per)' is not day, week, month or ever (rule '\(rule.id)')")
        }
      }
    }
    for (index, threshold) in thresholds.enumerated() {
      score(threshold.fit, "thresholds[\(index)].fit")
      score(threshold.engagement, "thresholds[\(index)].engagement")
    }
    check(
      thresholds.count <= Self.maximumThresholds,
      "thresholds has \(thresholds.count) entries; the core handles at most \(Self.maximumThresholds)")
    check(
      lifecycle.stages.count <= Self.maximumLifecycleStages,
      "lifecycle.stages has \(lifecycle.stages.count) entries; the core handles at most \(Self.maximumLifecycleStages)"
    )
    var raisedBy: [String: Int] = [:]
    for (index, raise) in handRaises.enumerated() {
      score(raise.minimumFit, "handRaises[\(index)].minimumFit")
      // One stage per event type: which of two would win is not something to guess.
      if let earlier = raisedBy[raise.event] {
        problems.append(
          "handRaises[\(index)] names the event type '\(raise.event)' again (handRaises[\(earlier)] has it); an event type raises a hand to one stage"
        )
      }
      raisedBy[raise.event] = raisedBy[raise.event] ?? index
    }
    for (index, clock) in sla.firstTouch.enumerated() {
      duration(clock.within, "sla.firstTouch[\(index)].within")
    }
    duration(sla.acceptReject, "sla.acceptReject")
    duration(connectAttempts.window, "connectAttempts.window")
    for day in calendar.workingDays {
      check((1...7).contains(day), "calendar.workingDays has \(day); ISO weekdays are 1–7")
    }
    for (field, time) in [("calendar.start", calendar.start), ("calendar.end", calendar.end)] {
      let parts = time.split(separator: ":", omittingEmptySubsequences: false)
      let valid =
        parts.count == 2
        && parts.allSatisfy { $0.count == 2 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
        && (0...24).contains(Int(parts[0]) ?? -1) && (0...59).contains(Int(parts[1]) ?? -1)
      check(valid, "\(field) '\(time)' is not a time HH:MM")
    }
    for holiday in calendar.holidays {
      check(
        CivilDate.parse(holiday) != nil,
        "calendar.holidays has '\(holiday)', which is not a real date YYYY-MM-DD")
    }
    return problems.first.map { $0 + "; correct it in the glossary and emit the config again" }
  }

  /// The canonical encoding: sorted keys, so the same glossary always yields the same bytes.
  public func encoded() -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Encoding plain structs of strings and numbers cannot fail.
    return try! encoder.encode(self) + Data("\n".utf8)
  }
}
