/// When a sales-accepted lead stage exists, the hand-off's accepted status sits in it.
///
/// Accepting an MQL is what moves it to SAL. An accepted status in another stage leaves
/// accepted leads in MQL (or skips SAL), so the SAL stage never fills and its deadline is never
/// measured.
///
/// Fails (the accepted status `attempting` sits in `mql`):
///
///     handoff:
///       accepted_status: attempting
public struct AcceptedStatusInSAL: GlossaryRule {
  public static let id = "sla.accepted-in-sal"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    guard let sal = glossary.stage(role: .sal), let reference = glossary.sla.handoff?.acceptedStatus,
      let status = glossary.status(reference.value), let stage = status.stage, stage.value != sal.id.value,
      // An accepted status that is not a working status is `sla.status-exists`'s finding.
      status.category?.value == .working
    else { return }
    findings.report(
      at: stage.location,
      "the accepted status '\(status.id.value)' sits in '\(stage.value)', not in the sales-accepted stage '\(sal.id.value)'",
      notes: [Diagnostic.Note(location: reference.location, message: "the hand-off accepts with it here")],
      fix: "set 'stage: \(sal.id.value)'")
  }
}
