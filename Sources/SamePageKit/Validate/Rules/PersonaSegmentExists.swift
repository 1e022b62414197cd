/// Every persona belongs to ICP segments that exist.
///
/// A persona is a person at an ideal-customer company; one tied to no segment describes
/// someone we do not sell to.
///
/// Fails:
///
///     - id: maintenance-manager
///       segments: [core-industrail]
public struct PersonaSegmentExists: GlossaryRule {
  public static let id = "persona.segment-exists"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    let segmentRenames = RenameIndex(glossary, .segment)
    let segments = glossary.segmentIDs
    for persona in glossary.personas.personas {
      if persona.segments.isEmpty {
        findings.report(
          at: persona.id.location, "persona '\(persona.id.value)' belongs to no ICP segment",
          fix: "add 'segments:' with ids from icp.yaml")
      }
      for segment in persona.segments where !segments.contains(where: { $0.value == segment.value }) {
        findings.unknownReference(
          segment, "persona '\(persona.id.value)' names unknown ICP segment '\(segment.value)'",
          candidates: segments, renames: segmentRenames, fix: "use the id of a segment in icp.yaml")
      }
    }
  }
}
