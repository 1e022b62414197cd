import CCMark

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A CommonMark document parsed by the system libcmark, which this type owns and frees.
///
/// Rendering is safe by construction rather than by libcmark's safe mode alone: `sanitize()`
/// rewrites the tree so that raw HTML a user typed becomes visible text, links and images with
/// a scheme other than http, https or mailto lose their destination, and only the exact anchor
/// lines SamePage's templates write (`<a id="slug"></a>`) become anchors.
///
/// Not `Sendable`: libcmark nodes are not thread-safe, so create, transform and render a
/// document within one task.
public final class CommonMarkDocument {
  /// Internal so the publishers' tree walkers (wikitext) can read it; only this type frees it.
  let root: OpaquePointer

  /// The ids of anchors found by `sanitize()`, in document order.
  public private(set) var anchors: [String] = []
  /// Every link destination left after `sanitize()`, in document order, with its line in the
  /// Markdown source.
  public private(set) var links: [(url: String, line: Int)] = []
  /// How many raw HTML fragments were turned into text.
  public private(set) var escapedHTMLCount = 0
  /// How many links or images lost an unsafe destination.
  public private(set) var neutralizedLinkCount = 0

  /// Lines of links inside tables: their nodes were parsed cell by cell, so libcmark's own
  /// line numbers count from the cell.
  private var tableLinkLines: [OpaquePointer: Int] = [:]

  /// - Parameter tables: read pipe tables (`PipeTable`), as the templates write them. User
  ///   Markdown is parsed without, as plain CommonMark.
  public init(markdown: String, tables: Bool = false) {
    guard tables, markdown.containsBytes("|") else {
      root = Self.parse(markdown)
      return
    }
    // A placeholder no user text can contain: it is made per document, after the text exists.
    var token = "SAMEPAGETABLE"
    while markdown.containsBytes(token) { token += "X" }
    let (source, found) = PipeTable.extract(from: markdown) { "\(token)\($0)" }
    root = Self.parse(source)
    if !found.isEmpty { insertTables(found, token: token) }
  }

  private static func parse(_ markdown: String) -> OpaquePointer {
    // A Swift string is valid UTF-8 already, so libcmark's validation pass would be wasted.
    var text = markdown
    return text.withUTF8 { buffer in
      buffer.withMemoryRebound(to: CChar.self) { characters in
        cmark_parse_document(characters.baseAddress, characters.count, CMARK_OPT_DEFAULT)
      }
    }
  }

  /// Replaces each placeholder paragraph by its table, cells parsed as CommonMark.
  private func insertTables(_ tables: [PipeTable], token: String) {
    var placeholders: [(OpaquePointer, Int)] = []
    var child = cmark_node_first_child(root)
    while let node = child {
      child = cmark_node_next(node)
      guard cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH, let text = cmark_node_first_child(node),
        cmark_node_next(text) == nil, cmark_node_get_type(text) == CMARK_NODE_TEXT
      else { continue }
      let literal = literal(of: text)
      guard literal.hasPrefix(token), let index = Int(literal.dropFirst(token.count)),
        tables.indices.contains(index)
      else { continue }
      placeholders.append((node, index))
    }
    for (node, index) in placeholders { replace(node, with: makeTable(tables[index])) }
  }

  private func makeTable(_ table: PipeTable) -> OpaquePointer {
    func block(_ open: String, _ close: String) -> OpaquePointer {
      let node = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
      cmark_node_set_on_enter(node, open)
      cmark_node_set_on_exit(node, close)
      return node
    }
    func row(_ cells: [String], tag: String, line: Int) -> OpaquePointer {
      let row = block("<tr>", "</tr>")
      for (column, text) in cells.enumerated() {
        let style =
          switch table.alignments[column] {
          case .none: ""
          case .left: " style=\"text-align: left\""
          case .center: " style=\"text-align: center\""
          case .right: " style=\"text-align: right\""
          }
        let cell = block("<\(tag)\(style)>", "</\(tag)>")
        let parsed = Self.parse(text)
        while let content = cmark_node_first_child(parsed) {
          cmark_node_unlink(content)
          cmark_node_append_child(cell, content)
          recordLinkLines(in: content, line: line)
        }
        cmark_node_free(parsed)
        cmark_node_append_child(row, cell)
      }
      return row
    }
    let node = block("<table>", "</table>")
    let head = block("<thead>", "</thead>")
    cmark_node_append_child(head, row(table.header, tag: "th", line: table.line))
    cmark_node_append_child(node, head)
    if !table.rows.isEmpty {
      let body = block("<tbody>", "</tbody>")
      for (offset, cells) in table.rows.enumerated() {
        cmark_node_append_child(body, row(cells, tag: "td", line: table.line + 2 + offset))
      }
      cmark_node_append_child(node, body)
    }
    return node
  }

