/// Compiler-style lines that editors and terminals understand:
///
///     Glossary/lead-statuses.yaml:14:13: error: lead status 'x' maps to unknown stage 'sqll' [status.stage-exists]
///     Glossary/lifecycle-stages.yaml:9:7: note: did you mean 'sql'?
///       fix: …
public struct TextDiagnosticWriter: DiagnosticWriter {
  public var colored: Bool
  /// Printed after the findings: "2 errors, 1 warning in 11 files".
  public var filesChecked: Int?

  public init(colored: Bool = false, filesChecked: Int? = nil) {
    self.colored = colored
    self.filesChecked = filesChecked
  }

  public func write(_ diagnostics: [Diagnostic]) -> String {
    var out = ""
    for diagnostic in diagnostics {
      out += line(
        diagnostic.location, severity: diagnostic.severity,
        message: "\(diagnostic.summary) [\(diagnostic.id)]")
      for note in diagnostic.notes {
        out += line(note.location, severity: .note, message: note.message)
      }
      if let fix = diagnostic.fix {
        out += "  \(paint("fix:", .green)) \(fix)\n"
      }
    }
    out += summaryLine(diagnostics) + "\n"
    return out
  }

  func summaryLine(_ diagnostics: [Diagnostic]) -> String {
    let errors = diagnostics.errorCount
    let warnings = diagnostics.warningCount
    var text =
      errors == 0 && warnings == 0
      ? "no problems found"
      : "\(plural(errors, "error")), \(plural(warnings, "warning"))"
    if let filesChecked { text += " in \(plural(filesChecked, "file"))" }
    return text
  }

  private func line(_ location: SourceLocation?, severity: Severity, message: String) -> String {
    let place = location.map { paint("\($0):", .bold) + " " } ?? ""
    let label: String
    switch severity {
    case .error: label = paint("error:", .red)
    case .warning: label = paint("warning:", .yellow)
    case .note: label = paint("note:", .cyan)
    }
    return "\(place)\(label) \(message)\n"
  }

  private enum Style: String {
    case bold = "1"
    case red = "1;31"
    case yellow = "1;33"
    case cyan = "1;36"
    case green = "32"
  }

  private func paint(_ text: String, _ style: Style) -> String {
    colored ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
  }
}

func plural(_ count: Int, _ noun: String) -> String {
  "\(count) \(noun)\(count == 1 ? "" : "s")"
}
