/// Each pipeline has exactly one won stage and at least one lost stage, listed after its
/// open stages.
///
/// Every deal must be able to end, and "won" must mean one thing for revenue reports. A parked
/// stage ("on hold") may be listed anywhere, since deals enter it from any open stage.
///
/// Fails: a pipeline whose stages include no `won: true` stage.
public struct PipelineOutcomes: GlossaryRule {
  public static let id = "deal.pipeline-outcomes"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    for pipeline in glossary.dealStages.pipelines {
      let won = pipeline.stages.filter(\.isWon)
      if won.isEmpty {
        findings.report(
          at: pipeline.id.location, "pipeline '\(pipeline.id.value)' has no won stage",
          fix: "add a stage with 'closed: true', 'won: true', probability 100")
      }
      for extra in won.dropFirst() {
        findings.report(
          at: extra.id.location, "pipeline '\(pipeline.id.value)' has a second won stage '\(extra.id.value)'",
          fix: "keep one won stage per pipeline")
      }
      if !pipeline.stages.contains(where: \.isLost) {
        findings.report(
          at: pipeline.id.location, "pipeline '\(pipeline.id.value)' has no lost stage",
          fix: "add a stage with 'closed: true', probability 0, forecast omitted")
      }
      if let firstClosed = pipeline.stages.firstIndex(where: \.isClosed),
        let strayOpen = pipeline.stages[firstClosed...].first(where: { !$0.isClosed && !$0.isParked })
      {
        findings.report(
          at: strayOpen.id.location, "open stage '\(strayOpen.id.value)' is listed after a closed stage",
          fix: "list the open stages first, then the closed ones")
      }
    }
  }
}