  private func recordLinkLines(in node: OpaquePointer, line: Int) {
    let iterator = cmark_iter_new(node)
    defer { cmark_iter_free(iterator) }
    while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
      guard event == CMARK_EVENT_ENTER, let inner = cmark_iter_get_node(iterator) else { continue }
      if [CMARK_NODE_LINK, CMARK_NODE_IMAGE].contains(cmark_node_get_type(inner)) {
        tableLinkLines[inner] = line
      }
    }
  }

  deinit { cmark_node_free(root) }

  /// The version of the linked libcmark, such as "0.30.2".
  public static var libraryVersion: String { String(cString: cmark_version_string()) }

  /// Rewrites the tree for safe rendering and records anchors and links. Idempotent.
  /// - Parameters:
  ///   - allowsAnchors: whether `<a id="slug"></a>` lines become anchors. Only templates may
  ///     write anchors; in text a user wrote they are HTML like any other and show as text.
  ///   - rewriteLink: applied to each surviving relative destination, for example to turn
  ///     `glossary.md#mql` into `glossary.html#mql`.
  public func sanitize(allowsAnchors: Bool = true, rewriteLink: (String) -> String = { $0 }) {
    var htmlBlocks: [OpaquePointer] = []
    var htmlInlines: [OpaquePointer] = []
    var anchorParagraphs: [(node: OpaquePointer, id: String)] = []
    // Anchors in document order: made from paragraphs or HTML blocks now, or by an earlier call.
    var foundAnchors: [String] = []
    var unsafeLinks: [OpaquePointer] = []
    var safeLinks: [(node: OpaquePointer, url: String)] = []

    // Collect first and mutate after the walk: changing the tree invalidates the iterator.
    let iterator = cmark_iter_new(root)
    defer { cmark_iter_free(iterator) }
    while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
      guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
      switch cmark_node_get_type(node) {
      case CMARK_NODE_PARAGRAPH:
        // `<a id="x"></a>` alone on a line is a paragraph of two inline HTML nodes in CommonMark.
        if allowsAnchors, let id = anchorParagraphID(node) {
          anchorParagraphs.append((node, id))
          foundAnchors.append(id)
          cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)  // its two nodes are not user HTML
        }
      case CMARK_NODE_CUSTOM_BLOCK:
        if let id = cmark_node_get_on_enter(node).flatMap({ Self.anchorID(in: String(cString: $0)) }) {
          foundAnchors.append(id)
        }
      case CMARK_NODE_HTML_BLOCK:
        htmlBlocks.append(node)
        if allowsAnchors, let id = Self.anchorID(in: literal(of: node)) { foundAnchors.append(id) }
      case CMARK_NODE_HTML_INLINE: htmlInlines.append(node)
      case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
        let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        if Self.isSafeDestination(url) { safeLinks.append((node, url)) } else { unsafeLinks.append(node) }
      default: break
      }
    }

    for (node, id) in anchorParagraphs {
      replace(node, with: makeAnchor(id))
    }
    for node in htmlBlocks {
      let html = literal(of: node)
      if allowsAnchors, let id = Self.anchorID(in: html) {
        replace(node, with: makeAnchor(id))
      } else {
        let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH)!
        let text = cmark_node_new(CMARK_NODE_TEXT)!
        cmark_node_set_literal(text, html.hasSuffix("\n") ? String(html.dropLast()) : html)
        cmark_node_append_child(paragraph, text)
        replace(node, with: paragraph)
        escapedHTMLCount += 1
      }
    }
    for node in htmlInlines {
      let text = cmark_node_new(CMARK_NODE_TEXT)!
      cmark_node_set_literal(text, literal(of: node))
      replace(node, with: text)
      escapedHTMLCount += 1
    }
    for node in unsafeLinks {
      unwrap(node)
      neutralizedLinkCount += 1
    }
    anchors = foundAnchors
    links = []
    links.reserveCapacity(safeLinks.count)
    for (node, url) in safeLinks {
      let rewritten = Self.isRelative(url) ? rewriteLink(url) : url
      if rewritten != url { cmark_node_set_url(node, rewritten) }
      links.append((rewritten, tableLinkLines[node] ?? Int(cmark_node_get_start_line(node))))
    }
  }

  /// Rewrites anchors and relative links into Confluence storage format: anchors become the
  /// anchor macro and links become `<ac:link>` to a page by title. Call after `sanitize()`.
  /// - Parameter pageTitle: the Confluence title of a page SamePage writes, by HTML file name.
  public func convertForConfluence(pageTitle: (String) -> String?) {
    var anchorsToConvert: [(OpaquePointer, String)] = []
    var linksToConvert: [OpaquePointer] = []
    let iterator = cmark_iter_new(root)
    defer { cmark_iter_free(iterator) }
    while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
      guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
      switch cmark_node_get_type(node) {
      case CMARK_NODE_CUSTOM_BLOCK:
        if let id = cmark_node_get_on_enter(node).flatMap({ Self.anchorID(in: String(cString: $0)) }) {
          anchorsToConvert.append((node, id))
        }
      case CMARK_NODE_LINK:
        if Self.isRelative(String(cString: cmark_node_get_url(node))) { linksToConvert.append(node) }
      default: break
      }
    }
    for (node, id) in anchorsToConvert {
      cmark_node_set_on_enter(
        node,
        "<ac:structured-macro ac:name=\"anchor\"><ac:parameter ac:name=\"\">\(id)</ac:parameter></ac:structured-macro>"
      )
    }
    for node in linksToConvert {
      let url = String(cString: cmark_node_get_url(node))
      let hash = url.firstIndex(of: "#")
      let file = String(url[..<(hash ?? url.endIndex)])
      let fragment = hash.map { String(url[url.index(after: $0)...]) } ?? ""
      var open = "<ac:link" + (fragment.isEmpty ? "" : " ac:anchor=\"\(HTMLPage.escape(fragment))\"") + ">"
      if !file.isEmpty {
        guard let title = pageTitle(file) else { continue }
        open += "<ri:page ri:content-title=\"\(HTMLPage.escape(title))\" />"
      }
      let link = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
      cmark_node_set_on_enter(link, open + "<ac:link-body>")
      cmark_node_set_on_exit(link, "</ac:link-body></ac:link>")
      while let child = cmark_node_first_child(node) {
        cmark_node_unlink(child)
        cmark_node_append_child(link, child)
      }
      replace(node, with: link)
    }
  }

  /// HTML for the document. Call `sanitize()` first; libcmark's safe mode stays on as a second
  /// line of defence.
  public func renderHTML() -> String {
    guard let pointer = cmark_render_html(root, CMARK_OPT_DEFAULT) else { return "" }
    defer { free(pointer) }
    return String(cString: pointer)
  }

  /// The document as CommonMark again (after `sanitize()`, user HTML appears escaped).
  public func renderCommonMark() -> String {
    guard let pointer = cmark_render_commonmark(root, CMARK_OPT_DEFAULT, 0) else { return "" }
    defer { free(pointer) }
    return String(cString: pointer)
  }

  // MARK: - Tree surgery

  private func makeAnchor(_ id: String) -> OpaquePointer {
    let anchor = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
    // The id was validated as a slug, so writing it verbatim cannot inject markup.
    cmark_node_set_on_enter(anchor, "<a id=\"\(id)\"></a>")
    return anchor
  }

  private func anchorParagraphID(_ paragraph: OpaquePointer) -> String? {
    guard let open = cmark_node_first_child(paragraph), cmark_node_get_type(open) == CMARK_NODE_HTML_INLINE,
      let close = cmark_node_next(open), cmark_node_get_type(close) == CMARK_NODE_HTML_INLINE,
      cmark_node_next(close) == nil, let closing = cmark_node_get_literal(close),
      strcmp(closing, "</a>") == 0,
      let opening = cmark_node_get_literal(open)
    else { return nil }
    return Self.anchorID(openTag: opening)
  }

  /// The id of an open tag that is exactly `<a id="slug">`, read in libcmark's own buffer: a
  /// large page has thousands of anchors, and copying each tag into a String first showed up.
  /// The same answer as `anchorID(in: tag + "</a>")`.
  static func anchorID(openTag: UnsafePointer<CChar>) -> String? {
    let opening = "<a id=\""
    guard strncmp(openTag, opening, opening.utf8.count) == 0 else { return nil }
    let start = openTag + opening.utf8.count
    guard let quote = strchr(start, Int32(UInt8(ascii: "\""))), strcmp(quote, "\">") == 0 else { return nil }
    let length = start.distance(to: quote)
    guard length > 0 else { return nil }
    let id = String(decoding: UnsafeRawBufferPointer(start: start, count: length), as: UTF8.self)
    return Slug.isValid(id) ? id : nil
  }

  private func literal(of node: OpaquePointer) -> String {
    cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
  }

  /// Puts `replacement` where `node` was and frees `node` (libcmark's replace does not free).
  private func replace(_ node: OpaquePointer, with replacement: OpaquePointer) {
    cmark_node_insert_before(node, replacement)
    cmark_node_unlink(node)
    cmark_node_free(node)
  }

  /// Replaces a link or image by its children: the text stays, the destination goes.
  private func unwrap(_ node: OpaquePointer) {
    while let child = cmark_node_first_child(node) {
      cmark_node_unlink(child)
      cmark_node_insert_before(node, child)
    }
    cmark_node_unlink(node)
    cmark_node_free(node)
  }

  // MARK: - Rules

  /// `<a id="slug"></a>` exactly, as the templates write it; nothing looser.
  static func anchorID(in html: String) -> String? {
    // Nearly every HTML node is not an anchor, and nearly every anchor is exactly what the
    // templates write: bytes decide both; anything else takes the character walk below.
    let bytes = html.utf8
    let opening = "<a id=\"".utf8
    guard bytes.starts(with: opening) else { return nil }
    let idStart = bytes.index(bytes.startIndex, offsetBy: opening.count)
    if let quote = bytes[idStart...].firstIndex(of: UInt8(ascii: "\"")) {
      let rest = bytes[quote...]
      let closing = "\"></a>".utf8
      if rest.starts(with: closing),
        rest.dropFirst(closing.count).allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
      {
        let id = String(html[idStart..<quote])
        return !id.isEmpty && Slug.isValid(id) ? id : nil
      }
    }
    var text = Substring(html)
    while let last = text.last, last.isWhitespace { text.removeLast() }
    let prefix = "<a id=\""
    let suffix = "\"></a>"
    guard text.hasPrefix(prefix), text.hasSuffix(suffix), text.count > prefix.count + suffix.count else {
      return nil
    }
    let id = String(text.dropFirst(prefix.count).dropLast(suffix.count))
    return Slug.isValid(id) ? id : nil
  }

  /// Relative references, fragments, http, https and mailto. Browsers ignore control characters
  /// and white space inside a scheme (`java\tscript:`), so they are removed before looking.
  static func isSafeDestination(_ url: String) -> Bool {
    // Fast path for what templates write (`#mql`, `glossary.md#mql`): no colon, no scheme.
    if !url.utf8.contains(UInt8(ascii: ":")) { return true }
    let compact = String(url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }).lowercased()
    guard let colon = compact.firstIndex(of: ":") else { return true }
    let scheme = compact[..<colon]
    if scheme.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return true }  // a path with a colon
    return ["http", "https", "mailto"].contains(scheme)
  }

  static func isRelative(_ url: String) -> Bool {
    !url.utf8.contains(UInt8(ascii: ":"))
      || url.firstIndex(of: ":")! > (url.firstIndex(where: { "/?#".contains($0) }) ?? url.endIndex)
  }
}
