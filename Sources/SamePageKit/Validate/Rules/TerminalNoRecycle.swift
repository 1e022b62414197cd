/// A terminal lifecycle stage has no recycle move out of it.
///
/// `terminal: true` says contacts stay there for good; a recycle from it says they come back.
/// Both cannot hold, and the scoring core would follow the recycle.
///
/// Fails:
///
///     - {id: other, order: 90, out_of_funnel: true, terminal: true}
///     recycles:
///       - {from: other, to: lead}
public struct TerminalNoRecycle: GlossaryRule {
  public static let id = "lifecycle.terminal-no-recycle"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    for recycle in glossary.lifecycle.recycles {
      guard let stage = glossary.stage(recycle.from.value), let terminal = stage.terminal, terminal.value
      else {
        continue
      }
      findings.report(
        at: recycle.from.location,
        "terminal stage '\(stage.id.value)' has a recycle move to '\(recycle.to.value)'",
        notes: [
          Diagnostic.Note(location: terminal.location, message: "'\(stage.id.value)' is terminal here")
        ],
        fix: "remove the recycle, or remove 'terminal: true' from '\(stage.id.value)'")
    }
  }
}
