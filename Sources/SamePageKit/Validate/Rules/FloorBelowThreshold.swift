/// A score's floor is below every threshold's requirement on that score.
///
/// Scores never fall below their floor, so a floor at or above a threshold's fit or engagement
/// makes every lead meet that part of the threshold on arrival: the threshold no longer
/// separates anyone.
///
/// Fails:
///
///     engagement: {floor: 50}
///     thresholds:
///       - {id: mql, stage: mql, fit: 40, engagement: 50}
public struct FloorBelowThreshold: GlossaryRule {
  public static let id = "scoring.floor-below-threshold"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    let scoring = glossary.scoring
    for threshold in scoring.thresholds {
      for (name, model, requirement) in [
        ("fit", scoring.fit, threshold.fit), ("engagement", scoring.engagement, threshold.engagement),
      ] {
        guard let floor = model.floor, let requirement, floor.value >= requirement.value,
          // A floor above the cap is `scoring.floor-below-cap`'s finding; this would repeat it.
          model.cap.map({ floor.value <= $0.value }) ?? true
        else { continue }
        findings.report(
          at: requirement.location,
          "threshold '\(threshold.id.value)' asks for \(name) \(requirement.value), which the \(name) floor \(floor.value) already gives every lead",
          notes: [Diagnostic.Note(location: floor.location, message: "the \(name) floor is \(floor.value)")],
          fix: "raise the threshold above \(floor.value), or lower the floor")
      }
    }
  }
}
