/// The SLA's connect-attempts commitment matches the connect-attempt sequence: the same
/// number of attempts in the same window.
///
/// The SLA is what sales signs; the sequence is what the CRM runs. When they disagree, reps
/// are measured against a number nobody told them.
///
/// Fails: `sla.yaml` promises 8 attempts within 10 business days while
/// `connect-attempts.yaml` requires 6.
public struct AttemptsAgree: GlossaryRule {
  public static let id = "sla.attempts-agree"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    guard let sequence = glossary.connectAttempts.sequence else { return }
    for commitment in glossary.sla.commitments where commitment.kind.value == .connectAttempts {
      if let promised = commitment.quantity, let required = sequence.requiredAttempts,
        promised.value != Double(required.value)
      {
        findings.report(
          at: promised.location,
          "the SLA promises \(formatNumber(promised.value)) attempts but the sequence requires \(required.value)",
          notes: [
            Diagnostic.Note(location: required.location, message: "the sequence requires \(required.value)")
          ],
          fix: "make the two numbers equal")
      }
      if let promised = commitment.within, let window = sequence.window, promised.value != window.value {
        findings.report(
          at: promised.location,
          "the SLA gives attempts \(promised.value) but the sequence's window is \(window.value)",
          notes: [Diagnostic.Note(location: window.location, message: "the sequence's window")],
          fix: "make the two windows equal")
      }
    }
  }
}
