/// Every first-touch deadline, for either priority, fits inside the connect-attempt window: the
/// window is never shorter than a first touch.
///
/// The first touch is the first attempt of the connect-attempt sequence. A window that closes
/// before the first touch is due would recycle a lead that sales was still allowed to leave
/// untouched. The window compared is the SLA's connect-attempts commitment `within:`, or the
/// sequence's `window:` when the SLA gives none (`sla.attempts-agree` makes them equal).
///
/// Fails:
///
///     - {id: first-touch-standard, kind: first_touch, priority: standard, quantity: 3, unit: business_days}
///     - {id: connect-attempts, kind: connect_attempts, quantity: 6, unit: attempts, within: 2 business days}
public struct FirstTouchInWindow: GlossaryRule {
  public static let id = "sla.first-touch-in-window"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    let window =
      glossary.sla.commitments.first { $0.kind.value == .connectAttempts }?.within
      ?? glossary.connectAttempts.sequence?.window
    // An empty window is `sla.quantity-sensible`'s finding; every first touch would repeat it.
    guard let window, window.value.amount > 0 else { return }
    let day = glossary.workingDayMinutes
    let windowMinutes = window.value.minutes(workingDayMinutes: day)
    for commitment in glossary.sla.commitments where commitment.kind.value == .firstTouch {
      guard let deadline = commitment.deadline, deadline.minutes(workingDayMinutes: day) > windowMinutes
      else { continue }
      findings.report(
        at: commitment.quantity?.location ?? commitment.id.location,
        "first touch '\(commitment.id.value)' (\(deadline)) does not fit in the connect-attempt window (\(window.value))",
        notes: [Diagnostic.Note(location: window.location, message: "the window is \(window.value)")],
        fix: "shorten the first-touch deadline, or lengthen the connect-attempt window")
    }
  }
}
