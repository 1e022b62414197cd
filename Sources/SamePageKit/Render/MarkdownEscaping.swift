import Mustache

/// Escapes plain text so CommonMark prints it as written: a label like `Lifecycle & <States>`
/// or `*Tier 1*` must not become HTML or emphasis. Registered as `MARKDOWN` for templates.
///
/// Only what would change the meaning is escaped, so the Markdown reads clean where people
/// paste it (`Version 2.3.0`, `+30`, `AT&T`, `snake_case`, not `2\.3.0` or `\+30`). A value may
/// land at the start of a line or at the end of a heading, so what would open a block there
/// is escaped wherever the value begins or ends.
struct MarkdownContentType: MustacheContentType {
  static let name = "MARKDOWN"

  func escapeText(_ text: String) -> String { Self.escape(text) }

  static func escape(_ text: String) -> String {
    isPlain(text) ? text : escapeEachCharacter(text)
  }

  static func escapeEachCharacter(_ text: String) -> String {
    // Plain fields are inline: a line break would end the list item or heading.
    let characters = Array(text.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    var out = ""
    out.reserveCapacity(text.utf8.count + 8)
    for (index, character) in characters.enumerated() {
      if needsEscape(character, at: index, in: characters) { out.append("\\") }
      out.append(character)
    }
    return out
  }

  /// Text that cannot need an escape, decided on bytes in one pass: nearly every label and
  /// number is such text, and the per-character walk below was a tenth of rendering.
  /// Conservative: any byte that may need an escape somewhere sends the text the slow way.
  static func isPlain(_ text: String) -> Bool {
    let bytes = text.utf8
    guard let first = bytes.first, let last = bytes.last else { return true }
    switch first {
    case UInt8(ascii: "#"), UInt8(ascii: "~"), UInt8(ascii: ">"), UInt8(ascii: "-"), UInt8(ascii: "+"),
      UInt8(ascii: "="), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return false
    default: break
    }
    if last == UInt8(ascii: "#") { return false }
    return !bytes.contains { byte in
      switch byte {
      case UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"),
        UInt8(ascii: "|"), UInt8(ascii: "\\"), UInt8(ascii: "_"), UInt8(ascii: "&"), UInt8(ascii: "\n"),
        UInt8(ascii: "\r"):
        true
      default: false
      }
    }
  }

  private static func needsEscape(_ character: Character, at index: Int, in characters: [Character]) -> Bool {
    let previous = index > 0 ? characters[index - 1] : nil
    let next = index + 1 < characters.count ? characters[index + 1] : nil
    switch character {
    case "`", "*", "[", "]", "<", "|":
      // Code spans, emphasis, links and images, raw HTML and autolinks, table cells, anywhere.
      return true
    case "\\":
      // A backslash escapes punctuation and, at a line's end, breaks the line.
      return next.map(isASCIIPunctuation) ?? true
    case "_":
      // Underscores inside a word never emphasise (`annual_revenue_usd`).
      return !((previous.map(isAlphanumeric) ?? false) && (next.map(isAlphanumeric) ?? false))
    case "&":
      return startsEntity(characters[(index + 1)...])
    case "#":
      // A heading at a line's start (`# x`), or closing `#`s at a heading's end (`foo #`).
      if index == 0 {
        let run = characters.prefix { $0 == "#" }.count
        return run <= 6 && isBlank(after: run, in: characters)
      }
      return index == characters.count - 1 && previous == " "
    case "~":
      return index == 0 && characters.prefix { $0 == "~" }.count >= 3  // a code fence
    case ">":
      return index == 0  // a block quote
    case "-", "+", "=":
      guard index == 0 else { return false }
      // A list item (`- x`, `+ x`), a thematic break (`---`) or a setext underline (`==`).
      return isBlank(after: 1, in: characters) || characters.allSatisfy { $0 == character || $0 == " " }
    case ".", ")":
      // An ordered list item: up to nine digits, then `.` or `)`, then a blank or the end.
      let digits = characters[..<index]
      return !digits.isEmpty && digits.count <= 9 && digits.allSatisfy { $0.isASCII && $0.isNumber }
        && isBlank(after: index + 1, in: characters)
    default:
      return false
    }
  }

  private static func isBlank(after offset: Int, in characters: [Character]) -> Bool {
    offset >= characters.count || characters[offset] == " " || characters[offset] == "\t"
  }

  private static func isAlphanumeric(_ character: Character) -> Bool {
    character.isLetter || character.isNumber
  }

  private static func isASCIIPunctuation(_ character: Character) -> Bool {
    character.isASCII && (character.isPunctuation || character.isSymbol)
  }

  /// `&amp;`, `&#35;`, `&#x23;`: what CommonMark would read as an entity reference.
  private static func startsEntity(_ rest: ArraySlice<Character>) -> Bool {
    var rest = rest[...]
    let numeric = rest.first == "#"
    if numeric { rest = rest.dropFirst() }
    if numeric, rest.first == "x" || rest.first == "X" { rest = rest.dropFirst() }
    let name = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
    return !name.isEmpty && rest.dropFirst(name.count).first == ";"
  }

  /// Registers the content type once per process.
  static let registered: Void = { MustacheContentTypes.register(MarkdownContentType(), named: name) }()
}
