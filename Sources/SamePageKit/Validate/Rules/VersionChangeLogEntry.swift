/// With `check --base REF`, a new `glossary_version` has its entry in the change log of
/// `sla.yaml`.
///
/// The rendered SLA prints the change log for the signatories: a version without an entry is
/// a change nobody described. When the change log has entries, `sla.dates-agree` already
/// reports a newest entry that is not the manifest's version, so this rule reports only a
/// change log left empty, and the mistake is reported once. Quiet without `--base`.
///
/// Fails against a base at 2.3.0 whose change log had entries:
///
///     glossary_version: 2.4.0   # samepage.yaml; sla.yaml has no `changes:`
public struct VersionChangeLogEntry: ChangeRule {
  public static let id = "version.change-log-entry"
  public static let severity = Severity.error
  public init() {}

  public func check(_ change: GlossaryComparison, into findings: inout Findings) {
    guard change.head.sla.changes.isEmpty else { return }
    for problem in change.problems(.noChangeLogEntry) {
      findings.report(at: problem.location, problem.summary, fix: problem.fix)
    }
  }
}
