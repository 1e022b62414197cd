/// Turns diagnostics into one output format. Writers never decide what is wrong; rules do.
public protocol DiagnosticWriter {
  func write(_ diagnostics: [Diagnostic]) -> String
}

/// What a reader of a report wants to know about the rules behind its findings (for SARIF).
public struct RuleDescription: Sendable, Hashable {
  public var id: String
  public var severity: Severity
  public var summary: String
  public var documentation: String

  public init(id: String, severity: Severity, summary: String, documentation: String) {
    self.id = id
    self.severity = severity
    self.summary = summary
    self.documentation = documentation
  }
}
