/// With `check --base REF`, `effective_date` does not go backwards.
///
/// An agreement that takes effect before the one it replaces rewrites history: the SLA report
/// for the months in between would be measured against terms nobody had signed yet. Quiet
/// without `--base`.
///
/// Fails against a base effective 2026-10-01:
///
///     effective_date: 2026-09-01
public struct EffectiveDateForward: ChangeRule {
  public static let id = "version.effective-date-forward"
  public static let severity = Severity.error
  public init() {}

  public func check(_ change: GlossaryComparison, into findings: inout Findings) {
    for problem in change.problems(.effectiveDateBackwards) {
      findings.report(at: problem.location, problem.summary, fix: problem.fix)
    }
  }
}
