/// The hand-off names lead statuses that exist: the accepted status is a working status and
/// the rejected status is a recycle status.
///
/// The SLA clock stops when the rep sets one of these statuses; a misspelt one means the clock
/// never stops.
///
/// Fails:
///
///     handoff:
///       accepted_status: atempting
public struct HandoffStatusesExist: GlossaryRule {
  public static let id = "sla.status-exists"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    let knownStatusIDs = glossary.statusIDs
    let statusRenames = RenameIndex(glossary, .status)
    guard let handoff = glossary.sla.handoff else { return }
    let expectations: [(String, Located<Slug>?, LeadStatuses.Category)] = [
      ("accepted", handoff.acceptedStatus, .working), ("rejected", handoff.rejectedStatus, .recycle),
    ]
    for (role, reference, category) in expectations {
      guard let reference else { continue }
      guard let status = glossary.status(reference.value) else {
        findings.unknownReference(
          reference, "the hand-off's \(role) status '\(reference.value)' is not a lead status",
          candidates: knownStatusIDs, renames: statusRenames, fix: "use the id of a lead status")
        continue
      }
      if let actual = status.category, actual.value != category {
        findings.report(
          at: reference.location,
          "the hand-off's \(role) status '\(reference.value)' has category '\(actual.value.rawValue)', expected '\(category.rawValue)'",
          notes: [Diagnostic.Note(location: actual.location, message: "category set here")],
          fix: "point to a \(category.rawValue) status")
      }
    }
  }
}
