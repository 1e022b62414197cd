/// A parked deal stage (`parked: true`, "on hold") is open, not won, and not in the forecast
/// category `closed`.
///
/// A deal is parked when the buyer pauses; it leaves the parking stage by resuming or by being
/// closed, so the stage itself decides nothing. It sits outside the probability and forecast
/// order (deals enter it from any open stage), and is usually in the category `omitted` so
/// paused deals do not inflate the forecast.
///
/// Fails:
///
///     - {id: on-hold, probability: 0, forecast: omitted, parked: true, closed: true}
public struct ParkedStage: GlossaryRule {
  public static let id = "deal.parked-stage"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    for pipeline in glossary.dealStages.pipelines {
      for stage in pipeline.stages {
        guard let parked = stage.parked, parked.value else { continue }
        if stage.isClosed || stage.isWon {
          findings.report(
            at: (stage.closed?.value == true ? stage.closed : stage.won)?.location ?? parked.location,
            "parked deal stage '\(stage.id.value)' is also \(stage.isWon ? "won" : "closed")",
            notes: [Diagnostic.Note(location: parked.location, message: "parked here")],
            fix: "remove 'parked: true', or keep the stage open: a parked deal has not been decided")
        } else if let forecast = stage.forecast, forecast.value == .closed {
          findings.report(
            at: forecast.location,
            "parked deal stage '\(stage.id.value)' is in the forecast category 'closed'",
            fix: "use 'omitted' (or 'pipeline') for deals on hold")
        }
      }
    }
  }
}
