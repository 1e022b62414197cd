import CCMark
import Foundation

/// MediaWiki wikitext from the CommonMark tree the HTML comes from: a walk over libcmark's
/// nodes, never a rewrite of Markdown text.
///
/// Everything that came from the glossary or the templates as text is written with every
/// character wikitext could read as markup turned into an HTML character reference (`{` →
/// `&#123;`, `[` → `&#91;`, `<` → `&lt;` …). MediaWiki shows the references as the characters,
/// but never parses them, so a definition holding `{{SomeTemplate}}`, `[[Category:X]]`,
/// `<script>`, `~~~~` or `__NOTOC__` reads as that text and does nothing. Only SamePage's own
/// structure (headings, lists, emphasis, links, anchors) is written as markup.
extension CommonMarkDocument {
  /// Call after `sanitize()`, so user HTML is already text and links are safe.
  /// - Parameter pageTitles: the wiki title of each page SamePage writes, by HTML file name
  ///   (`lifecycle-stages.html`); any other relative link stays plain text.
  func renderWikitext(pageTitles: [String: String]) -> String {
    var writer = WikitextWriter(pageTitles: pageTitles)
    writer.blocks(of: root, listPrefix: "")
    return writer.finished()
  }
}

struct WikitextWriter {
  let pageTitles: [String: String]
  private var blocks: [String] = []

  init(pageTitles: [String: String]) { self.pageTitles = pageTitles }

  func finished() -> String { blocks.joined(separator: "\n\n") }

  /// Appends each block child of `parent`. Blank lines separate blocks; list items are lines.
  mutating func blocks(of parent: OpaquePointer, listPrefix: String) {
    var child = cmark_node_first_child(parent)
    while let node = child {
      if let text = block(node) { blocks.append(text) }
      child = cmark_node_next(node)
    }
  }

  private func block(_ node: OpaquePointer) -> String? {
    switch cmark_node_get_type(node) {
    case CMARK_NODE_HEADING:
      let marks = String(repeating: "=", count: Int(cmark_node_get_heading_level(node)))
      return "\(marks) \(inlines(of: node)) \(marks)"
    case CMARK_NODE_PARAGRAPH:
      // `----` starting a line is a rule in wikitext; other dashes read as text.
      let text = inlines(of: node)
      return text.hasPrefix("-") ? "&#45;" + text.dropFirst() : text
    case CMARK_NODE_LIST:
      return listLines(node, prefix: "").joined(separator: "\n")
    case CMARK_NODE_BLOCK_QUOTE:
      var inner = WikitextWriter(pageTitles: pageTitles)
      inner.blocks(of: node, listPrefix: "")
      return "<blockquote>\n\(inner.finished())\n</blockquote>"
    case CMARK_NODE_CODE_BLOCK:
      // <pre> in wikitext is not parsed as markup, but character references are decoded.
      var code = literal(node)
      if code.hasSuffix("\n") { code.removeLast() }
      return "<pre>\(Self.escapeInPre(code))</pre>"
    case CMARK_NODE_THEMATIC_BREAK:
      return "----"
    case CMARK_NODE_CUSTOM_BLOCK:
      guard let onEnter = cmark_node_get_on_enter(node).map({ String(cString: $0) }) else { return nil }
      if onEnter == "<table>" { return table(node) }
      // SamePage's anchors (`<a id="slug"></a>` after sanitize); wikitext has no <a>, but a
      // span with an id is kept by MediaWiki's sanitizer. The id is a validated slug.
      guard let id = CommonMarkDocument.anchorID(in: onEnter) else { return nil }
      return "<span id=\"\(id)\"></span>"
    case CMARK_NODE_HTML_BLOCK:
      // sanitize() turns user HTML blocks into text; should one remain, it is still only text.
      return Self.escape(literal(node).trimmingSuffixNewlines())
    default:
      return nil
    }
  }

  /// A table as the renderer builds it from a pipe table (custom blocks `<table>`, `<thead>`,
  /// `<tbody>`, `<tr>`, `<th>`/`<td>` with an optional alignment style) as a wikitext table:
  /// `{| class="wikitable"`, `|-` per row, `!` or `|` per cell, `|}`.
  private func table(_ node: OpaquePointer) -> String {
    var lines = ["{| class=\"wikitable\""]
    func rows(in parent: OpaquePointer) {
      var child = cmark_node_first_child(parent)
      while let current = child {
        let tag = cmark_node_get_on_enter(current).map { String(cString: $0) } ?? ""
        if tag == "<thead>" || tag == "<tbody>" {
          rows(in: current)
        } else if tag == "<tr>" {
          lines.append("|-")
          var cell = cmark_node_first_child(current)
          while let column = cell {
            let open = cmark_node_get_on_enter(column).map { String(cString: $0) } ?? "<td>"
            let marker = open.hasPrefix("<th") ? "!" : "|"
            // Only the renderer's own alignment styles, never anything from a cell's text.
            let alignment = ["left", "center", "right"].first { open.contains("text-align: \($0)") }
            let attributes = alignment.map { " style=\"text-align: \($0)\" |" } ?? ""
            lines.append(marker + attributes + " " + cellText(column))
            cell = cmark_node_next(column)
          }
        }
        child = cmark_node_next(current)
      }
    }
    rows(in: node)
    lines.append("|}")
    return lines.joined(separator: "\n")
  }

