/// When the connect-attempt sequence runs out, the lead gets a lead status that exists and
/// is a recycle status.
///
/// "No response" leads go back to marketing for nurture; a misspelt or non-recycle status
/// leaves them with a rep who has stopped calling.
///
/// Fails:
///
///     exhausted_status: no-responce
public struct ExhaustionStatusValid: GlossaryRule {
  public static let id = "connect.exhaustion-status"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    let knownStatusIDs = glossary.statusIDs
    let statusRenames = RenameIndex(glossary, .status)
    guard let reference = glossary.connectAttempts.exhaustedStatus else { return }
    guard let status = glossary.status(reference.value) else {
      findings.unknownReference(
        reference, "exhausted status '\(reference.value)' is not a lead status",
        candidates: knownStatusIDs, renames: statusRenames, fix: "use the id of a lead status")
      return
    }
    if let category = status.category, category.value != .recycle {
      findings.report(
        at: reference.location,
        "exhausted status '\(reference.value)' has category '\(category.value.rawValue)', not 'recycle'",
        notes: [Diagnostic.Note(location: category.location, message: "category set here")],
        fix: "point to a recycle status such as 'no-response'")
    }
  }
}
