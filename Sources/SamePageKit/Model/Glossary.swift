/// The ten agreed terms, loaded and typed, with indexes for resolving references by id.
public struct Glossary: Sendable {
  public var directory: String
  public var manifest: Manifest
  public var sla: ServiceLevelAgreement
  public var icp: IdealCustomerProfile
  public var personas: BuyerPersonas
  public var journey: BuyerJourney
  public var lifecycle: LifecycleStages
  public var leadTypes: LeadTypes
  public var dealStages: DealStages
  public var leadStatuses: LeadStatuses
  public var scoring: LeadScoring
  public var connectAttempts: ConnectAttempts
  /// Every term file read, for the content hash and the file count in summaries.
  public var files: [GlossaryFile]
  /// From `signatures.yaml`, which is not part of the content it signs.
  public var signatures: [Signature] = []
  /// From `translations/<locale>.yaml`, one per language the glossary is translated into.
  public var translations: [Translation] = []

  /// What a signature and a scoring config name: the hash of the term files.
  public var contentHash: String { GlossaryHash.of(files) }

  /// The lifecycle stage with this id, if there is one.
  public func stage(_ id: Slug) -> LifecycleStages.Stage? {
    lifecycle.stages.first { $0.id.value == id }
  }

  /// The first stage with this role.
  public func stage(role: LifecycleStages.Role) -> LifecycleStages.Stage? {
    lifecycle.stages.first { $0.role?.value == role }
  }

  /// The position of a stage in the funnel (list order), for comparing earlier and later.
  public func stageIndex(_ id: Slug) -> Int? {
    lifecycle.stages.firstIndex { $0.id.value == id }
  }

  public func status(_ id: Slug) -> LeadStatuses.Status? {
    leadStatuses.statuses.first { $0.id.value == id }
  }
}

extension Glossary {
  /// The ten terms in the order the documents show them.
  public static let termKinds: [GlossaryFileKind] = [
    .sla, .icp, .personas, .buyerJourney, .lifecycleStages, .leadTypes, .dealStages, .leadStatuses,
    .leadScoring, .connectAttempts,
  ]

  /// The definition and owner a term's file starts with (the manifest has neither).
  public func header(_ kind: GlossaryFileKind) -> TermHeader {
    switch kind {
    case .manifest: TermHeader(definition: nil, owner: nil, location: manifest.location)
    case .sla: sla.header
    case .icp: icp.header
    case .personas: personas.header
    case .buyerJourney: journey.header
    case .lifecycleStages: lifecycle.header
    case .leadTypes: leadTypes.header
    case .dealStages: dealStages.header
    case .leadStatuses: leadStatuses.header
    case .leadScoring: scoring.header
    case .connectAttempts: connectAttempts.header
    }
  }

  /// Each term with its header, in document order.
  public var termHeaders: [(kind: GlossaryFileKind, header: TermHeader)] {
    Self.termKinds.map { ($0, header($0)) }
  }
}
