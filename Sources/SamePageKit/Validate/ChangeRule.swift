/// A rule about a change rather than a glossary: it compares the glossary with the version it
/// changes (`samepage check --base REF`), and is quiet when there is nothing to compare with.
///
/// Written like any rule (one file under `Rules/`, its doc comment its documentation, listed by
/// `samepage rules`), so its findings reach the same writers (text, JSON, SARIF, annotations).
public protocol ChangeRule: GlossaryRule {
  func check(_ change: GlossaryComparison, into findings: inout Findings)
}

extension ChangeRule {
  /// Without a base there is no change to judge.
  public func check(_ glossary: Glossary, into findings: inout Findings) {}
}

/// The glossary under check beside its base, with the differences and the version check that
/// `samepage diff` computes: computed once for every change rule.
public struct GlossaryComparison: Sendable {
  public let base: Glossary
  public let head: Glossary
  public let changes: [GlossaryChange]
  public let version: VersionCheck

  public init(base: Glossary, head: Glossary) {
    self.base = base
    self.head = head
    changes = GlossaryDiff.changes(from: base, to: head)
    version = VersionCheck(base: base, head: head, changes: changes)
  }

  /// The version check's problems of one kind.
  func problems(_ kind: VersionCheck.Problem.Kind) -> [VersionCheck.Problem] {
    version.findings.filter { $0.kind == kind }
  }
}

extension Validator {
  /// The change rules, run on the glossary compared with its base.
  public static func validate(
    _ comparison: GlossaryComparison, rules: [any GlossaryRule.Type] = RuleCatalogue.ruleTypes
  ) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for case let rule as any ChangeRule.Type in rules {
      var findings = Findings(ruleID: rule.id, severity: rule.severity)
      rule.init().check(comparison, into: &findings)
      diagnostics += findings.diagnostics
    }
    return diagnostics.sorted()
  }
}
