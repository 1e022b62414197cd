/// A hand-raise moves a lead to the MQL stage or a later one, never to an earlier or
/// out-of-funnel stage.
///
/// A demo or quote request is the strongest buying signal there is; sending it to "lead" puts
/// the hottest lead back into nurture, behind the leads the thresholds promote.
///
/// Fails:
///
///     - {event: demo_request, stage: lead, minimum_fit: 40}
public struct HandRaiseStage: GlossaryRule {
  public static let id = "scoring.hand-raise-stage"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    guard let mql = glossary.stage(role: .mql), let mqlIndex = glossary.stageIndex(mql.id.value) else {
      return
    }
    for handRaise in glossary.scoring.handRaises {
      guard let target = handRaise.stage, let stage = glossary.stage(target.value),
        let index = glossary.stageIndex(target.value)
      else { continue }
      if index < mqlIndex || stage.isOutOfFunnel {
        findings.report(
          at: target.location,
          "hand-raise '\(handRaise.event.value)' moves a lead to '\(target.value)', "
            + (stage.isOutOfFunnel ? "which is out of the funnel" : "before the MQL stage '\(mql.id.value)'"),
          fix: "send it to '\(mql.id.value)' or a later stage, such as the SQL stage")
      }
    }
  }
}
