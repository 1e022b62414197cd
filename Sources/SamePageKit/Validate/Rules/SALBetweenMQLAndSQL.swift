/// A sales-accepted lead stage, if declared, sits between MQL and SQL and is optional.
///
/// SAL is the hand-off checkpoint: sales accepts an MQL before qualifying it. Anywhere else in
/// the order it means nothing. It is marked `optional: true` because a hand-raise may skip it.
///
/// Fails:
///
///     - {id: sql, order: 40}
///     - {id: sal, order: 50, optional: true}
public struct SALBetweenMQLAndSQL: GlossaryRule {
  public static let id = "lifecycle.sal-between"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    guard let sal = glossary.stage(role: .sal), let salIndex = glossary.stageIndex(sal.id.value) else {
      return
    }
    if let mql = glossary.stage(role: .mql), let sql = glossary.stage(role: .sql),
      let mqlIndex = glossary.stageIndex(mql.id.value), let sqlIndex = glossary.stageIndex(sql.id.value),
      !(mqlIndex < salIndex && salIndex < sqlIndex)
    {
      findings.report(
        at: sal.order?.location ?? sal.id.location,
        "the sales-accepted stage '\(sal.id.value)' is not between '\(mql.id.value)' and '\(sql.id.value)'",
        fix: "give '\(sal.id.value)' an order between the MQL and SQL stages")
    }
    if !sal.isOptional {
      findings.report(
        at: sal.id.location, "the sales-accepted stage '\(sal.id.value)' is not marked optional",
        explanation:
          "A fitting lead that requests a demo or quote goes straight to SQL, so SAL can be skipped.",
        fix: "add 'optional: true'")
    }
  }
}
