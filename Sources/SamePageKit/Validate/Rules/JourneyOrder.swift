/// Buyer-journey phases map onto the lifecycle in order: every stage of a later phase comes
/// after every stage of an earlier one.
///
/// Awareness content for a lead that is already an SQL, or decision content for a
/// subscriber, sends the wrong message at the wrong time.
///
/// Fails:
///
///     - {id: awareness, lifecycle_stages: [subscriber, sql]}
///     - {id: consideration, lifecycle_stages: [mql]}
public struct JourneyOrder: GlossaryRule {
  public static let id = "journey.order"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    var latest: (stage: Located<Slug>, index: Int, phase: Slug)?
    for phase in glossary.journey.stages {
      // An out-of-funnel stage has no place in the order; `journey.in-funnel` reports it.
      let mapped = phase.lifecycleStages.compactMap { stage in
        glossary.stage(stage.value)?.isOutOfFunnel == true
          ? nil : glossary.stageIndex(stage.value).map { (stage, $0) }
      }
      for (stage, index) in mapped {
        if let latest, latest.phase != phase.id.value, index <= latest.index {
          findings.report(
            at: stage.location,
            "phase '\(phase.id.value)' maps to '\(stage.value)', which comes before '\(latest.stage.value)' of the earlier phase '\(latest.phase)'",
            notes: [
              Diagnostic.Note(
                location: latest.stage.location, message: "'\(latest.stage.value)' is mapped here")
            ],
            fix: "map phases to lifecycle stages in funnel order")
        }
      }
      if let last = mapped.max(by: { $0.1 < $1.1 }), last.1 > (latest?.index ?? -1) {
        latest = (last.0, last.1, phase.id.value)
      }
    }
  }
}
