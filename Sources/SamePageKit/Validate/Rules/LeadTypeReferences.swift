/// Lead types name deal pipelines and lifecycle stages that exist.
///
/// The type decides where a lead's deals go and which stages it skips; a wrong id silently
/// sends its deals nowhere.
///
/// Fails:
///
///     - {id: service, pipeline: servcie}
public struct LeadTypeReferences: GlossaryRule {
  public static let id = "leadtype.references"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    let knownPipelineIDs = glossary.pipelineIDs
    let knownStageIDs = glossary.stageIDs
    let pipelineRenames = RenameIndex(glossary, .pipeline)
    let stageRenames = RenameIndex(glossary, .stage)
    for type in glossary.leadTypes.types {
      if let pipeline = type.pipeline, !glossary.pipelineIDs.contains(where: { $0.value == pipeline.value }) {
        findings.unknownReference(
          pipeline, "lead type '\(type.id.value)' uses unknown deal pipeline '\(pipeline.value)'",
          candidates: knownPipelineIDs, renames: pipelineRenames,
          fix: "use the id of a pipeline in deal-stages.yaml")
      }
      for stage in type.skipsStages where glossary.stage(stage.value) == nil {
        findings.unknownReference(
          stage, "lead type '\(type.id.value)' skips unknown lifecycle stage '\(stage.value)'",
          candidates: knownStageIDs, renames: stageRenames, fix: "use the id of a lifecycle stage")
      }
    }
  }
}
