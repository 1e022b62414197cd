/// The funnel has exactly one stage for each of lead, MQL, SQL, opportunity and customer, and
/// at most one for each other role except `other`, which any number of custom stages may have.
///
/// Scoring thresholds, the SLA clocks and the reports find stages by role. A stage's role is
/// its `role:` field, or its id when the id is a role name (`mql`, `sql`…). `other` is the
/// role of a stage no rule looks for, such as a product-qualified lead (PQL) stage or a second
/// out-of-funnel stage, so it may repeat.
///
/// Fails (no stage has the role `mql`):
///
///     - {id: lead, order: 20}
///     - {id: sql, order: 50}
public struct LifecycleRequiredRoles: GlossaryRule {
  public static let id = "lifecycle.required-roles"
  public static let severity = Severity.error
  public init() {}

  static let required: [LifecycleStages.Role] = [.lead, .mql, .sql, .opportunity, .customer]

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    var byRole: [LifecycleStages.Role: Located<LifecycleStages.Role>] = [:]
    for stage in glossary.lifecycle.stages {
      guard let role = stage.role else { continue }
      if let earlier = byRole[role.value], role.value != .other {
        findings.report(
          at: role.location,
          "stage '\(stage.id.value)' has the role '\(role.value.rawValue)' that another stage already has",
          notes: [Diagnostic.Note(location: earlier.location, message: "role first given here")],
          fix: "give each role to one stage only")
      } else {
        byRole[role.value] = role
      }
    }
    for role in Self.required where byRole[role] == nil {
      findings.report(
        at: glossary.lifecycle.header.location, "no lifecycle stage has the role '\(role.rawValue)'",
        fix:
          "add a stage with id '\(role.rawValue)', or set 'role: \(role.rawValue)' on the stage that plays it"
      )
    }
  }
}
