/// An open deal stage is below 100%.
///
/// 100% means the deal is won; an open stage at 100% counts unsigned deals as revenue in the
/// forecast. Only the won stage, which is closed, is certain.
///
/// Fails:
///
///     - {id: contract-sent, probability: 100, forecast: commit}
public struct OpenDealUncertain: GlossaryRule {
  public static let id = "deal.open-below-100"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    for pipeline in glossary.dealStages.pipelines {
      // A won stage left open is `deal.won-stage`'s finding.
      for stage in pipeline.stages where !stage.isClosed && !stage.isWon {
        guard let probability = stage.probability, probability.value == 100 else { continue }
        findings.report(
          at: probability.location,
          "open deal stage '\(stage.id.value)' has probability \(probability.value)%; only a won stage is certain",
          fix: "lower it below 100%, or close the stage as won")
      }
    }
  }
}
