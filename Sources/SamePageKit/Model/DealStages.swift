/// `deal-stages.yaml`: the pipelines of open deals, with win probability and forecast category.
public struct DealStages: Sendable {
  public var header: TermHeader
  public var pipelines: [Pipeline]

  public enum ForecastCategory: String, Sendable, CaseIterable, YAMLEnumeration {
    case pipeline
    case bestCase = "best_case"
    case commit
    case closed
    case omitted

    /// Confidence rises pipeline → best case → commit → closed; omitted is outside the forecast.
    public var confidence: Int? {
      switch self {
      case .pipeline: 1
      case .bestCase: 2
      case .commit: 3
      case .closed: 4
      case .omitted: nil
      }
    }
  }

  public struct Pipeline: Sendable {
    public var id: Located<Slug>
    public var label: Located<String>?
    public var stages: [Stage]
    public var location: SourceLocation
  }

  public struct Stage: Sendable {
    public var id: Located<Slug>
    public var label: Located<String>?
    public var definition: Located<String>?
    public var synonyms: [Located<String>]
    public var probability: Located<Int>?
    public var forecast: Located<ForecastCategory>?
    public var closed: Located<Bool>?
    public var won: Located<Bool>?
    /// A parking stage ("on hold"): open, but outside the probability and forecast order,
    /// because a deal enters it from any stage and resumes where it was.
    public var parked: Located<Bool>?
    public var staleAfterDays: Located<Int>?
    public var lostReasons: [Located<String>]
    public var location: SourceLocation

    public var isClosed: Bool { closed?.value ?? false }
    public var isWon: Bool { won?.value ?? false }
    public var isLost: Bool { isClosed && !isWon }
    public var isParked: Bool { parked?.value ?? false }
  }
}
