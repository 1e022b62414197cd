/// Escalation names both who and after how long, its tiers wait longer one after another, and
/// none escalates a lead before sales is late on it.
///
/// An escalation owner without a delay (or a delay without an owner) is a promise nobody can
/// act on. Tiers count from the hand-off, so a later tier must wait longer than the one before
/// it; and escalating an MQL before its first-touch deadline has passed punishes a rep who is
/// still on time.
///
/// Fails (standard first touch within 4 business hours):
///
///     escalation:
///       - {after: 2 business hours, to: Sales manager}
///       - {after: 1 business hour, to: VP Sales}
public struct EscalationChain: GlossaryRule {
  public static let id = "sla.escalation-chain"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    guard let handoff = glossary.sla.handoff else { return }
    switch (handoff.escalationOwner, handoff.escalateAfter) {
    case (let owner?, nil):
      findings.report(
        at: owner.location, "the escalation owner '\(owner.value)' has no delay",
        fix: "add 'escalate_after:' (for example 8 business hours) beside 'escalation_owner:'")
    case (nil, let after?):
      findings.report(
        at: after.location, "escalation after \(after.value) names nobody to escalate to",
        fix: "add 'escalation_owner:' with the role that takes the lead over")
    default: break
    }
    let day = glossary.workingDayMinutes
    let tiers = handoff.escalationTiers
    for (earlier, later) in zip(tiers, tiers.dropFirst())
    where later.after.value.minutes(workingDayMinutes: day)
      <= earlier.after.value.minutes(workingDayMinutes: day)
    {
      findings.report(
        at: later.after.location,
        "escalation to \(later.to.value) after \(later.after.value) does not wait longer than the tier before it (\(earlier.after.value))",
        notes: [
          Diagnostic.Note(
            location: earlier.after.location,
            message: "the earlier tier escalates after \(earlier.after.value)")
        ],
        fix: "order the tiers by delay, each longer than the one before")
    }
    let firstTouch = glossary.sla.commitments.filter { $0.kind.value == .firstTouch }
      .compactMap { commitment in commitment.deadline.map { (commitment, $0) } }
    guard let first = tiers.first,
      let (commitment, deadline) = firstTouch.max(by: {
        $0.1.minutes(workingDayMinutes: day) < $1.1.minutes(workingDayMinutes: day)
      }),
      first.after.value.minutes(workingDayMinutes: day) < deadline.minutes(workingDayMinutes: day)
    else { return }
    findings.report(
      at: first.after.location,
      "escalation after \(first.after.value) comes before the first-touch deadline '\(commitment.id.value)' (\(deadline)) has passed",
      notes: [
        Diagnostic.Note(
          location: commitment.quantity?.location, message: "first touch is due within \(deadline)")
      ],
      fix: "escalate no sooner than \(deadline) after the hand-off")
  }
}
