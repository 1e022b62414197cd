/// A lost deal stage (closed and not won) is at 0%, in the forecast category `omitted`, and
/// lists the lost reasons a rep may choose.
///
/// Fails:
///
///     - {id: closed-lost, closed: true, probability: 10, forecast: omitted}
public struct LostStageClosed: GlossaryRule {
  public static let id = "deal.lost-stage"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    for stage in glossary.dealStages.pipelines.flatMap(\.stages) where stage.isLost {
      if let probability = stage.probability, probability.value != 0 {
        findings.report(
          at: probability.location,
          "lost stage '\(stage.id.value)' has probability \(probability.value)%, not 0%",
          fix: "set 'probability: 0'")
      }
      if let forecast = stage.forecast, forecast.value != .omitted {
        findings.report(
          at: forecast.location,
          "lost stage '\(stage.id.value)' is in forecast category '\(forecast.value.rawValue)', not 'omitted'",
          fix: "set 'forecast: omitted'")
      }
      if stage.lostReasons.isEmpty {
        findings.report(
          at: stage.id.location, "lost stage '\(stage.id.value)' lists no lost reasons",
          fix: "add 'lost_reasons:' such as Price, Chose a competitor, No decision")
      }
    }
  }
}
