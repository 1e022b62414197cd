import Foundation
import SamePageKit
import Testing

@Suite struct RenderTests {
  static let templates = Repository.root.appendingPathComponent("Templates")

  func templateSet(_ directory: URL = templates) throws -> TemplateSet {
    switch TemplateSet.load(directory: directory, displayDirectory: "Templates") {
    case .loaded(let set): return set
    case .failed(let diagnostics):
      Issue.record("templates failed: \(diagnostics.map(\.summary))")
      throw CancellationError()
    }
  }

  func render(_ glossary: GlossaryUnderTest, templates: URL = templates) throws -> (
    pages: [RenderedPage], diagnostics: [Diagnostic]
  ) {
    let loaded = try #require(glossary.check().result.glossary)
    return DocumentRenderer(templates: try templateSet(templates)).render(loaded)
  }

  func page(_ pages: [RenderedPage], _ page: Page) throws -> RenderedPage {
    try #require(pages.first { $0.page == page })
  }

  /// Every page the renderer writes for the starter glossary, by file name.
  static let pageNames = [
    "index.md", "sla.md", "glossary.md", "service-level-agreement.md", "ideal-customer-profile.md",
    "buyer-personas.md", "buyer-journey.md", "lifecycle-stages.md", "lead-types.md", "deal-stages.md",
    "lead-statuses.md", "lead-scoring.md", "connect-attempts.md",
  ]

  /// Rewriting golden files is asked for with exactly SAMEPAGE_UPDATE_GOLDEN=1; any other value,
  /// "0" included, compares.
  static var updatingGoldenFiles: Bool {
    ProcessInfo.processInfo.environment["SAMEPAGE_UPDATE_GOLDEN"] == "1"
  }

  @Test func goldenFilesCoverEveryRenderedPage() throws {
    let (pages, diagnostics) = try render(GlossaryUnderTest())
    #expect(diagnostics.isEmpty)
    #expect(pages.map(\.page.fileName).sorted() == Self.pageNames.sorted())
  }

  /// Golden files, read by a person before they were accepted: each page's Markdown and the HTML
  /// libcmark makes of it. Regenerate on purpose with
  /// SAMEPAGE_UPDATE_GOLDEN=1 swift test --filter goldenDocuments, then read the diff.
  @Test(arguments: pageNames)
  func goldenDocuments(_ name: String) throws {
    let (pages, diagnostics) = try render(GlossaryUnderTest())
    #expect(diagnostics.isEmpty)
    let rendered = try #require(pages.first { $0.page.fileName == name })
    for (text, file) in [(rendered.markdown, name), (rendered.htmlBody, rendered.htmlFileName)] {
      let golden = Repository.fixtures.appendingPathComponent("Golden/\(file)")
      if Self.updatingGoldenFiles {
        try text.write(to: golden, atomically: true, encoding: .utf8)
      }
      let expected = try String(contentsOf: golden, encoding: .utf8)
      #expect(text == expected, "\(file) differs from its golden file")
    }
  }

  @Test func everyPageIsWrittenOnceWithDistinctNames() throws {
    let (pages, _) = try render(GlossaryUnderTest())
    #expect(pages.count == 13)
    #expect(Set(pages.map(\.page.fileName)).count == 13)
    #expect(try page(pages, .glossary).anchors.contains("mql"))
    #expect(try page(pages, .glossary).htmlBody.contains("<a id=\"mql\"></a>"))
  }

  @Test func linksBetweenPagesPointAtHTMLAnchors() throws {
    let (pages, _) = try render(GlossaryUnderTest())
    let statuses = try page(pages, .term(.leadStatuses)).htmlBody
    #expect(statuses.contains("href=\"lifecycle-stages.html#mql\""))
    #expect(try page(pages, .sla).htmlBody.contains("href=\"glossary.html#status-attempting\""))
  }

