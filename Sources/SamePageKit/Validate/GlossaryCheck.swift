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

  /// For the release branch: an agreement not signed as it stands is an error, not a note.
  public func requiringSignatures() -> GlossaryCheck {
    var check = self
    check.diagnostics = diagnostics.map { diagnostic in
      var diagnostic = diagnostic
      if diagnostic.id == SignedOff.id { diagnostic.severity = .error }
      return diagnostic
    }
    return check
  }
}