  /// A cell's blocks on one line: a wikitext cell ends at the line's end.
  private func cellText(_ cell: OpaquePointer) -> String {
    var parts: [String] = []
    var child = cmark_node_first_child(cell)
    while let node = child {
      if cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH {
        parts.append(inlines(of: node))
      } else if let text = block(node) {
        parts.append(text.replacingNewlines())
      }
      child = cmark_node_next(node)
    }
    return parts.joined(separator: "<br />")
  }

  /// `*`/`#` lines, prefixes growing with nesting. A list item's paragraphs share its line
  /// (joined by a line break) because a wikitext list item is one line.
  private func listLines(_ list: OpaquePointer, prefix: String) -> [String] {
    let marker = cmark_node_get_list_type(list) == CMARK_ORDERED_LIST ? "#" : "*"
    let itemPrefix = prefix + marker
    var lines: [String] = []
    var item = cmark_node_first_child(list)
    while let current = item {
      var parts: [String] = []
      var nested: [String] = []
      var child = cmark_node_first_child(current)
      while let node = child {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_LIST: nested += listLines(node, prefix: itemPrefix)
        case CMARK_NODE_PARAGRAPH: parts.append(inlines(of: node))
        case CMARK_NODE_CODE_BLOCK:
          parts.append("<code>\(Self.escape(literal(node).trimmingSuffixNewlines()))</code>")
        default:
          if let text = block(node) { parts.append(text.replacingNewlines()) }
        }
        child = cmark_node_next(node)
      }
      lines.append(itemPrefix + " " + parts.joined(separator: "<br />"))
      lines += nested
      item = cmark_node_next(current)
    }
    return lines
  }

  private func inlines(of parent: OpaquePointer) -> String {
    var text = ""
    var child = cmark_node_first_child(parent)
    while let node = child {
      text += inline(node)
      child = cmark_node_next(node)
    }
    return text
  }

  private func inline(_ node: OpaquePointer) -> String {
    switch cmark_node_get_type(node) {
    case CMARK_NODE_TEXT, CMARK_NODE_HTML_INLINE: return Self.escape(literal(node))
    // A new line in wikitext could start a list or a heading: a space reads the same.
    case CMARK_NODE_SOFTBREAK: return " "
    case CMARK_NODE_LINEBREAK: return "<br />"
    case CMARK_NODE_CODE: return "<code>\(Self.escape(literal(node)))</code>"
    case CMARK_NODE_EMPH: return "''\(inlines(of: node))''"
    case CMARK_NODE_STRONG: return "'''\(inlines(of: node))'''"
    case CMARK_NODE_LINK: return link(node, label: inlines(of: node))
    case CMARK_NODE_IMAGE:
      // Wikis do not embed outside images by default: link to it, with its description.
      return link(node, label: inlines(of: node))
    case CMARK_NODE_CUSTOM_INLINE: return inlines(of: node)
    default: return inlines(of: node)
    }
  }

  private func link(_ node: OpaquePointer, label: String) -> String {
    let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
    guard !url.isEmpty else { return label }
    if CommonMarkDocument.isRelative(url) {
      let (path, fragment) = DocumentRenderer.split(url)
      let anchor = fragment.map { "#" + Self.escapeFragment($0) } ?? ""
      if path.isEmpty { return "[[\(anchor)|\(label)]]" }
      guard let title = pageTitles[path] else { return label }
      // Titles are checked when they are made (WikiTitles), so they hold no markup.
      return "[[\(title)\(anchor)|\(label)]]"
    }
    // http, https or mailto (sanitize() removed the rest). A space or bracket would end the
    // URL in `[url label]`, so they are percent-encoded.
    return "[\(Self.encodeExternalURL(url)) \(label.isEmpty ? Self.escape(url) : label)]"
  }

  private func literal(_ node: OpaquePointer) -> String {
    cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
  }

  // MARK: Escaping

  /// Characters that can begin wikitext markup anywhere in a line, or at its start, as
  /// references. Letters, digits, spaces and most punctuation stay as they are, so the stored
  /// wikitext remains readable.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "[": out += "&#91;"
      case "]": out += "&#93;"
      case "{": out += "&#123;"
      case "}": out += "&#125;"
      case "|": out += "&#124;"
      case "'": out += "&#39;"
      case "=": out += "&#61;"
      case "~": out += "&#126;"
      case "_": out += "&#95;"
      case "*": out += "&#42;"
      case "#": out += "&#35;"
      case ":": out += "&#58;"  // also stops free links such as https://… and ISBN magic
      case ";": out += "&#59;"
      case "!": out += "&#33;"  // `!!` separates header cells in a table row
      case "\n", "\r": out += " "
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  static func escapeInPre(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Fragments are SamePage's slugs; anything else is dropped from the link target.
  static func escapeFragment(_ fragment: String) -> String {
    let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
    return String(fragment.filter { allowed.contains($0) })
  }

  static func encodeExternalURL(_ url: String) -> String {
    var out = ""
    for scalar in url.unicodeScalars {
      switch scalar {
      case " ": out += "%20"
      case "[": out += "%5B"
      case "]": out += "%5D"
      case "<": out += "%3C"
      case ">": out += "%3E"
      case "\"": out += "%22"
      case "{": out += "%7B"
      case "}": out += "%7D"
      case "|": out += "%7C"
      case "'": out += "%27"
      case "~": out += "%7E"
      default:
        if scalar.value < 0x21 || scalar.value == 0x7F {
          out += String(format: "%%%02X", scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }
}

extension String {
  fileprivate func trimmingSuffixNewlines() -> String {
    var text = self
    while text.hasSuffix("\n") { text.removeLast() }
    return text
  }

  fileprivate func replacingNewlines() -> String {
    split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ")
  }
}
