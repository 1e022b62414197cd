/// A won deal stage is closed, at 100%, in the forecast category `closed`.
///
/// Fails:
///
///     - {id: closed-won, won: true, closed: true, probability: 90, forecast: commit}
public struct WonStageClosed: GlossaryRule {
  public static let id = "deal.won-stage"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    for stage in glossary.dealStages.pipelines.flatMap(\.stages) where stage.isWon {
      if !stage.isClosed {
        findings.report(
          at: stage.won?.location, "won stage '\(stage.id.value)' is not closed", fix: "add 'closed: true'")
      }
      if let probability = stage.probability, probability.value != 100 {
        findings.report(
          at: probability.location,
          "won stage '\(stage.id.value)' has probability \(probability.value)%, not 100%",
          fix: "set 'probability: 100'")
      }
      if let forecast = stage.forecast, forecast.value != .closed {
        findings.report(
          at: forecast.location,
          "won stage '\(stage.id.value)' is in forecast category '\(forecast.value.rawValue)', not 'closed'",
          fix: "set 'forecast: closed'")
      }
    }
  }
}
