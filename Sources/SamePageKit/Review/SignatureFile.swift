import Foundation

/// Records signatures in `Glossary/signatures.yaml`, one line each, so a review shows exactly
/// who signed what. Lines are only ever appended: an old signature stays as the record of what
/// was agreed before.
public enum SignatureFile {
  public struct Entry: Sendable {
    public var party: Party
    public var name: String
    public var title: String?
    public var date: CalendarDate
    public var version: String?
    public var content: String

    public init(
      party: Party, name: String, title: String?, date: CalendarDate, version: String?, content: String
    ) {
      self.party = party
      self.name = name
      self.title = title
      self.date = date
      self.version = version
      self.content = content
    }
  }

  static let header = """
    # yaml-language-server: $schema=schemas/signatures.schema.json
    # Who signed this agreement, written by `samepage sign`. Each signature names the content
    # hash of the term files it signed: editing any of them afterwards leaves it stale, and the
    # SLA is a draft again until both parties sign the new content.
    signatures:

    """

  /// `existing` with `entry` appended (or a new file's text when there is none).
  public static func appending(_ entry: Entry, to existing: String?) -> String {
    var text = existing ?? header
    if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
    var fields = [
      "party: \(entry.party.rawValue)", "name: \(quoted(entry.name))",
    ]
    if let title = entry.title { fields.append("title: \(quoted(title))") }
    fields.append("date: \(entry.date)")
    if let version = entry.version { fields.append("version: \(quoted(version))") }
    fields.append("content: \(quoted(entry.content))")
    return text + "  - {\(fields.joined(separator: ", "))}\n"
  }

  /// A YAML double-quoted scalar: valid whatever the text holds (`:`, `#`, quotes, newlines).
  static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      case _ where scalar.value < 0x20 || scalar.value == 0x7F:
        result += String(format: "\\x%02X", scalar.value)
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }
}
