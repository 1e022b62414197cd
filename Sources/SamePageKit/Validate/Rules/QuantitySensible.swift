/// Commitment quantities make sense: an MQL volume above zero, an acceptance rate above 0 and at
/// most 100 percent, and every deadline, window and turnaround above zero. A commitment of kind
/// `other` may promise zero of something ("0 leads lost"), but not a deadline of zero.
///
/// A volume of zero MQLs or a first touch "within 0 minutes" is a promise nobody can keep or
/// nobody needs to; a rate of 120% cannot be measured. These are typing slips that the signed
/// document would otherwise carry.
///
/// Fails:
///
///     - {id: acceptance-rate, party: marketing, kind: acceptance_rate, quantity: 0, unit: percent}
public struct QuantitySensible: GlossaryRule {
  public static let id = "sla.quantity-sensible"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    for commitment in glossary.sla.commitments {
      let name = "commitment '\(commitment.id.value)'"
      if let quantity = commitment.quantity {
        let amount = formatNumber(quantity.value)
        if commitment.kind.value == .acceptanceRate {
          if quantity.value <= 0 || quantity.value > 100 {
            findings.report(
              at: quantity.location, "\(name) is a rate of \(amount)%; a rate is above 0 and at most 100%",
              fix: "use a percentage above 0 and at most 100, for example 90")
          }
        } else if quantity.value <= 0,
          // "0 lost leads" is a fair promise of another kind; a deadline of 0 never is.
          commitment.kind.value != .other || commitment.deadline != nil
        {
          findings.report(
            at: quantity.location, "\(name) has quantity \(amount); it must be above zero",
            fix: "use a quantity above zero, or remove the commitment")
        }
      }
      if let within = commitment.within, within.value.amount <= 0 {
        findings.report(
          at: within.location, "\(name) has a window of \(within.value); it must be longer than zero",
          fix: "use a window above zero, for example 10 business days")
      }
    }
    for task in glossary.sla.handoff?.turnaround ?? [] where task.within.value.amount <= 0 {
      findings.report(
        at: task.within.location,
        "turnaround task '\(task.task.value)' must be done within \(task.within.value); it must be longer than zero",
        fix: "give the task a turnaround above zero, for example 1 business hour")
    }
  }
}
