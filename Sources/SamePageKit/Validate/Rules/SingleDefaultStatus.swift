/// Exactly one lead status is the default.
///
/// The default is what a new MQL gets when it reaches sales. None leaves new leads without a
/// status; two make the CRM pick one at random.
///
/// Fails:
///
///     - {id: new, default: true}
///     - {id: open, default: true}
public struct SingleDefaultStatus: GlossaryRule {
  public static let id = "status.single-default"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    let defaults = glossary.leadStatuses.statuses.filter { $0.isDefault?.value ?? false }
    if defaults.isEmpty {
      findings.report(
        at: glossary.leadStatuses.header.location, "no lead status is the default",
        fix: "add 'default: true' to the status new MQLs start with")
    }
    for extra in defaults.dropFirst() {
      findings.report(
        at: extra.isDefault?.location ?? extra.id.location,
        "lead status '\(extra.id.value)' is a second default",
        notes: [
          Diagnostic.Note(
            location: defaults[0].isDefault?.location,
            message: "'\(defaults[0].id.value)' is already the default")
        ],
        fix: "keep 'default: true' on one status only")
    }
  }
}
