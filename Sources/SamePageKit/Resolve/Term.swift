/// The ten agreed terms and the manifest, each in its own file under the glossary directory.
public enum GlossaryFileKind: String, Sendable, CaseIterable {
  case manifest = "samepage"
  case sla
  case icp
  case personas
  case buyerJourney = "buyer-journey"
  case lifecycleStages = "lifecycle-stages"
  case leadTypes = "lead-types"
  case dealStages = "deal-stages"
  case leadStatuses = "lead-statuses"
  case leadScoring = "lead-scoring"
  case connectAttempts = "connect-attempts"

  public var fileName: String { rawValue + ".yaml" }

  /// The name of the term's own page: its title as a slug (`lifecycle-stages`,
  /// `service-level-agreement`), distinct from the SLA document's `sla`.
  public var pageName: String { Self.pageNames[self]! }

  /// Computed once: every link to another term's page asks for its name.
  private static let pageNames: [GlossaryFileKind: String] = Dictionary(
    uniqueKeysWithValues: allCases.map {
      ($0, $0.title.lowercased().replacingOccurrences(of: " ", with: "-"))
    })

  /// How the file's term is named to people.
  public var title: String {
    switch self {
    case .manifest: "Glossary manifest"
    case .sla: "Service level agreement"
    case .icp: "Ideal customer profile"
    case .personas: "Buyer personas"
    case .buyerJourney: "Buyer journey"
    case .lifecycleStages: "Lifecycle stages"
    case .leadTypes: "Lead types"
    case .dealStages: "Deal stages"
    case .leadStatuses: "Lead statuses"
    case .leadScoring: "Lead scoring"
    case .connectAttempts: "Connect attempts"
    }
  }
}
