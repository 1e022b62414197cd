/// `sla_applies: true` is set only on lead types that reach the MQL stage.
///
/// The SLA's clocks start at the hand-off of an MQL. A type that skips the MQL stage never
/// starts them, so `sla_applies: true` promises a follow-up the agreement never measures.
///
/// Fails:
///
///     - {id: existing-customer, skips_stages: [subscriber, lead, mql, sal], sla_applies: true}
public struct LeadTypeSLAReach: GlossaryRule {
  public static let id = "leadtype.sla-reach"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    guard let mql = glossary.stage(role: .mql) else { return }
    for type in glossary.leadTypes.types {
      guard let applies = type.slaApplies, applies.value,
        let skip = type.skipsStages.first(where: { $0.value == mql.id.value })
      else { continue }
      findings.report(
        at: applies.location,
        "lead type '\(type.id.value)' has 'sla_applies: true' but skips the MQL stage '\(mql.id.value)', where the SLA clocks start",
        notes: [Diagnostic.Note(location: skip.location, message: "skipped here")],
        fix: "set 'sla_applies: false', or stop skipping '\(mql.id.value)'")
    }
  }
}
