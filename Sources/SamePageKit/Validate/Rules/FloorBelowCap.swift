/// A score's floor is not above its cap.
///
/// The floor is the least a fit or engagement score can be and the cap the most; a floor above
/// the cap leaves no score a lead can have, and the scoring core refuses such a config.
///
/// Fails:
///
///     engagement:
///       cap: 150
///       floor: 200
public struct FloorBelowCap: GlossaryRule {
  public static let id = "scoring.floor-below-cap"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    for (name, model) in [("fit", glossary.scoring.fit), ("engagement", glossary.scoring.engagement)] {
      guard let floor = model.floor, let cap = model.cap, floor.value > cap.value else { continue }
      findings.report(
        at: floor.location, "the \(name) floor \(floor.value) is above the \(name) cap \(cap.value)",
        notes: [Diagnostic.Note(location: cap.location, message: "the \(name) cap is \(cap.value)")],
        fix: "lower the floor to at most \(cap.value), or raise the cap")
    }
  }
}
