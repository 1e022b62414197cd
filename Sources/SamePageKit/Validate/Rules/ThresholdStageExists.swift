/// Thresholds and hand-raises lead to lifecycle stages that exist.
///
/// Fails:
///
///     thresholds:
///       - {id: mql, stage: mq1, fit: 40, engagement: 50}
public struct ThresholdStageExists: GlossaryRule {
  public static let id = "scoring.threshold-stage-exists"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    let knownStageIDs = glossary.stageIDs
    let stageRenames = RenameIndex(glossary, .stage)
    for threshold in glossary.scoring.thresholds {
      if let stage = threshold.stage, glossary.stage(stage.value) == nil {
        findings.unknownReference(
          stage, "threshold '\(threshold.id.value)' leads to unknown lifecycle stage '\(stage.value)'",
          candidates: knownStageIDs, renames: stageRenames, fix: "use the id of a lifecycle stage")
      }
    }
    for handRaise in glossary.scoring.handRaises {
      if let stage = handRaise.stage, glossary.stage(stage.value) == nil {
        findings.unknownReference(
          stage, "hand-raise '\(handRaise.event.value)' leads to unknown lifecycle stage '\(stage.value)'",
          candidates: knownStageIDs, renames: stageRenames, fix: "use the id of a lifecycle stage")
      }
    }
  }
}
