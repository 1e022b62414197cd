/// A lead type names a deal pipeline exactly when it reaches the opportunity stage: one that
/// skips the opportunity stage names none, one that reaches it names one.
///
/// Opportunities of a type go into its pipeline. A type that never becomes an opportunity has
/// nothing to put there, so the pipeline is a leftover; a type that does, without a pipeline,
/// leaves its deals with no stages, probabilities or forecast.
///
/// Fails:
///
///     - {id: service, label: Maintenance service}
public struct LeadTypePipelineReach: GlossaryRule {
  public static let id = "leadtype.pipeline-reach"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    guard let opportunity = glossary.stage(role: .opportunity) else { return }
    for type in glossary.leadTypes.types {
      let skip = type.skipsStages.first { $0.value == opportunity.id.value }
      if let skip, let pipeline = type.pipeline {
        findings.report(
          at: pipeline.location,
          "lead type '\(type.id.value)' names pipeline '\(pipeline.value)' but skips the opportunity stage '\(opportunity.id.value)'",
          notes: [Diagnostic.Note(location: skip.location, message: "skipped here")],
          fix: "remove the pipeline, or stop skipping '\(opportunity.id.value)'")
      } else if skip == nil, type.pipeline == nil {
        findings.report(
          at: type.id.location,
          "lead type '\(type.id.value)' reaches the opportunity stage '\(opportunity.id.value)' but names no pipeline",
          fix: "add 'pipeline:' with the id of the deal pipeline its opportunities go into")
      }
    }
  }
}
