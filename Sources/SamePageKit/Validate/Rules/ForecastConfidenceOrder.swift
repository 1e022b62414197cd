/// Open deal stages use the categories pipeline, best case or commit, and confidence never
/// falls from one open stage to the next.
///
/// `closed` belongs to won stages and `omitted` to lost ones; a later open stage in a less
/// confident category than the one before it makes a progressing deal leave the commit. A parked
/// stage (`parked: true`) is outside this order; `deal.parked-stage` checks it.
///
/// Fails:
///
///     - {id: proposal-presented, forecast: commit}
///     - {id: negotiation, forecast: best_case}
public struct ForecastConfidenceOrder: GlossaryRule {
  public static let id = "deal.forecast-order"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    for pipeline in glossary.dealStages.pipelines {
      var previous: (stage: DealStages.Stage, forecast: Located<DealStages.ForecastCategory>)?
      for stage in pipeline.stages where !stage.isClosed && !stage.isParked {
        guard let forecast = stage.forecast else { continue }
        if forecast.value == .closed || forecast.value == .omitted {
          findings.report(
            at: forecast.location,
            "open deal stage '\(stage.id.value)' uses the forecast category '\(forecast.value.rawValue)'",
            fix: "use pipeline, best_case or commit; closed and omitted are for closed stages")
          continue
        }
        if let previous, let before = previous.forecast.value.confidence, let now = forecast.value.confidence,
          now < before
        {
          findings.report(
            at: forecast.location,
            "deal stage '\(stage.id.value)' is '\(forecast.value.rawValue)', less confident than '\(previous.forecast.value.rawValue)' of '\(previous.stage.id.value)' before it",
            notes: [
              Diagnostic.Note(
                location: previous.forecast.location, message: "'\(previous.stage.id.value)' is here")
            ],
            fix: "use '\(previous.forecast.value.rawValue)' or a more confident category")
        }
        previous = (stage, forecast)
      }
    }
  }
}
