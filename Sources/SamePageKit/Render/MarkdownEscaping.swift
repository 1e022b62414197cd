import Mustache

/// Escapes plain text so CommonMark prints it as written: a label like `Lifecycle & <States>`
/// or `*Tier 1*` must not become HTML or emphasis. Registered as `MARKDOWN` for templates.
struct MarkdownContentType: MustacheContentType {
  static let name = "MARKDOWN"

  func escapeText(_ text: String) -> String { Self.escape(text) }

  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.count + 8)
    for character in text {
      switch character {
      case "\n", "\r":
        // Plain fields are inline: a line break would end the list item or heading.
        out.append(" ")
        continue
      case "\\", "`", "*", "_", "[", "]", "<", ">", "&", "!", "|", "{", "}":
        out.append("\\")
      default:
        break
      }
      out.append(character)
    }
    // At the start of a value, these would open a heading, list item, quote or setext line.
    if let first = out.first, "#+-=".contains(first) {
      out.insert("\\", at: out.startIndex)
    }
    // "1. x" or "1) x" would become an ordered list.
    let digits = out.prefix { $0.isASCII && $0.isNumber }
    if !digits.isEmpty, digits.count < out.count {
      let marker = out.index(out.startIndex, offsetBy: digits.count)
      if out[marker] == "." || out[marker] == ")" { out.insert("\\", at: marker) }
    }
    return out
  }

  /// Registers the content type once per process.
  static let registered: Void = { MustacheContentTypes.register(MarkdownContentType(), named: name) }()
}
