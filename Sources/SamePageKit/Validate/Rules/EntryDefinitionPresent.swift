/// Lifecycle stages, lead statuses, lead types, deal stages, ICP segments and journey stages
/// each have a non-empty `definition`.
///
/// These entries get their own anchored entry in the glossary; an entry without a definition
/// leaves reps guessing what, say, "Connected" means.
///
/// Fails:
///
///     - id: connected
///       label: Connected
///       stage: sal
///       category: working
public struct EntryDefinitionPresent: GlossaryRule {
  public static let id = "entry.definition-present"
  public static let severity = Severity.warning
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    var entries: [(kind: String, id: Located<Slug>, definition: Located<String>?)] = []
    entries += glossary.lifecycle.stages.map { ("lifecycle stage", $0.id, $0.definition) }
    entries += glossary.leadStatuses.statuses.map { ("lead status", $0.id, $0.definition) }
    entries += glossary.leadTypes.types.map { ("lead type", $0.id, $0.definition) }
    entries += glossary.dealStages.pipelines.flatMap(\.stages).map { ("deal stage", $0.id, $0.definition) }
    entries += glossary.icp.segments.map { ("ICP segment", $0.id, $0.definition) }
    entries += glossary.journey.stages.map { ("journey stage", $0.id, $0.definition) }
    for entry in entries where entry.definition?.isBlank ?? true {
      findings.report(
        at: entry.definition?.location ?? entry.id.location,
        "\(entry.kind) '\(entry.id.value)' has no definition",
        fix: "add 'definition:' with one or two sentences both teams agree on")
    }
  }
}
