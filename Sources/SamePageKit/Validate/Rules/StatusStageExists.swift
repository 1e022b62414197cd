/// Each lead status belongs to a lifecycle stage that exists.
///
/// A status is a sub-state of one stage; a status whose stage is misspelt is never shown to
/// anyone and breaks the CRM mapping.
///
/// Fails:
///
///     - id: returned-not-ready
///       stage: sqll
public struct StatusStageExists: GlossaryRule {
  public static let id = "status.stage-exists"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    let knownStageIDs = glossary.stageIDs
    let stageRenames = RenameIndex(glossary, .stage)
    // A set, not `glossary.stage(_:)`: thousands of statuses times thousands of stages.
    let defined = Set(knownStageIDs.map(\.value))
    for status in glossary.leadStatuses.statuses {
      guard let stage = status.stage, !defined.contains(stage.value) else { continue }
      findings.unknownReference(
        stage, "lead status '\(status.id.value)' maps to unknown lifecycle stage '\(stage.value)'",
        candidates: knownStageIDs, renames: stageRenames, fix: "use the id of a lifecycle stage")
    }
  }
}
