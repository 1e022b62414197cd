/// Ids are unique within each term.
///
/// Ids are what other files, the wiki's anchors and the scoring config refer to; two entries
/// with one id make every reference to it ambiguous. Deal-stage ids are unique across all
/// pipelines, because each becomes an anchor in the same glossary page.
///
/// Fails:
///
///     statuses:
///       - id: new
///       - id: new
public struct UniqueIDs: GlossaryRule {
  public static let id = "term.unique-ids"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    let scoring = glossary.scoring
    let groups: [(String, [Located<Slug>])] = [
      ("lifecycle stage", glossary.stageIDs),
      ("lead status", glossary.statusIDs),
      ("persona", glossary.personas.personas.map(\.id)),
      ("ICP segment", glossary.segmentIDs),
      ("journey stage", glossary.journey.stages.map(\.id)),
      ("lead type", glossary.leadTypes.types.map(\.id)),
      ("deal pipeline", glossary.pipelineIDs),
      ("deal stage", glossary.dealStages.pipelines.flatMap(\.stages).map(\.id)),
      ("scoring attribute", glossary.attributeIDs),
      ("event type", glossary.eventIDs),
      ("scoring rule", (scoring.fit.rules + scoring.engagement.rules).map(\.id)),
      ("threshold", scoring.thresholds.map(\.id)),
      ("hand-raise event", scoring.handRaises.map(\.event)),
      ("channel", glossary.channelIDs),
      ("disposition", glossary.connectAttempts.dispositions.map(\.id)),
      ("SLA commitment", glossary.sla.commitments.map(\.id)),
    ]
    for (kind, ids) in groups {
      var first: [Slug: Located<Slug>] = [:]
      for id in ids {
        if let earlier = first[id.value] {
          findings.report(
            at: id.location, "\(kind) id '\(id.value)' is used twice",
            notes: [Diagnostic.Note(location: earlier.location, message: "'\(id.value)' first defined here")],
            fix: "give each \(kind) its own id")
        } else {
          first[id.value] = id
        }
      }
    }
  }
}
