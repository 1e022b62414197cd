/// Disqualify and recycle statuses list the reasons a rep may choose.
///
/// Marketing learns from why leads come back. A free-text "other" teaches nothing; an agreed
/// list of reasons makes the monthly review possible.
///
/// Fails:
///
///     - {id: disqualified, stage: sal, category: disqualified}
public struct StatusReasonsRequired: GlossaryRule {
  public static let id = "status.reasons-required"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    for status in glossary.leadStatuses.statuses {
      guard let category = status.category, category.value == .disqualified || category.value == .recycle,
        status.reasons.isEmpty
      else { continue }
      findings.report(
        at: category.location, "\(category.value.rawValue) status '\(status.id.value)' lists no reasons",
        fix: "add 'reasons:' with the reasons a rep may pick")
    }
  }
}
