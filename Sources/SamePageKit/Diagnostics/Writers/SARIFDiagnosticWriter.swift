/// SARIF 2.1.0, the format GitHub code scanning and other tools import.
///
/// One run, with the catalogue's rules under `tool.driver.rules` so that viewers can show each
/// rule's documentation, and notes as `relatedLocations`.
public struct SARIFDiagnosticWriter: DiagnosticWriter {
  public var rules: [RuleDescription]
  public var toolVersion: String

  public init(rules: [RuleDescription], toolVersion: String) {
    self.rules = rules
    self.toolVersion = toolVersion
  }

  public func write(_ diagnostics: [Diagnostic]) -> String {
    // Load and syntax diagnostics have no rule type; describe them too so every ruleId resolves.
    var described = rules
    for diagnostic in diagnostics where !described.contains(where: { $0.id == diagnostic.id }) {
      described.append(
        RuleDescription(
          id: diagnostic.id, severity: diagnostic.severity, summary: diagnostic.summary,
          documentation: diagnostic.explanation ?? diagnostic.summary))
    }
    let index = Dictionary(
      described.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })

    let log = Log(
      version: "2.1.0",
      schema: "https://json.schemastore.org/sarif-2.1.0.json",
      runs: [
        Run(
          tool: Tool(
            driver: Driver(
              name: "samepage",
              version: toolVersion,
              informationUri: "https://github.com/samepage/samepage",
              rules: described.map { rule in
                ReportingDescriptor(
                  id: rule.id,
                  shortDescription: Message(text: rule.summary),
                  fullDescription: Message(text: rule.documentation),
                  defaultConfiguration: Configuration(level: level(rule.severity)))
              })),
          columnKind: "unicodeCodePoints",
          results: diagnostics.map { diagnostic in
            Result(
              ruleId: diagnostic.id,
              ruleIndex: index[diagnostic.id] ?? 0,
              level: level(diagnostic.severity),
              message: Message(text: text(of: diagnostic)),
              locations: diagnostic.location.map { [Location(id: nil, physical: $0, message: nil)] }
                ?? [],
              relatedLocations: relatedLocations(of: diagnostic))
          })
      ])
    return encodeJSON(log) + "\n"
  }

  private func text(of diagnostic: Diagnostic) -> String {
    var text = diagnostic.summary
    if let explanation = diagnostic.explanation { text += "\n\n" + explanation }
    if let fix = diagnostic.fix { text += "\n\nFix: " + fix }
    return text
  }

  private func relatedLocations(of diagnostic: Diagnostic) -> [Location]? {
    let related = diagnostic.notes.enumerated().compactMap { offset, note in
      note.location.map { Location(id: offset + 1, physical: $0, message: Message(text: note.message)) }
    }
    return related.isEmpty ? nil : related
  }

  private func level(_ severity: Severity) -> String {
    switch severity {
    case .error: "error"
    case .warning: "warning"
    case .note: "note"
    }
  }

  // The subset of the SARIF object model that SamePage fills in.
  private struct Log: Encodable {
    var version: String
    var schema: String
    var runs: [Run]
    enum CodingKeys: String, CodingKey {
      case version
      case schema = "$schema"
      case runs
    }
  }
  private struct Run: Encodable {
    var tool: Tool
    var columnKind: String
    var results: [Result]
  }
  private struct Tool: Encodable { var driver: Driver }
  private struct Driver: Encodable {
    var name: String
    var version: String
    var informationUri: String
    var rules: [ReportingDescriptor]
  }
  private struct ReportingDescriptor: Encodable {
    var id: String
    var shortDescription: Message
    var fullDescription: Message
    var defaultConfiguration: Configuration
  }
  private struct Configuration: Encodable { var level: String }
  private struct Message: Encodable { var text: String }
  private struct Result: Encodable {
    var ruleId: String
    var ruleIndex: Int
    var level: String
    var message: Message
    var locations: [Location]
    var relatedLocations: [Location]?
  }
  private struct Location: Encodable {
    var id: Int?
    var physical: SourceLocation
    var message: Message?

    enum CodingKeys: String, CodingKey {
      case id
      case physicalLocation
      case message
    }
    private struct Artifact: Encodable { var uri: String }
    private struct Region: Encodable {
      var startLine: Int
      var startColumn: Int
    }
    private struct Physical: Encodable {
      var artifactLocation: Artifact
      var region: Region
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encodeIfPresent(id, forKey: .id)
      try container.encode(
        Physical(
          artifactLocation: Artifact(uri: uri(physical.file)),
          region: Region(startLine: physical.line, startColumn: physical.column)),
        forKey: .physicalLocation)
      try container.encodeIfPresent(message, forKey: .message)
    }

    /// SARIF wants URI references: relative paths with forward slashes, percent-encoded.
    private func uri(_ path: String) -> String {
      var trimmed = path
      while trimmed.hasPrefix("./") { trimmed.removeFirst(2) }
      let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/")
      return trimmed.utf8.map { byte in
        let character = Character(Unicode.Scalar(byte))
        return byte < 128 && allowed.contains(character) ? String(character) : "%" + hex(byte)
      }.joined()
    }

    private func hex(_ byte: UInt8) -> String {
      let digits = Array("0123456789ABCDEF")
      return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
  }
}
