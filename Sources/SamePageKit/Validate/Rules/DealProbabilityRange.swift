/// Deal-stage probabilities are whole percentages from 0 to 100.
///
/// Fails:
///
///     - {id: negotiation, probability: 120}
public struct DealProbabilityRange: GlossaryRule {
  public static let id = "deal.probability-range"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    for stage in glossary.dealStages.pipelines.flatMap(\.stages) {
      guard let probability = stage.probability, !(0...100).contains(probability.value) else { continue }
      findings.report(
        at: probability.location,
        "deal stage '\(stage.id.value)' has probability \(probability.value)%, outside 0–100",
        fix: "use a percentage from 0 to 100")
    }
  }
}
