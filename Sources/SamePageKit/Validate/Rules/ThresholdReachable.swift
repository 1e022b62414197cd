/// Every threshold can be reached under the rules and caps.
///
/// The most fit a lead can have is the sum of the positive fit points, limited by the fit cap.
/// Engagement is limited by its cap, and without repeatable positive rules also by the sum of
/// its positive points. A threshold above that maximum never fires, so no lead ever becomes
/// an MQL and marketing's volume commitment cannot be met.
///
/// Fails (fit points add up to 95):
///
///     - {id: mql, stage: mql, fit: 120, engagement: 50}
public struct ThresholdReachable: GlossaryRule {
  public static let id = "scoring.threshold-reachable"
  public static let severity = Severity.error
  public init() {}

  static func maximum(of model: LeadScoring.Model) -> Int? {
    let positive = model.rules.compactMap { $0.points?.value }.filter { $0 > 0 }.reduce(0, +)
    let repeatable = model.rules.contains { ($0.points?.value ?? 0) > 0 && $0.isRepeatable }
    switch (repeatable, model.cap?.value) {
    case (true, let cap?): return cap
    case (true, nil): return nil  // unbounded
    case (false, let cap?): return min(cap, positive)
    case (false, nil): return positive
    }
  }

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    let maxFit = Self.maximum(of: glossary.scoring.fit)
    let maxEngagement = Self.maximum(of: glossary.scoring.engagement)
    for threshold in glossary.scoring.thresholds {
      for (name, wanted, maximum) in [
        ("fit", threshold.fit, maxFit), ("engagement", threshold.engagement, maxEngagement),
      ] {
        guard let wanted, let maximum, wanted.value > maximum else { continue }
        findings.report(
          at: wanted.location,
          "threshold '\(threshold.id.value)' needs \(name) \(wanted.value), but no lead can score more than \(maximum)",
          fix: "lower the threshold to at most \(maximum), or raise the \(name) cap or points")
      }
    }
    for handRaise in glossary.scoring.handRaises {
      guard let wanted = handRaise.minimumFit, let maxFit, wanted.value > maxFit else { continue }
      findings.report(
        at: wanted.location,
        "hand-raise '\(handRaise.event.value)' needs fit \(wanted.value), but no lead can score more than \(maxFit)",
        fix: "lower 'minimum_fit' to at most \(maxFit)")
    }
  }
}
