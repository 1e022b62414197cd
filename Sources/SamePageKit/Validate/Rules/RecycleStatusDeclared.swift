/// A recycle status names, in `recycle_to`, an earlier stage that a declared recycle move
/// reaches from the status's own stage; other statuses have no `recycle_to`.
///
/// Recycling is the only way back through the funnel, so the status that performs it must
/// match a move the lifecycle allows.
///
/// Fails (lifecycle declares no move from `sql` to `lead`):
///
///     - {id: returned-not-ready, stage: sql, category: recycle, recycle_to: lead}
public struct RecycleStatusDeclared: GlossaryRule {
  public static let id = "status.recycle-declared"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    let knownStageIDs = glossary.stageIDs
    let stageRenames = RenameIndex(glossary, .stage)
    for status in glossary.leadStatuses.statuses {
      guard let category = status.category else { continue }
      if category.value != .recycle {
        if let target = status.recycleTo {
          findings.report(
            at: target.location, "status '\(status.id.value)' is not a recycle status but has 'recycle_to'",
            fix: "remove 'recycle_to', or set 'category: recycle'")
        }
        continue
      }
      guard let target = status.recycleTo else {
        findings.report(
          at: category.location, "recycle status '\(status.id.value)' does not say where the lead goes",
          fix: "add 'recycle_to:' with the stage the lead returns to")
        continue
      }
      guard glossary.stage(target.value) != nil else {
        findings.unknownReference(
          target, "recycle status '\(status.id.value)' returns leads to unknown stage '\(target.value)'",
          candidates: knownStageIDs, renames: stageRenames, fix: "use the id of a lifecycle stage")
        continue
      }
      guard let stage = status.stage else { continue }
      let declared = glossary.lifecycle.recycles.contains {
        $0.from.value == stage.value && $0.to.value == target.value
      }
      if !declared {
        findings.report(
          at: target.location,
          "status '\(status.id.value)' recycles from '\(stage.value)' to '\(target.value)', a move the lifecycle does not declare",
          fix:
            "add '- {from: \(stage.value), to: \(target.value)}' under 'recycles:' in lifecycle-stages.yaml, or change 'recycle_to'"
        )
      }
    }
  }
}
