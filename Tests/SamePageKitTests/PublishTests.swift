import Foundation
import SamePageKit
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite struct PublishTests {
  func rendered() throws -> (pages: [RenderedPage], glossary: Glossary) {
    let glossary = try #require(GlossaryUnderTest().check().result.glossary)
    guard
      case .loaded(let templates) = TemplateSet.load(
        directory: RenderTests.templates, displayDirectory: "Templates")
    else {
      Issue.record("templates did not load")
      throw CancellationError()
    }
    let (pages, diagnostics) = DocumentRenderer(templates: templates).render(glossary)
    #expect(diagnostics.isEmpty)
    return (pages, glossary)
  }

  @Test func siteHasEveryPageAndASearchIndexWithSynonyms() throws {
    let (pages, glossary) = try rendered()
    let files = SitePublisher.files(pages: pages, glossary: glossary)
    for name in [
      "index.html", "sla.html", "glossary.html", "lifecycle-stages.html", "search.js", "search-index.js",
    ] {
      #expect(files[name] != nil, "\(name) missing")
    }
    let index = try #require(files["search-index.json"])
    let entries = try #require(try JSONSerialization.jsonObject(with: index) as? [[String: Any]])
    let mql = try #require(entries.first { $0["url"] as? String == "glossary.html#mql" })
    #expect((mql["terms"] as? [String])?.contains("hot lead") == true)
    #expect((mql["terms"] as? [String])?.contains("MQL") == true)
    let html = String(decoding: try #require(files["glossary.html"]), as: UTF8.self)
    #expect(html.contains("<script src=\"search-index.js\" defer></script>"))
    #expect(html.contains("@media print"))
    #expect(!html.contains("http://") && !html.contains("https://"), "no external assets")
  }

  @Test func wikiPagesLinkByNameWithoutExtension() throws {
    let (pages, _) = try rendered()
    let files = WikiPublisher.files(pages: pages)
    #expect(
      Set(files.keys).isSuperset(of: [
        "Home.md", "_Sidebar.md", "SLA.md", "Glossary.md", "Lifecycle-stages.md",
      ]))
    let statuses = String(decoding: try #require(files["Lead-statuses.md"]), as: UTF8.self)
    #expect(statuses.contains("](Lifecycle-stages#mql)"))
    #expect(!statuses.contains(".md)") && !statuses.contains(".md#") && !statuses.contains(".html"))
  }

  @Test func wikiPublishCommitsOnceAndKeepsForeignPages() throws {
    let clone = try TemporaryDirectory()
    try git(["init", "--quiet"], in: clone.url)
    try clone.write("# Team notes\n", to: "Notes.md")
    try git(["add", "Notes.md"], in: clone.url)
    try git(
      ["-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "--quiet", "-m", "notes"],
      in: clone.url)

    let (pages, _) = try rendered()
    let managed = ManagedDirectory(directory: clone.url)
    #expect(try !managed.synchronize(WikiPublisher.files(pages: pages)).written.isEmpty)
    #expect(try WikiPublisher.commitPublishedPages(in: clone.url, version: "2.3.0"))
    let second = try managed.synchronize(WikiPublisher.files(pages: pages))
    #expect(second.written.isEmpty)
    #expect(try WikiPublisher.commitPublishedPages(in: clone.url, version: "2.3.0") == false)
    let log = try git(["log", "--format=%s"], in: clone.url)
    #expect(log == "Publish glossary 2.3.0 with SamePage\nnotes")
    #expect(try git(["status", "--porcelain"], in: clone.url).isEmpty)
    #expect(FileManager.default.fileExists(atPath: clone.url.appendingPathComponent("Notes.md").path))
  }

  @Test func wikiCommitTakesRemovedPagesButNeverAHandEditKeptInPlace() throws {
    let clone = try TemporaryDirectory()
    try git(["init", "--quiet"], in: clone.url)
    let managed = ManagedDirectory(directory: clone.url)
    let pages = [
      "Home.md": Data("home\n".utf8), "Old.md": Data("old\n".utf8), "Kept.md": Data("kept\n".utf8),
    ]
    _ = try managed.synchronize(pages)
    #expect(try WikiPublisher.commitPublishedPages(in: clone.url, version: "1"))

    try clone.write("kept, edited by hand\n", to: "Kept.md")
    let report = try managed.synchronize(["Home.md": Data("home 2\n".utf8)])
    #expect(report.removed == ["Old.md"] && report.keptEdited == ["Kept.md"])
    #expect(try WikiPublisher.commitPublishedPages(in: clone.url, version: "2"))
    #expect(
      try git(["show", "--name-status", "--format=", "HEAD"], in: clone.url)
        == "M\t.samepage-manifest.json\nM\tHome.md\nD\tOld.md")
    #expect(
      try git(["status", "--porcelain"], in: clone.url) == "M Kept.md", "the hand edit stays uncommitted")
  }

  @Test func wikiPublishRefusesADirectoryThatIsNotAClone() throws {
    let directory = try TemporaryDirectory()
    #expect(throws: WikiPublisher.Failure.self) { try WikiPublisher.requireClone(directory.url) }
  }

  /// Every caller of git (publishing, sign --verify, Git revisions) gets the same error, with
  /// what git said.
  @Test func aFailedGitCommandThrowsGitsOwnMessage() throws {
    let directory = try TemporaryDirectory()
    #expect {
      try ProcessRunner.git(["rev-parse", "--show-toplevel"], in: directory.url)
    } throws: { error in
      let description = "\(error)"
      return error is ProcessRunner.GitFailure && description.hasPrefix("git failed: ")
        && description.contains("not a git repository")
    }
  }

  @Test func confluencePagesAreWellFormedStorageFormat() throws {
    let (pages, glossary) = try rendered()
    let files = ConfluencePublisher.files(pages: pages, glossary: glossary, parent: "RevOps", space: "REV")
    let statuses = String(decoding: try #require(files["pages/lead-statuses.xhtml"]), as: UTF8.self)
    #expect(
      statuses.contains(
        "<ac:structured-macro ac:name=\"anchor\"><ac:parameter ac:name=\"\">status-new</ac:parameter></ac:structured-macro>"
      ))
    #expect(
      statuses.contains(
        "<ac:link ac:anchor=\"mql\"><ri:page ri:content-title=\"Glossary: Lifecycle stages\" />"))
    for (name, data) in files where name.hasSuffix(".xhtml") {
      let wrapped =
        "<root xmlns:ac=\"http://atlassian.com/content\" xmlns:ri=\"http://atlassian.com/resource/identifier\">"
        + String(decoding: data, as: UTF8.self) + "</root>"
      let parser = XMLParser(data: Data(wrapped.utf8))
      #expect(parser.parse(), "\(name) is not well-formed XML: \(String(describing: parser.parserError))")
    }
    let manifestData = try #require(files["confluence-manifest.json"])
    let manifest = try #require(try JSONSerialization.jsonObject(with: manifestData) as? [String: Any])
    let entries = try #require(manifest["pages"] as? [[String: Any]])
    #expect(entries.count == 13)
    #expect(entries.first?["parent"] as? String == "RevOps")
    #expect(Set(entries.compactMap { $0["title"] as? String }).count == 13, "titles are unique in a space")
  }

  @discardableResult
  func git(_ arguments: [String], in directory: URL) throws -> String {
    try ProcessRunner.git(arguments, in: directory)
  }
}
