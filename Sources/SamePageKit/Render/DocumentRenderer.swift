import Foundation

/// One rendered document: its Markdown, and its HTML body with links rewritten to `.html`.
public struct RenderedPage: Sendable {
  public var page: Page
  public var title: String
  public var markdown: String
  public var htmlBody: String
  public var anchors: [String]

  public var htmlFileName: String { DocumentRenderer.htmlLink(page.fileName) }

  /// A complete HTML document for this page, with the shared stylesheet.
  public var standaloneHTML: String { HTMLPage.document(title: title, body: htmlBody) }
}

/// Render: the validated glossary through the team's templates into CommonMark, then through
/// libcmark into HTML, checking that every link between the documents lands on an anchor.
public struct DocumentRenderer: Sendable {
  public let templates: TemplateSet

  public init(templates: TemplateSet) { self.templates = templates }

  /// The pages every render produces: the SLA, the glossary and one page per term.
  public static let pages: [Page] = [.home, .sla, .glossary] + DocumentViewModel.termOrder.map { .term($0) }

  public func render(_ glossary: Glossary, pages: [Page] = DocumentRenderer.pages) -> (
    pages: [RenderedPage], diagnostics: [Diagnostic]
  ) {
    var rendered: [RenderedPage] = []
    var unknown: [String: Diagnostic] = [:]
    let reference = GlossaryLoader.starterGlossary
    var links: [(page: Page, url: String, line: Int)] = []

    for page in pages {
      let template = Self.templateName(page)
      let model = DocumentViewModel(glossary: glossary, page: page)
      let (markdown, missing) = templates.render(template, context: model.context())
      // The starter glossary fills every section, so names inside sections this glossary
      // leaves empty are checked too.
      let (_, missingInReference) = templates.render(
        template, context: DocumentViewModel(glossary: reference, page: page).context())
      for diagnostic in missing + missingInReference { unknown[diagnostic.summary] = diagnostic }

      let document = CommonMarkDocument(markdown: markdown, tables: true)
      document.sanitize(rewriteLink: Self.htmlLink)
      links += document.links.map { (page, $0.url, $0.line) }
      rendered.append(
        RenderedPage(
          page: page, title: model.pageTitle, markdown: markdown, htmlBody: document.renderHTML(),
          anchors: document.anchors))
    }

    var diagnostics = Array(unknown.values)
    diagnostics += Self.checkAnchors(rendered)
    diagnostics += Self.checkLinks(links, pages: rendered)
    return (rendered, diagnostics.sorted())
  }

  static func templateName(_ page: Page) -> String {
    switch page {
    case .home: "home.md"
    case .sla: "sla.md"
    case .glossary: "glossary.md"
    case .term: "term.md"
    }
  }

  /// `lifecycle-stages.md#mql` → `lifecycle-stages.html#mql`, for pages SamePage writes.
  static func htmlLink(_ url: String) -> String {
    let (path, fragment) = split(url)
    guard path.hasSuffix(".md") else { return url }
    return String(path.dropLast(3)) + ".html" + (fragment.map { "#\($0)" } ?? "")
  }

  static func split(_ url: String) -> (path: String, fragment: String?) {
    guard let hash = url.firstIndex(of: "#") else { return (url, nil) }
    return (String(url[..<hash]), String(url[url.index(after: hash)...]))
  }

  private static func checkAnchors(_ pages: [RenderedPage]) -> [Diagnostic] {
    pages.flatMap { page in
      var seen: Set<String> = []
      return page.anchors.filter { !seen.insert($0).inserted }.map { anchor in
        Diagnostic(
          id: "render.duplicate-anchor", severity: .error, location: .startOf(page.page.fileName),
          summary: "anchor '\(anchor)' appears twice in \(page.page.fileName)",
          fix: "links to '#\(anchor)' are ambiguous; make the template write each entry once")
      }
    }
  }

  private static func checkLinks(_ links: [(page: Page, url: String, line: Int)], pages: [RenderedPage])
    -> [Diagnostic]
  {
    let anchorsByFile = Dictionary(
      pages.map { (htmlLink($0.page.fileName), Set($0.anchors)) }, uniquingKeysWith: { $0.union($1) })
    return links.compactMap { link in
      guard CommonMarkDocument.isRelative(link.url) else { return nil }
      let (path, fragment) = split(link.url)
      let file = path.isEmpty ? htmlLink(link.page.fileName) : path
      let location = SourceLocation(file: link.page.fileName, line: link.line, column: 1)
      guard let anchors = anchorsByFile[file] else {
        return Diagnostic(
          id: "render.broken-link", severity: .error, location: location,
          summary: "link to '\(link.url)' points to a page SamePage does not write",
          fix: "link to sla.md, glossary.md or a term page such as lifecycle-stages.md")
      }
      guard let fragment, !fragment.isEmpty, !anchors.contains(fragment) else { return nil }
      let suggestion = Suggestion.nearest(to: fragment, in: anchors)
      return Diagnostic(
        id: "render.broken-link", severity: .error, location: location,
        summary: "link to '\(link.url)' points to no anchor"
          + (suggestion.map { "; did you mean '#\($0)'?" } ?? ""),
        fix: "link to an id the glossary defines, such as a lifecycle stage id")
    }
  }
}
