/// How serious a finding is. Errors fail `samepage check`; warnings fail it only with `--strict`.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
  case note
  case warning
  case error

  private var rank: Int {
    switch self {
    case .note: 0
    case .warning: 1
    case .error: 2
    }
  }

  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One finding about a glossary: plain data, so that every writer (text, JSON, SARIF, GitHub
/// annotations) formats the same facts. Modelled on swift-docc's `Diagnostic`.
public struct Diagnostic: Hashable, Sendable, Codable {
  /// A stable identifier, such as `status.stage-exists` or `yaml.syntax`. Users filter and
  /// search by it, so it never changes once published.
  public var id: String
  public var severity: Severity
  /// Where the problem is. Nil only when no file is involved (an unreadable directory).
  public var location: SourceLocation?
  /// One line that says what is wrong.
  public var summary: String
  /// Why it matters, when the summary alone does not make it plain.
  public var explanation: String?
  /// Related places: "first defined here", "did you mean 'sql'?".
  public var notes: [Note]
  /// What to do about it.
  public var fix: String?

  public init(
    id: String,
    severity: Severity,
    location: SourceLocation?,
    summary: String,
    explanation: String? = nil,
    notes: [Note] = [],
    fix: String? = nil
  ) {
    self.id = id
    self.severity = severity
    self.location = location
    self.summary = summary
    self.explanation = explanation
    self.notes = notes
    self.fix = fix
  }

  /// A related place and what to see there.
  public struct Note: Hashable, Sendable, Codable {
    public var location: SourceLocation?
    public var message: String

    public init(location: SourceLocation?, message: String) {
      self.location = location
      self.message = message
    }
  }
}

extension Diagnostic: Comparable {
  /// Orders by place, so output reads top to bottom through each file; ties by id keep it stable.
  public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
    switch (lhs.location, rhs.location) {
    case (nil, nil): return lhs.id < rhs.id
    case (nil, _): return true
    case (_, nil): return false
    case (let l?, let r?): return l == r ? lhs.id < rhs.id : l < r
    }
  }
}

extension [Diagnostic] {
  public var errorCount: Int { count { $0.severity == .error } }
  public var warningCount: Int { count { $0.severity == .warning } }
  public var hasErrors: Bool { contains { $0.severity == .error } }
}
