/// Buyer-journey phases map to lifecycle stages that exist, and each lifecycle stage belongs
/// to at most one phase.
///
/// Fails:
///
///     - id: consideration
///       lifecycle_stages: [mql, sall]
public struct JourneyStageExists: GlossaryRule {
  public static let id = "journey.stage-exists"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    let knownStageIDs = glossary.stageIDs
    let stageRenames = RenameIndex(glossary, .stage)
    var owner: [Slug: Slug] = [:]
    for phase in glossary.journey.stages {
      if phase.lifecycleStages.isEmpty {
        findings.report(
          at: phase.id.location, "journey phase '\(phase.id.value)' maps to no lifecycle stage",
          fix: "add 'lifecycle_stages:'")
      }
      for stage in phase.lifecycleStages {
        guard glossary.stage(stage.value) != nil else {
          findings.unknownReference(
            stage, "journey phase '\(phase.id.value)' maps to unknown lifecycle stage '\(stage.value)'",
            candidates: knownStageIDs, renames: stageRenames, fix: "use the id of a lifecycle stage"
          )
          continue
        }
        if let other = owner[stage.value], other != phase.id.value {
          findings.report(
            at: stage.location,
            "lifecycle stage '\(stage.value)' is in both '\(other)' and '\(phase.id.value)'",
            fix: "map each lifecycle stage to one journey phase")
        }
        owner[stage.value] = phase.id.value
      }
    }
  }
}
