/// With `check --base REF`, `glossary_version` is bumped as the change requires: a major version
/// for a breaking change, minor for a behavioural one, patch for wording.
///
/// The classes are those of `samepage diff`: an id removed or renamed, stages reordered or a
/// status moved breaks CRM mappings, reports and saved filters (major); thresholds, points,
/// deadlines and exclusions change what happens (minor); labels and definitions are wording
/// (patch). A version that understates the change tells the CRM admin there is nothing to
/// update. Quiet without `--base`; a version that is not MAJOR.MINOR.PATCH is reported by
/// `sla.dates-agree`.
///
/// Fails against a base at 2.3.0, with the MQL engagement threshold raised (behavioural):
///
///     glossary_version: 2.3.1
public struct VersionBumpMatchesChange: ChangeRule {
  public static let id = "version.bump-matches-change"
  public static let severity = Severity.error
  public init() {}

  public func check(_ change: GlossaryComparison, into findings: inout Findings) {
    for problem in change.problems(.bumpTooSmall) {
      findings.report(
        at: problem.location, problem.summary,
        explanation: "compared with \(change.base.directory); `samepage diff` lists the changes",
        fix: change.version.suggestedVersion.map {
          "set glossary_version to \($0), with a change-log entry for it in sla.yaml"
        })
    }
  }
}
