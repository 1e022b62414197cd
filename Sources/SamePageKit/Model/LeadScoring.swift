/// `lead-scoring.yaml`: fit points from attributes, engagement points from behaviour, and the
/// thresholds that move a lead to MQL and SQL.
public struct LeadScoring: Sendable {
  public var header: TermHeader
  public var attributes: [Attribute]
  public var events: [EventType]
  public var fit: Model
  public var engagement: Model
  public var thresholds: [Threshold]
  public var handRaises: [HandRaise]

  public enum AttributeType: String, Sendable, CaseIterable, YAMLEnumeration {
    case text, number
  }

  /// A lead attribute that fit rules may test: title, industry, employees….
  public struct Attribute: Sendable {
    public var id: Located<Slug>
    public var label: Located<String>?
    public var type: Located<AttributeType>?
  }

  /// A kind of behaviour event that engagement rules may count: page views, form fills….
  public struct EventType: Sendable {
    public var id: Located<Slug>
    public var label: Located<String>?
  }

  /// A score (fit or engagement): its rules and the limits on its total.
  public struct Model: Sendable {
    public var rules: [Rule]
    public var cap: Located<Int>?
    public var floor: Located<Int>?
    public var decay: Decay?
    public var location: SourceLocation
  }

  public struct Decay: Sendable {
    public var percent: Located<Double>?
    public var everyDays: Located<Int>?
    public var location: SourceLocation
  }

  /// How often a repeatable rule may score: at most `max` times per `per`.
  public struct Frequency: Sendable {
    public enum Period: String, Sendable, CaseIterable, YAMLEnumeration {
      case day, week, month, ever
    }
    public var max: Located<Int>?
    public var per: Located<Period>?
    public var location: SourceLocation
  }

  /// The test a rule applies to an attribute or to an event's URL.
  public struct Condition: Sendable {
    /// Equal to one of these (case-insensitive).
    public var anyOf: [Located<String>]
    /// Contains one of these (case-insensitive).
    public var containsAny: [Located<String>]
    public var atLeast: Located<Double>?
    public var atMost: Located<Double>?

    public var isEmpty: Bool { anyOf.isEmpty && containsAny.isEmpty && atLeast == nil && atMost == nil }
    public var isNumeric: Bool { atLeast != nil || atMost != nil }
    public var isTextual: Bool { !anyOf.isEmpty || !containsAny.isEmpty }
  }

  public struct Rule: Sendable {
    public var id: Located<Slug>
    public var label: Located<String>?
    public var attribute: Located<Slug>?
    public var event: Located<Slug>?
    public var condition: Condition
    public var points: Located<Int>?
    /// Absent: the rule scores once per lead.
    public var frequency: Frequency?
    public var location: SourceLocation

    public var isRepeatable: Bool { frequency != nil }
  }

  /// Scores at or above which a lead reaches a stage (inclusive, fires once).
  public struct Threshold: Sendable {
    public var id: Located<Slug>
    public var stage: Located<Slug>?
    public var fit: Located<Int>?
    public var engagement: Located<Int>?
    public var location: SourceLocation
  }

  /// Behaviour that moves a fitting lead straight to a stage: demo or quote requests.
  public struct HandRaise: Sendable {
    public var event: Located<Slug>
    public var stage: Located<Slug>?
    public var minimumFit: Located<Int>?
    public var location: SourceLocation
  }
}
