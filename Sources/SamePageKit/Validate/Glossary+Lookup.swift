/// Lists of ids that rules resolve references against.
extension Glossary {
  var stageIDs: [Located<Slug>] { lifecycle.stages.map(\.id) }
  var statusIDs: [Located<Slug>] { leadStatuses.statuses.map(\.id) }
  var segmentIDs: [Located<Slug>] { icp.segments.map(\.id) }
  var pipelineIDs: [Located<Slug>] { dealStages.pipelines.map(\.id) }
  var eventIDs: [Located<Slug>] { scoring.events.map(\.id) }
  var attributeIDs: [Located<Slug>] { scoring.attributes.map(\.id) }
  var channelIDs: [Located<Slug>] { connectAttempts.channels.map(\.id) }

  /// The working-day length the SLA calendar defines, for comparing deadlines.
  var workingDayMinutes: Double { sla.calendar?.workingDayMinutes ?? 8 * 60 }

  /// The lowest threshold that leads to the MQL stage.
  var mqlThreshold: LeadScoring.Threshold? {
    scoring.thresholds.first { threshold in
      threshold.stage.flatMap { stage($0.value)?.role?.value } == .mql
    }
  }
}

extension Located where Value == String {
  /// True when the text is absent in substance: empty or only white space.
  var isBlank: Bool { value.allSatisfy(\.isWhitespace) }
}

/// A number as people write it: `6`, not `6.0`.
func formatNumber(_ value: Double) -> String {
  value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}
