/// Labels are unique within each list of a term.
///
/// Two statuses both labelled "Working" look the same in the CRM and on the wiki even though
/// their ids differ. Deal-stage labels need only be unique within their pipeline.
///
/// Fails:
///
///     - {id: attempting, label: Working}
///     - {id: connected, label: Working}
public struct UniqueLabels: GlossaryRule {
  public static let id = "term.unique-labels"
  public static let severity = Severity.warning
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    var groups: [(String, [Located<String>?])] = [
      ("lifecycle stage", glossary.lifecycle.stages.map(\.label)),
      ("lead status", glossary.leadStatuses.statuses.map(\.label)),
      ("persona", glossary.personas.personas.map(\.label)),
      ("ICP segment", glossary.icp.segments.map(\.label)),
      ("journey stage", glossary.journey.stages.map(\.label)),
      ("lead type", glossary.leadTypes.types.map(\.label)),
      ("deal pipeline", glossary.dealStages.pipelines.map(\.label)),
      ("channel", glossary.connectAttempts.channels.map(\.label)),
      ("disposition", glossary.connectAttempts.dispositions.map(\.label)),
    ]
    groups += glossary.dealStages.pipelines.map { ("deal stage in '\($0.id.value)'", $0.stages.map(\.label)) }
    for (kind, labels) in groups {
      var first: [String: Located<String>] = [:]
      for label in labels.compactMap({ $0 }) {
        let key = label.value.lowercased()
        if let earlier = first[key] {
          findings.report(
            at: label.location, "\(kind) label '\(label.value)' is used twice",
            notes: [Diagnostic.Note(location: earlier.location, message: "first used here")],
            fix: "give each \(kind) a label people can tell apart")
        } else {
          first[key] = label
        }
      }
    }
  }
}
