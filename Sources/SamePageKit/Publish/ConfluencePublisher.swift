import Foundation

/// Confluence storage-format (XHTML-based) pages and a manifest saying each page's title,
/// parent and labels, ready for an upload script or the REST API.
public enum ConfluencePublisher {
  public static func title(_ page: Page, organization: String) -> String {
    switch page {
    case .home: "\(organization) sales and marketing agreement"
    case .sla: "Service level agreement"
    case .glossary: "Sales and marketing glossary"
    case .term(let kind): "Glossary: \(kind.title)"
    }
  }

  /// The labels every page carries, and one for its kind.
  public static func labels(_ page: Page) -> [String] {
    var labels = ["samepage", "sales-marketing-agreement"]
    if case .term(let kind) = page { labels.append(kind.rawValue) }
    if page == .sla { labels.append("sla") }
    if page == .glossary { labels.append("glossary") }
    return labels
  }

  struct Manifest: Encodable {
    struct Entry: Encodable {
      var file: String
      var title: String
      var parent: String?
      var labels: [String]
    }
    var format = "confluence-storage"
    var glossaryVersion: String
    var space: String?
    var pages: [Entry]
  }

  public static func files(
    pages: [RenderedPage], glossary: Glossary, parent: String?, space: String?
  ) -> [String: Data] {
    let organization = glossary.manifest.organization?.value ?? "Glossary"
    var titles: [String: String] = [:]
    for page in pages { titles[page.htmlFileName] = title(page.page, organization: organization) }
    let homeTitle = title(.home, organization: organization)
    var files: [String: Data] = [:]
    var entries: [Manifest.Entry] = []
    for page in pages {
      let document = CommonMarkDocument(markdown: page.markdown, tables: true)
      document.sanitize(rewriteLink: DocumentRenderer.htmlLink)
      document.convertForConfluence { titles[$0] }
      let file = "pages/" + String(page.htmlFileName.dropLast(".html".count)) + ".xhtml"
      files[file] = Data(document.renderHTML().utf8)
      entries.append(
        Manifest.Entry(
          file: file, title: title(page.page, organization: organization),
          parent: page.page == .home ? parent : homeTitle, labels: labels(page.page)))
    }
    let manifest = Manifest(
      glossaryVersion: glossary.manifest.glossaryVersion?.value ?? "", space: space, pages: entries)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    files["confluence-manifest.json"] = ((try? encoder.encode(manifest)) ?? Data()) + Data("\n".utf8)
    return files
  }
}
