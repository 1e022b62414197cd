/// A hand-raise shortcut requires fit: its `minimum_fit` is at least the MQL threshold's fit,
/// and the MQL threshold sets a fit for it to compare against.
///
/// A demo request from a student or a competitor must not jump to SQL. The shortcut skips
/// engagement, never fit. An MQL threshold without `fit` leaves the gate with nothing to be at
/// least.
///
/// Fails:
///
///     hand_raises:
///       - {event: demo_request, stage: sql}
public struct HandRaiseFitGate: GlossaryRule {
  public static let id = "scoring.hand-raise-fit-gate"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    let mqlFit = glossary.mqlThreshold?.fit
    // A threshold that sets neither score is `scoring.threshold-order`'s finding.
    if let threshold = glossary.mqlThreshold, mqlFit == nil, threshold.engagement != nil,
      let first = glossary.scoring.handRaises.first
    {
      findings.report(
        at: threshold.id.location,
        "the MQL threshold '\(threshold.id.value)' sets no fit, yet hand-raises are gated against it",
        notes: [
          Diagnostic.Note(
            location: first.location, message: "hand-raise '\(first.event.value)' is gated here")
        ],
        fix: "add 'fit:' to the MQL threshold, for example 40")
    }
    for handRaise in glossary.scoring.handRaises {
      guard let minimum = handRaise.minimumFit else {
        findings.report(
          at: handRaise.location, "hand-raise '\(handRaise.event.value)' does not require fit",
          fix: "add 'minimum_fit:'" + (mqlFit.map { " of at least \($0.value), the MQL fit threshold" } ?? "")
        )
        continue
      }
      if let mqlFit, minimum.value < mqlFit.value {
        findings.report(
          at: minimum.location,
          "hand-raise '\(handRaise.event.value)' requires fit \(minimum.value), below the MQL fit threshold \(mqlFit.value)",
          notes: [
            Diagnostic.Note(
              location: mqlFit.location, message: "the MQL threshold asks for fit \(mqlFit.value)")
          ],
          fix: "raise 'minimum_fit' to at least \(mqlFit.value)")
      }
    }
  }
}
