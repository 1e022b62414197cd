/// Every hand-off turnaround task names the party that owns it.
///
/// A turnaround is a promise like any commitment: "assign each new MQL within 15 minutes" is
/// kept by nobody when nobody owns it, and an escalation has no one to go to.
///
/// Fails:
///
///     turnaround:
///       - {task: Assign each new MQL to the territory rep, within: 15 minutes}
public struct TurnaroundOwner: GlossaryRule {
  public static let id = "sla.turnaround-owner"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    for task in glossary.sla.handoff?.turnaround ?? [] where task.owner == nil {
      findings.report(
        at: task.task.location, "turnaround task '\(task.task.value)' has no owner",
        fix: "add 'owner: marketing' or 'owner: sales'")
    }
  }
}
