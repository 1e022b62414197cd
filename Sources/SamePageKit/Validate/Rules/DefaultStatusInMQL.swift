/// The default lead status sits in the MQL stage and is an `open` status: a new MQL has not
/// been worked, converted or sent back yet.
///
/// The default is the status every new MQL gets at the hand-off. In another stage it would
/// start the SLA clocks on leads that are not MQLs; as a working or converted status it would
/// count as accepted or won before sales has looked at it.
///
/// Fails:
///
///     - {id: new, stage: sal, category: working, default: true}
public struct DefaultStatusInMQL: GlossaryRule {
  public static let id = "status.default-in-mql"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    guard let status = glossary.leadStatuses.statuses.first(where: { $0.isDefault?.value ?? false }) else {
      return
    }
    let mql = glossary.stage(role: .mql)
    if let stage = status.stage, let mql, let actual = glossary.stage(stage.value), actual.role?.value != .mql
    {
      findings.report(
        at: stage.location,
        "the default status '\(status.id.value)' sits in '\(stage.value)', not in the MQL stage '\(mql.id.value)'",
        notes: [Diagnostic.Note(location: mql.id.location, message: "the MQL stage is here")],
        fix: "set 'stage: \(mql.id.value)', or make an MQL status the default")
    }
    if let category = status.category, category.value != .open {
      findings.report(
        at: category.location,
        "the default status '\(status.id.value)' is a \(category.value.rawValue) status; a new MQL is open",
        fix: "set 'category: open', or make an open status the default")
    }
  }
}
