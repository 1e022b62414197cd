/// Every recycle move names lifecycle stages that exist.
///
/// Fails:
///
///     recycles:
///       - {from: sqll, to: mql}
public struct RecycleStagesExist: GlossaryRule {
  public static let id = "lifecycle.recycle-stages-exist"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    let knownStageIDs = glossary.stageIDs
    let stageRenames = RenameIndex(glossary, .stage)
    for recycle in glossary.lifecycle.recycles {
      for end in [recycle.from, recycle.to] where glossary.stage(end.value) == nil {
        findings.unknownReference(
          end, "recycle move names unknown lifecycle stage '\(end.value)'", candidates: knownStageIDs,
          renames: stageRenames,
          fix: "use the id of a stage")
      }
    }
  }
}
