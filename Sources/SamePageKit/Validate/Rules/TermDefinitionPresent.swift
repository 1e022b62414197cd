/// Every term file has a non-empty `definition`.
///
/// The definition is what the glossary and the SLA show first: what the term means in this
/// company. A term without one is a term the teams have not agreed on yet.
///
/// Fails:
///
///     definition: ""
///     owner: sales
public struct TermDefinitionPresent: GlossaryRule {
  public static let id = "term.definition-present"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    for (kind, header) in glossary.termHeaders {
      if let definition = header.definition {
        if definition.isBlank {
          findings.report(
            at: definition.location, "the definition of \(kind.title.lowercased()) is empty",
            fix: "write what \(kind.title.lowercased()) means in this company")
        }
      } else {
        findings.report(
          at: header.location, "\(kind.title.lowercased()) has no 'definition'",
          fix: "add 'definition:' with what the term means in this company")
      }
    }
  }
}
