/// When a sales-accepted stage exists, the SLA gives sales a deadline to accept or reject.
///
/// Without an `accept_reject` commitment an MQL can wait in the queue forever and nobody
/// breaches anything.
///
/// Fails: `lifecycle-stages.yaml` declares `sal`, and `sla.yaml` has no commitment of kind
/// `accept_reject`.
public struct SALHasDeadline: GlossaryRule {
  public static let id = "lifecycle.sal-deadline"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    guard let sal = glossary.stage(role: .sal) else { return }
    let acceptReject = glossary.sla.commitments.first { $0.kind.value == .acceptReject }
    if acceptReject == nil {
      findings.report(
        at: sal.id.location,
        "stage '\(sal.id.value)' needs a deadline, but the SLA has no 'accept_reject' commitment",
        notes: [
          Diagnostic.Note(location: glossary.sla.header.location, message: "the SLA's commitments are here")
        ],
        fix:
          "add to sla.yaml a commitment of kind accept_reject with party sales, for example 24 business_hours"
      )
    }
  }
}
