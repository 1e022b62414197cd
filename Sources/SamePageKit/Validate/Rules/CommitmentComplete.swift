/// Every SLA commitment names a party, a quantity and a unit, and the unit suits its kind.
///
/// "Sales follows up quickly" cannot be measured; "sales makes the first attempt within 4
/// business hours" can. Volumes need a period, deadlines a unit of time, rates `percent`.
///
/// Fails:
///
///     - {id: first-touch-standard, kind: first_touch, party: sales, quantity: 4}
public struct CommitmentComplete: GlossaryRule {
  public static let id = "sla.commitment-complete"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    for commitment in glossary.sla.commitments {
      let name = "commitment '\(commitment.id.value)'"
      var missing: [String] = []
      if commitment.party == nil { missing.append("party") }
      if commitment.quantity == nil { missing.append("quantity") }
      if commitment.unit == nil { missing.append("unit") }
      if !missing.isEmpty {
        findings.report(
          at: commitment.id.location, "\(name) does not name its \(missing.joined(separator: ", "))",
          fix: "add " + missing.map { "'\($0):'" }.joined(separator: ", "))
        continue
      }
      guard let unit = commitment.unit else { continue }
      let isTime = unit.value.deadline(1) != nil
      switch commitment.kind.value {
      case .mqlVolume:
        if unit.value != .mqls && unit.value != .leads {
          findings.report(
            at: unit.location, "\(name) counts MQLs but its unit is '\(unit.value.rawValue)'",
            fix: "use 'unit: mqls'")
        }
        if commitment.per == nil {
          findings.report(at: commitment.id.location, "\(name) has no period", fix: "add 'per: month'")
        }
      case .acceptanceRate:
        if unit.value != .percent {
          findings.report(
            at: unit.location, "\(name) is a rate but its unit is '\(unit.value.rawValue)'",
            fix: "use 'unit: percent'")
        }
      case .firstTouch, .acceptReject:
        if !isTime {
          findings.report(
            at: unit.location,
            "\(name) is a deadline but its unit '\(unit.value.rawValue)' is not a unit of time",
            fix: "use minutes, hours, business_hours, days or business_days")
        }
        if commitment.kind.value == .firstTouch, commitment.priority == nil {
          findings.report(
            at: commitment.id.location, "\(name) does not say which leads it covers",
            fix: "add 'priority: hand_raise' or 'priority: standard'")
        }
      case .connectAttempts:
        if unit.value != .attempts {
          findings.report(
            at: unit.location, "\(name) counts attempts but its unit is '\(unit.value.rawValue)'",
            fix: "use 'unit: attempts'")
        }
        if commitment.within == nil {
          findings.report(
            at: commitment.id.location, "\(name) has no window",
            fix: "add 'within:', for example 10 business days")
        }
      case .other:
        break
      }
    }
  }
}
