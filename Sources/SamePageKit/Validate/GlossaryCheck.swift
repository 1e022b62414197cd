import Foundation

/// Load, resolve and validate in one call: what `check` prints and what `render`, `publish`
/// and `emit-config` refuse to go past when it has errors.
public struct GlossaryCheck: Sendable {
  public var glossary: Glossary?
  public var diagnostics: [Diagnostic]
  public var filesRead: Int
  public var hasUnreadableInput: Bool

  /// The glossary, only when it has no errors.
  public var validGlossary: Glossary? { diagnostics.hasErrors ? nil : glossary }

  public init(directory: URL, displayDirectory: String) {
    let result = GlossaryLoader().load(directory: directory, displayDirectory: displayDirectory)
    glossary = result.glossary
    diagnostics = result.diagnostics
    if let glossary = result.glossary { diagnostics = (diagnostics + Validator.validate(glossary)).sorted() }
    filesRead = result.filesRead
    hasUnreadableInput = result.hasUnreadableInput
  }

  /// With the version it changes (`check --base`): the change rules report a version, change
  /// log or effective date that does not say what the change does.
  public func comparing(with base: Glossary) -> GlossaryCheck {
    guard let glossary else { return self }
    var check = self
    check.diagnostics = (diagnostics + Validator.validate(GlossaryComparison(base: base, head: glossary)))
      .sorted()
    return check
  }

  /// For the release branch: an agreement not signed as it stands is an error, not a note.
  public func requiringSignatures() -> GlossaryCheck {
    guard let glossary else { return self }
    var findings = Findings(ruleID: SignedOff.id, severity: .error)
    SignedOff().check(glossary, into: &findings, required: true)
    var check = self
    check.diagnostics = (diagnostics.filter { $0.id != SignedOff.id } + findings.diagnostics).sorted()
    return check
  }
}
