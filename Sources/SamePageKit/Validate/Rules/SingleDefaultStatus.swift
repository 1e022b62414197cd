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
    findings.requireSingleDefault(
      "lead status", items: glossary.leadStatuses.statuses.map { ($0.id, $0.isDefault) },
      term: glossary.leadStatuses.header.location)
  }
}
