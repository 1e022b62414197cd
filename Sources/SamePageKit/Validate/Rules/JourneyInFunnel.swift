/// A buyer-journey phase includes no out-of-funnel lifecycle stage.
///
/// The journey is the buyer's path to a purchase; suppliers, job seekers and other
/// out-of-funnel contacts are not on it, and content planned for them is wasted.
///
/// Fails:
///
///     - {id: awareness, lifecycle_stages: [subscriber, lead, other]}
public struct JourneyInFunnel: GlossaryRule {
  public static let id = "journey.in-funnel"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    for phase in glossary.journey.stages {
      for reference in phase.lifecycleStages {
        guard let stage = glossary.stage(reference.value), stage.isOutOfFunnel else { continue }
        findings.report(
          at: reference.location,
          "journey phase '\(phase.id.value)' includes the out-of-funnel stage '\(stage.id.value)'",
          notes: [Diagnostic.Note(location: stage.outOfFunnel?.location, message: "out of the funnel here")],
          fix: "remove '\(stage.id.value)' from the phase")
      }
    }
  }
}
