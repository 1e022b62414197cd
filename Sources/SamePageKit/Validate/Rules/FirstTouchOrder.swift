/// The SLA sets a standard first-touch deadline, and the hand-raise deadline is no longer.
///
/// A lead who asked for a demo or a quote is the hottest lead there is; giving it more time
/// than a standard MQL inverts the priority.
///
/// Fails:
///
///     - {id: first-touch-hand-raise, priority: hand_raise, quantity: 8, unit: business_hours}
///     - {id: first-touch-standard, priority: standard, quantity: 4, unit: business_hours}
public struct FirstTouchOrder: GlossaryRule {
  public static let id = "sla.first-touch-order"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    let firstTouch = glossary.sla.commitments.filter { $0.kind.value == .firstTouch }
    let standard = firstTouch.first { $0.priority?.value == .standard }
    let handRaise = firstTouch.first { $0.priority?.value == .handRaise }
    guard let standard else {
      findings.report(
        at: glossary.sla.header.location, "the SLA sets no first-touch deadline for standard MQLs",
        fix: "add a commitment of kind first_touch with priority standard, for example 4 business_hours")
      return
    }
    guard let handRaise, let fast = handRaise.deadline, let slow = standard.deadline else { return }
    let day = glossary.workingDayMinutes
    if fast.minutes(workingDayMinutes: day) > slow.minutes(workingDayMinutes: day) {
      findings.report(
        at: handRaise.quantity?.location ?? handRaise.id.location,
        "hand-raise first touch (\(fast)) is slower than standard first touch (\(slow))",
        notes: [
          Diagnostic.Note(location: standard.quantity?.location, message: "standard first touch is \(slow)")
        ],
        fix: "make the hand-raise deadline shorter, for example 5 minutes")
    }
  }
}