  @Test func userTextIsDataNotATemplate() throws {
    let glossary = try GlossaryUnderTest(replacing: [:])
    try replace(
      in: glossary, "lead-types.yaml", "Referred by an OEM partner;",
      with: "Referred by {{organization}} {{#sla}}partners{{/sla}};")
    let (pages, diagnostics) = try render(glossary)
    #expect(diagnostics.isEmpty)
    #expect(
      try page(pages, .glossary).markdown.contains("Referred by {{organization}} {{#sla}}partners{{/sla}};"))
  }

  @Test func rawHTMLAndScriptLinksInADefinitionNeverReachTheHTML() throws {
    let glossary = try GlossaryUnderTest()
    try replace(
      in: glossary, "lead-statuses.yaml",
      "definition: Handed to sales and not yet reviewed by the owning rep.",
      with:
        "definition: \"Handed over. <script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3))\""
    )
    let (pages, diagnostics) = try render(glossary)
    #expect(diagnostics.isEmpty)
    for rendered in pages {
      #expect(!rendered.htmlBody.contains("<script"))
      #expect(!rendered.htmlBody.contains("<img"))
      #expect(!rendered.htmlBody.contains("href=\"javascript"))
    }
    #expect(try page(pages, .glossary).htmlBody.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
  }

  /// The `.md` files go to renderers that pass HTML through (MkDocs, Jekyll, wikis), so they
  /// must be as clean as the HTML: user HTML shows as text and unsafe links lose their target.
  @Test func rawHTMLAndScriptLinksInADefinitionNeverReachTheMarkdown() throws {
    let glossary = try GlossaryUnderTest()
    try replace(
      in: glossary, "lead-statuses.yaml",
      "definition: Handed to sales and not yet reviewed by the owning rep.",
      with: [
        "definition: |-",
        "      Handed over. <script>alert(1)</script> <b onmouseover=\"alert(2)\">bold</b>",
        "      [click](javascript:alert(3)) and ![pic](data:text/html;base64,PHNjcmlwdD4=) and <javascript:alert(4)>",
        "",
        "      <meta http-equiv=\"refresh\" content=\"0; url=https://evil.example\">",
      ].joined(separator: "\n"))
    try replace(
      in: glossary, "personas.yaml", "bio: >-",
      with: "bio: >-\n      <iframe src=\"https://evil.example\"></iframe>")
    // A reference link alone, with no '<' or "](" anywhere in the text.
    try replace(
      in: glossary, "lead-statuses.yaml",
      "definition: Sent back to marketing before any contact, for a procedural reason.",
      with: "definition: |-\n      Sent back [for a reason][evil].\n\n      [evil]: javascript:alert(5)")
    // A scheme written as an entity, with no ':' or '<' anywhere in the text.
    try replace(
      in: glossary, "lead-statuses.yaml",
      "definition: The rep has spoken with the lead and is qualifying it.",
      with: "definition: Spoken with; see [notes](javascript&#58;alert(6)).")
    let (pages, diagnostics) = try render(glossary)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.summary))")
    for rendered in pages {
      // Read back as CommonMark, the page holds no HTML but the templates' anchors, and no
      // link or image to an unsafe scheme.
      let readBack = CommonMarkDocument(markdown: rendered.markdown)
      readBack.sanitize()
      #expect(readBack.escapedHTMLCount == 0, "\(rendered.page.fileName) has raw HTML")
      #expect(readBack.neutralizedLinkCount == 0, "\(rendered.page.fileName) has an unsafe link")
      #expect(!rendered.markdown.contains("](javascript:") && !rendered.markdown.contains("](data:"))
      #expect(
        !rendered.markdown.contains("](javascript&#58;") && !rendered.htmlBody.contains("href=\"javascript"))
    }
    let glossaryPage = try page(pages, .glossary)
    #expect(glossaryPage.markdown.contains("alert(1)"), "the text itself stays visible")
    #expect(glossaryPage.markdown.contains("bold"))
    #expect(glossaryPage.htmlBody.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
  }

  /// A definition that writes the anchor a template writes must not become a second anchor:
  /// it shows as text, and render succeeds.
  @Test func anchorMarkupInADefinitionIsTextNotAnAnchor() throws {
    let glossary = try GlossaryUnderTest()
    try replace(
      in: glossary, "lead-statuses.yaml",
      "definition: Handed to sales and not yet reviewed by the owning rep.",
      with:
        "definition: |-\n      <a id=\"mql\"></a>\n\n      Handed to sales <a id=\"status-new\"></a> today.")
    let (pages, diagnostics) = try render(glossary)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.summary))")
    let glossaryPage = try page(pages, .glossary)
    #expect(glossaryPage.anchors.filter { $0 == "mql" }.count == 1)
    #expect(glossaryPage.anchors.filter { $0 == "status-new" }.count == 1)
    #expect(glossaryPage.htmlBody.contains("&lt;a id=&quot;mql&quot;&gt;&lt;/a&gt;"))
  }

  @Test func plainTextWithMarkdownCharactersIsEscaped() throws {
    let glossary = try GlossaryUnderTest()
    try replace(
      in: glossary, "lead-statuses.yaml", "label: Connected",
      with: "label: \"*Connected* & <Qualifying> [1]\"")
    let (pages, diagnostics) = try render(glossary)
    #expect(diagnostics.isEmpty)
    let html = try page(pages, .glossary).htmlBody
    #expect(html.contains("<h3>*Connected* &amp; &lt;Qualifying&gt; [1]</h3>"))
  }

  @Test func brokenLinkInADefinitionIsAnErrorAtTheOutputLine() throws {
    let glossary = try GlossaryUnderTest()
    try replace(
      in: glossary, "lead-types.yaml", "Referred by an OEM partner;",
      with: "Referred by a [partner](glossary.md#partnr);")
    let (pages, diagnostics) = try render(glossary)
    let broken = diagnostics.filter { $0.id == "render.broken-link" }
    // Reported on every page that shows the lead types, at the line of that page's Markdown
    // that holds the link.
    let expected = pages.compactMap { page -> String? in
      let lines = page.markdown.split(separator: "\n", omittingEmptySubsequences: false)
      guard let index = lines.firstIndex(where: { $0.contains("#partnr") }) else { return nil }
      return "\(page.page.fileName):\(index + 1)"
    }
    #expect(expected.map { $0.split(separator: ":")[0] }.sorted() == ["glossary.md", "lead-types.md"])
    #expect(broken.compactMap { $0.location.map { "\($0.file):\($0.line)" } }.sorted() == expected.sorted())
    #expect(broken.allSatisfy { $0.summary.contains("'glossary.html#partnr' points to no anchor") })
  }

  @Test func unknownTemplateNameIsAnErrorWithFileAndLine() throws {
    let templates = try copyOfTemplates()
    try replace(in: templates.url, "term.md.mustache", "# {{pageTitle}}", with: "# {{pageTitel}}")
    let (_, diagnostics) = try render(GlossaryUnderTest(), templates: templates.url)
    #expect(diagnostics.map(\.id) == ["template.unknown-name"])
    #expect(
      diagnostics.first?.location
        == SourceLocation(file: "Templates/term.md.mustache", line: 2, column: 3))
  }

  @Test func unknownNameInsideASectionThisGlossaryLeavesEmptyIsStillFound() throws {
    let templates = try copyOfTemplates()
    try replace(in: templates.url, "sla.md.mustache", "- {{name}}: {{value}}", with: "- {{nmae}}: {{value}}")
    let glossary = try GlossaryUnderTest()
    let sla = glossary.directory.url.appendingPathComponent("sla.yaml")
    let lines = try String(contentsOf: sla, encoding: .utf8).split(
      separator: "\n", omittingEmptySubsequences: false)
    let start = try #require(lines.firstIndex(of: "  holidays:"))
    let end = try #require(lines.firstIndex(of: "review:"))
    try (lines[..<start] + lines[end...]).joined(separator: "\n").write(
      to: sla, atomically: true, encoding: .utf8)
    let loaded = glossary.check()
    try #require(
      loaded.result.glossary?.sla.calendar?.holidays.isEmpty == true, "\(loaded.diagnostics.map(\.summary))")
    let (_, diagnostics) = try render(glossary, templates: templates.url)
    #expect(diagnostics.map(\.id) == ["template.unknown-name"])
    #expect(diagnostics.first?.summary.contains("'nmae'") == true)
  }

  @Test func templateSyntaxErrorHasFileAndLine() throws {
    let templates = try copyOfTemplates()
    try replace(in: templates.url, "partials/lead-types.mustache", "{{/types}}", with: "{{/typs}}")
    guard case .failed(let diagnostics) = TemplateSet.load(directory: templates.url, displayDirectory: "T")
    else {
      Issue.record("a broken template loaded")
      return
    }
    #expect(diagnostics.map(\.id) == ["template.syntax"])
    #expect(diagnostics.first?.location?.file == "T/partials/lead-types.mustache")
    #expect(diagnostics.first?.location?.line == 13)
  }

  @Test func missingTemplateDirectoryIsAnError() throws {
    guard
      case .failed(let none) = TemplateSet.load(
        directory: URL(fileURLWithPath: "/nonexistent"), displayDirectory: "x")
    else {
      Issue.record("loaded nothing")
      return
    }
    #expect(none.map(\.id) == ["template.no-directory"])
  }

  /// A team customises the templates it changes; every other name, partials included, comes
  /// from the bundled set.
  @Test func templatesATeamDidNotCustomiseFallBackToTheBundledOnes() throws {
    let templates = try TemporaryDirectory()
    try FileManager.default.createDirectory(
      at: templates.url.appendingPathComponent("partials"), withIntermediateDirectories: true)
    let bundledPartial = try String(
      contentsOf: Self.templates.appendingPathComponent("partials/lead-types.mustache"), encoding: .utf8)
    try (bundledPartial + "\nCustomised by the team.\n\n").write(
      to: templates.url.appendingPathComponent("partials/lead-types.mustache"), atomically: true,
      encoding: .utf8)
    let set = try templateSet(templates.url)
    #expect(set.customised == ["partials/lead-types"])
    let (pages, diagnostics) = DocumentRenderer(templates: set).render(
      try #require(GlossaryUnderTest().check().result.glossary))
    #expect(diagnostics.isEmpty)
    #expect(try page(pages, .glossary).markdown.contains("Customised by the team."))
    let bundledOnly = DocumentRenderer(templates: try templateSet(Self.templates)).render(
      try #require(GlossaryUnderTest().check().result.glossary))
    #expect(try page(pages, .sla).markdown == (try page(bundledOnly.pages, .sla)).markdown)
  }

  /// The bundled set is the repository's Templates/, byte for byte (GeneratedFilesTests keeps
  /// the embedded copy current), so rendering with either gives the same pages.
  @Test func bundledTemplatesRenderLikeTheRepositoryTemplates() throws {
    guard case .loaded(let bundled) = TemplateSet.bundled() else {
      Issue.record("the bundled templates do not load")
      return
    }
    #expect(bundled.customised.isEmpty)
    let glossary = try #require(GlossaryUnderTest().check().result.glossary)
    let fromBundle = DocumentRenderer(templates: bundled).render(glossary)
    let fromRepository = DocumentRenderer(templates: try templateSet()).render(glossary)
    #expect(fromBundle.diagnostics.isEmpty)
    #expect(fromBundle.pages.map(\.markdown) == fromRepository.pages.map(\.markdown))
  }

  // MARK: - Helpers

  func copyOfTemplates() throws -> TemporaryDirectory {
    let directory = try TemporaryDirectory()
    try FileManager.default.removeItem(at: directory.url)
    try FileManager.default.copyItem(at: Self.templates, to: directory.url)
    return directory
  }

  func replace(in glossary: GlossaryUnderTest, _ file: String, _ old: String, with new: String) throws {
    try replace(in: glossary.directory.url, file, old, with: new)
  }

  func replace(in directory: URL, _ file: String, _ old: String, with new: String) throws {
    let url = directory.appendingPathComponent(file)
    let text = try String(contentsOf: url, encoding: .utf8)
    try #require(text.contains(old), "'\(old)' not in \(file)")
    try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
  }
}
