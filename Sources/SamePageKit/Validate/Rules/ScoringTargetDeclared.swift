/// Every scoring rule names a declared attribute (fit) or event type (engagement), and every
/// hand-raise names a declared event type.
///
/// The scoring core only sees attributes and events the glossary declares; a rule on an
/// undeclared one never fires and its points silently go missing.
///
/// Fails:
///
///     - {id: webinar, event: webinar_atended, points: 40}
public struct ScoringTargetDeclared: GlossaryRule {
  public static let id = "scoring.target-declared"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    let attributeRenames = RenameIndex(glossary, .attribute)
    let eventRenames = RenameIndex(glossary, .event)
    let attributes = glossary.attributeIDs
    let events = glossary.eventIDs
    for rule in glossary.scoring.fit.rules {
      if let attribute = rule.attribute, !attributes.contains(where: { $0.value == attribute.value }) {
        findings.unknownReference(
          attribute, "fit rule '\(rule.id.value)' tests undeclared attribute '\(attribute.value)'",
          candidates: attributes, renames: attributeRenames,
          fix: "declare it under 'attributes:' or use a declared one")
      }
    }
    for rule in glossary.scoring.engagement.rules {
      if let event = rule.event, !events.contains(where: { $0.value == event.value }) {
        findings.unknownReference(
          event, "engagement rule '\(rule.id.value)' counts undeclared event type '\(event.value)'",
          candidates: events, renames: eventRenames,
          fix: "declare it under 'events:' or use a declared one")
      }
    }
    for handRaise in glossary.scoring.handRaises
    where !events.contains(where: { $0.value == handRaise.event.value }) {
      findings.unknownReference(
        handRaise.event, "hand-raise names undeclared event type '\(handRaise.event.value)'",
        candidates: events, renames: eventRenames, fix: "declare it under 'events:'")
    }
  }
}
