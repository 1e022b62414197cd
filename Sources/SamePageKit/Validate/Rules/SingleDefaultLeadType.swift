/// Exactly one lead type is the default.
///
/// A lead that arrives without a type (a web form, an import) gets the default; none leaves
/// it on no path, two make the routing ambiguous.
///
/// Fails:
///
///     - {id: new-business, default: true}
///     - {id: service, default: true}
public struct SingleDefaultLeadType: GlossaryRule {
  public static let id = "leadtype.single-default"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    findings.requireSingleDefault(
      "lead type", items: glossary.leadTypes.types.map { ($0.id, $0.isDefault) },
      term: glossary.leadTypes.header.location)
  }
}
