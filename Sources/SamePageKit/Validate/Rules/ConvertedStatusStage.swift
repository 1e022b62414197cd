/// A converted lead status sits in the SQL stage or a later one.
///
/// Converted means the lead became a deal. A converted status in the MQL or SAL stage counts a
/// lead as won for sales before anyone qualified it, and the conversion rates in the SLA
/// report go wrong.
///
/// Fails:
///
///     - {id: converted, stage: mql, category: converted}
public struct ConvertedStatusStage: GlossaryRule {
  public static let id = "status.converted-stage"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    guard let sql = glossary.stage(role: .sql), let sqlIndex = glossary.stageIndex(sql.id.value) else {
      return
    }
    for status in glossary.leadStatuses.statuses where status.category?.value == .converted {
      guard let stage = status.stage, let index = glossary.stageIndex(stage.value), index < sqlIndex else {
        continue
      }
      findings.report(
        at: stage.location,
        "converted status '\(status.id.value)' sits in '\(stage.value)', before the SQL stage '\(sql.id.value)'",
        notes: [Diagnostic.Note(location: sql.id.location, message: "the SQL stage is here")],
        fix: "move it to '\(sql.id.value)' or a later stage")
    }
  }
}
