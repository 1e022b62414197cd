/// GitHub Actions workflow commands, which annotate the pull request's changed files:
/// `::error file=Glossary/sla.yaml,line=3,col=5,title=sla.party-signatory::summary`.
public struct GitHubDiagnosticWriter: DiagnosticWriter {
  public init() {}

  public func write(_ diagnostics: [Diagnostic]) -> String {
    var out = ""
    for diagnostic in diagnostics {
      let command: String
      switch diagnostic.severity {
      case .error: command = "error"
      case .warning: command = "warning"
      case .note: command = "notice"
      }
      var properties: [String] = []
      if let location = diagnostic.location {
        properties += [
          "file=\(escapeProperty(location.file))", "line=\(location.line)", "col=\(location.column)",
        ]
      }
      properties.append("title=\(escapeProperty(diagnostic.id))")
      var message = diagnostic.summary
      for note in diagnostic.notes {
        message += "\nnote: \(note.message)" + (note.location.map { " (\($0))" } ?? "")
      }
      if let fix = diagnostic.fix { message += "\nfix: \(fix)" }
      out += "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))\n"
    }
    return out
  }

  // The escapes GitHub's runner expects (actions/toolkit, command.ts).
  private func escapeData(_ text: String) -> String {
    text.replacingOccurrences(of: "%", with: "%25")
      .replacingOccurrences(of: "\r", with: "%0D")
      .replacingOccurrences(of: "\n", with: "%0A")
  }

  private func escapeProperty(_ text: String) -> String {
    escapeData(text)
      .replacingOccurrences(of: ":", with: "%3A")
      .replacingOccurrences(of: ",", with: "%2C")
  }
}
