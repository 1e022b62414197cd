import Foundation
import Mustache

/// One rendered document: its Markdown, and its HTML body with links rewritten to `.html`.
public struct RenderedPage: Sendable {
  public var page: Page
  public var title: String
  public var markdown: String
  public var htmlBody: String
  public var anchors: [String]
  /// The words and formats the page was rendered with.
  public var localizer: Localizer

  public var htmlFileName: String { DocumentRenderer.htmlLink(page.fileName) }

  /// A complete HTML document for this page, with the shared stylesheet.
  public var standaloneHTML: String {
    HTMLPage.document(
      title: title, body: htmlBody, language: localizer.languageTag, rightToLeft: localizer.isRightToLeft)
  }
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
    let locale = glossary.manifest.locale?.value ?? "en-US"
    guard let localizer = templates.localizer(for: locale) else {
      let languages = templates.catalogues.keys.sorted().joined(separator: ", ")
      return (
        [],
        [
          Diagnostic(
            id: "render.unknown-locale", severity: .error, location: glossary.manifest.locale?.location,
            summary: "no message catalogue for locale '\(locale)' (catalogues: \(languages))",
            fix:
              "use one of those languages, or translate the bundled English: samepage templates eject, then copy Templates/locales/en.yaml to Templates/locales/\(locale.prefix { $0 != "-" && $0 != "_" }.lowercased()).yaml"
          )
        ]
      )
    }
    let (messages, messageProblems) = Self.messageTemplates(localizer.catalogue)
    let missingMessages = templates.messageKeys().filter { localizer.catalogue.messages[$0.key] == nil }
      .map { use in
        Diagnostic(
          id: "template.unknown-message", severity: .error, location: use.location,
          summary:
            "template uses message '\(use.key)', which the '\(localizer.catalogue.language)' catalogue does not have",
          fix:
            "add '\(use.key):' to Templates/locales/\(localizer.catalogue.language).yaml, or check the spelling against locales/en.yaml"
        )
      }
    if !(messageProblems + missingMessages).isEmpty {
      return ([], (messageProblems + missingMessages).sorted())
    }

    let templates = templates.writingInMessages(of: localizer.catalogue) ?? templates
    // Quoted values ($(threshold.mql.fit)) are written in before any page sees the prose.
    let glossary = glossary.resolvingReferences(localizer)
    let signOff = SignOff(glossary)
    let referenceSignOff = SignOff(reference)
    // Pages are independent, so they render on every core; merged below in page order. The
    // messages are only read (templates and strings, built above), so the pages may share them.
    nonisolated(unsafe) let sharedMessages = messages
    let results = concurrentMap(pages.count) { index in
      let page = pages[index]
      let template = Self.templateName(page)
      let model = DocumentViewModel(
        glossary: glossary, page: page, l: localizer, messages: sharedMessages, signOff: signOff)
      let (markdown, missing) = templates.render(template, context: model.context())
      // The starter glossary fills every section, so names inside sections this glossary
      // leaves empty are checked too.
      let (_, missingInReference) = templates.render(
        template,
        context: DocumentViewModel(
          glossary: reference, page: page, l: localizer, messages: sharedMessages, signOff: referenceSignOff
        )
        .context())

      let document = CommonMarkDocument(markdown: markdown, tables: true)
      document.sanitize(rewriteLink: Self.htmlLink)
      let rendered = RenderedPage(
        page: page, title: model.pageTitle, markdown: markdown, htmlBody: document.renderHTML(),
        anchors: document.anchors, localizer: localizer)
      return (rendered, missing + missingInReference, document.links.map { (page, $0.url, $0.line) })
    }
    for (page, missing, pageLinks) in results {
      rendered.append(page)
      for diagnostic in missing { unknown[diagnostic.summary] = diagnostic }
      links += pageLinks
    }

    var diagnostics = Array(unknown.values)
    diagnostics += Self.checkAnchors(rendered)
    diagnostics += Self.checkLinks(links, pages: rendered)
    return (rendered, diagnostics.sorted())
  }

  /// The catalogue's messages as Mustache templates, nested by the dots of their keys so that
  /// `{{t.sla.title}}` finds them; a message rendered this way sees the template's values.
  static func messageTemplates(_ catalogue: MessageCatalogue) -> ([String: Any], [Diagnostic]) {
    var root: [String: Any] = [:]
    var problems: [Diagnostic] = []
    func insert(_ path: ArraySlice<Substring>, _ template: Any, into node: inout [String: Any])
      -> Bool
    {
      let head = String(path.first!)
      if path.count == 1 {
        guard node[head] == nil else { return false }
        node[head] = template
        return true
      }
      var child = node[head] as? [String: Any] ?? [:]
      if node[head] != nil && !(node[head] is [String: Any]) { return false }
      let inserted = insert(path.dropFirst(), template, into: &child)
      node[head] = child
      return inserted
    }
    for (key, message) in catalogue.messages.sorted(by: { $0.key < $1.key }) {
      guard case .text(let text) = message else { continue }
      do {
        // swift-mustache drops a template that is only white space as a standalone line, so a
        // separator such as Thai's " " is kept as plain text (which escaping leaves alone).
        let template: Any = text.allSatisfy(\.isWhitespace) ? text : try MustacheTemplate(string: text)
        if !insert(key.split(separator: ".")[...], template, into: &root) {
          problems.append(
            Diagnostic(
              id: "catalogue.malformed", severity: .error, location: catalogue.locations[key],
              summary: "message key '\(key)' is both a message and the start of other keys",
              fix: "rename it so no key continues it after a dot"))
        }
      } catch {
        problems.append(
          Diagnostic(
            id: "catalogue.malformed", severity: .error, location: catalogue.locations[key],
            summary: "message '\(key)' is not valid Mustache: \(error)",
            fix: "close every {{…}} tag and every {{#section}} with {{/section}}"))
      }
    }
    return (root, problems)
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
