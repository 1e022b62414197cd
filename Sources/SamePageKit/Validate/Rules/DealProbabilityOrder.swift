/// Along each pipeline's open stages, the win probability never falls.
///
/// Stages are listed in the order deals move through them; a later stage with a lower
/// probability makes the forecast drop when a deal progresses. A parked stage (`parked: true`,
/// "on hold") is outside this order: deals enter it from any stage.
///
/// Fails:
///
///     - {id: proposal-presented, probability: 60}
///     - {id: negotiation, probability: 40}
public struct DealProbabilityOrder: GlossaryRule {
  public static let id = "deal.probability-order"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    for pipeline in glossary.dealStages.pipelines {
      var previous: DealStages.Stage?
      for stage in pipeline.stages where !stage.isClosed && !stage.isParked {
        if let previous, let before = previous.probability, let now = stage.probability,
          now.value < before.value
        {
          findings.report(
            at: now.location,
            "deal stage '\(stage.id.value)' has probability \(now.value)%, lower than the \(before.value)% of '\(previous.id.value)' before it",
            notes: [
              Diagnostic.Note(
                location: before.location, message: "'\(previous.id.value)' is \(before.value)%")
            ],
            fix: "raise it to at least \(before.value)%, or reorder the stages")
        }
        previous = stage
      }
    }
  }
}
