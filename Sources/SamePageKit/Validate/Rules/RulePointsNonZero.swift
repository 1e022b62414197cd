/// Scoring rules award non-zero points, and frequency caps allow at least one per period.
///
/// A rule worth 0 points, or one capped at 0 times, does nothing but suggest to readers that
/// the behaviour counts.
///
/// Fails:
///
///     - {id: blog-post, event: page_view, points: 0}
public struct RulePointsNonZero: GlossaryRule {
  public static let id = "scoring.points-nonzero"
  public static let severity = Severity.warning
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    for rule in glossary.scoring.fit.rules + glossary.scoring.engagement.rules {
      if let points = rule.points, points.value == 0 {
        findings.report(
          at: points.location, "scoring rule '\(rule.id.value)' awards 0 points",
          fix: "give it points or remove it")
      }
      if let max = rule.frequency?.max, max.value < 1 {
        findings.report(
          at: max.location, "scoring rule '\(rule.id.value)' may score \(max.value) times per period",
          fix: "allow at least 1, or remove the rule")
      }
    }
  }
}
