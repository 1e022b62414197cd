/// Thresholds rise with their stages: a threshold to a later stage (SQL) asks for at least
/// the fit and engagement of one to an earlier stage (MQL), and each threshold sets at least
/// one of the two.
///
/// Thresholds are inclusive and fire once; if the SQL threshold were below the MQL one, leads
/// would skip MQL and the hand-off the SLA measures.
///
/// Fails:
///
///     - {id: mql, stage: mql, fit: 40, engagement: 50}
///     - {id: sql, stage: sql, fit: 40, engagement: 30}
public struct ThresholdOrder: GlossaryRule {
  public static let id = "scoring.threshold-order"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    let thresholds = glossary.scoring.thresholds.compactMap { threshold -> (LeadScoring.Threshold, Int)? in
      if threshold.fit == nil && threshold.engagement == nil {
        findings.report(
          at: threshold.id.location, "threshold '\(threshold.id.value)' sets neither fit nor engagement",
          fix: "add 'fit:' and 'engagement:' minimums")
      }
      guard let stage = threshold.stage, let index = glossary.stageIndex(stage.value) else { return nil }
      return (threshold, index)
    }.sorted { $0.1 < $1.1 }
    for (earlier, later) in zip(thresholds, thresholds.dropFirst()) where later.1 > earlier.1 {
      for (name, low, high) in [
        ("fit", earlier.0.fit, later.0.fit), ("engagement", earlier.0.engagement, later.0.engagement),
      ] {
        guard let low, let high, high.value < low.value else { continue }
        findings.report(
          at: high.location,
          "threshold '\(later.0.id.value)' asks for \(name) \(high.value), below the \(low.value) of earlier threshold '\(earlier.0.id.value)'",
          notes: [
            Diagnostic.Note(location: low.location, message: "'\(earlier.0.id.value)' asks for \(low.value)")
          ],
          fix: "raise it to at least \(low.value)")
      }
    }
  }
}
