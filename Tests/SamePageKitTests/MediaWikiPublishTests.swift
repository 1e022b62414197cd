import Foundation
import Testing

@testable import SamePageKit

/// `samepage publish --to mediawiki` against a real MediaWiki (LocalMediaWiki): every page is
/// read back through the API. Each test uses its own title prefix and record file, so they share
/// one wiki and can run side by side.
@Suite(
  .enabled(
    if: LocalMediaWiki.shouldRun,
    Comment(
      rawValue: (LocalMediaWiki.missingPrerequisite ?? "")
        + " (skipped here; .ci/run sets SAMEPAGE_REQUIRE_MEDIAWIKI=1 so CI fails instead)")))
struct MediaWikiPublishTests {
  let wiki: LocalMediaWiki
  let work: TemporaryDirectory

  init() throws {
    wiki = try LocalMediaWiki.running()
    work = try TemporaryDirectory()
  }

  func titles(_ prefix: String) throws -> [String] {
    let titles = try WikiTitles(prefix: prefix)
    return DocumentRenderer.pages.map { titles.title($0) }
  }

  /// The CLI, with the bot password in the environment only.
  func samepage(_ arguments: String..., password: String = LocalMediaWiki.botPassword) throws
    -> ProcessRunner.Result
  {
    try ProcessRunner.run(
      CLITests.binary, arguments, environment: ["SAMEPAGE_MEDIAWIKI_PASSWORD": password],
      currentDirectory: work.url)
  }

  /// `publish --to mediawiki` for `prefix`, recording in the test's own state file.
  func publish(_ prefix: String, glossary: URL = Repository.glossary, _ extra: String...) throws
    -> ProcessRunner.Result
  {
    try ProcessRunner.run(
      CLITests.binary,
      [
        "publish", "--to", "mediawiki", "--api", wiki.api.absoluteString, "--user", LocalMediaWiki.botLogin,
        "--title-prefix", prefix, "--state", work.path("record-\(prefix).json"), "--glossary", glossary.path,
      ] + extra, environment: ["SAMEPAGE_MEDIAWIKI_PASSWORD": LocalMediaWiki.botPassword])
  }

  @Test func publishCreatesEveryPageWithTermsAnchorsLinksAndCategoryAndARerunEditsNothing() async throws {
    let clock = ContinuousClock()
    let began = clock.now
    let run = try samepage(
      "publish", "--to", "mediawiki", "--api", wiki.api.absoluteString, "--user", LocalMediaWiki.botLogin,
      "--title-prefix", "Acme", "--category", "Acme agreement", "--state", work.path("acme.json"),
      "--glossary", Repository.glossary.path)
    #expect(run.status == 0, "\(run.error)")
    #expect(run.output == "created 13, updated 0, unchanged 0 pages on \(wiki.api.absoluteString)\n")
    #expect(
      !run.output.contains(LocalMediaWiki.botPassword) && !run.error.contains(LocalMediaWiki.botPassword))
    // Piped: no progress lines.
    #expect(run.error.isEmpty, "\(run.error)")

    let titles = try titles("Acme")
    let first = try await wiki.pages(titles)
    #expect(first.count == 13)
    #expect(first.values.allSatisfy { $0.user == LocalMediaWiki.botUser })
    #expect(first.values.allSatisfy { $0.comment == "Publish glossary 2.3.0 with SamePage" })
    #expect(
      first.values.allSatisfy { $0.content.hasPrefix("<!-- Published by SamePage from glossary 2.3.0;") })

    let lifecycle = try await wiki.parse("Acme glossary – Lifecycle stages")
    for anchor in ["mql", "sal", "sql", "subscriber"] {
      #expect(lifecycle.html.contains("id=\"\(anchor)\""), "anchor \(anchor)")
    }
    #expect(lifecycle.html.contains("Marketing-qualified lead (MQL)"))
    #expect(lifecycle.html.contains("<h3>") || lifecycle.html.contains("<h3 "))
    #expect(Self.decodingReferences(lifecycle.html).contains("<li><b>Also called:</b>"))
    #expect(lifecycle.categories == ["Acme_agreement"])
    #expect(lifecycle.templates.isEmpty)
    // Links to other terms land on pages SamePage wrote, at anchors that exist there.
    let leadStatusesHTML = try await wiki.parse("Acme glossary – Lead statuses").html
    let linksToStatuses = lifecycle.links.filter { $0.title == "Acme glossary – Lead statuses" }
    let statusesExist = linksToStatuses.filter { !$0.exists }.isEmpty
    #expect(!linksToStatuses.isEmpty && statusesExist)
    #expect(lifecycle.html.contains("glossary_%E2%80%93_Lead_statuses#status-new\""))
    #expect(leadStatusesHTML.contains("id=\"status-new\""))
    for title in titles {
      let parsed = try await wiki.parse(title)
      let missing = parsed.links.filter { !$0.exists }.map(\.title)
      #expect(missing.isEmpty, "\(title) links to missing pages: \(missing)")
      #expect(parsed.categories == ["Acme_agreement"], "\(title)")
    }
    // The SLA's pipe tables arrive as wikitext tables.
    let sla = try await wiki.parse("Acme – Service level agreement")
    #expect(sla.html.contains("<table class=\"wikitable\">"))
    #expect(sla.html.contains("<th>Exclusion\n</th>"), "\(sla.html.prefix(3000))")
    let glossary = try await wiki.parse("Acme glossary")
    #expect(glossary.html.contains("href=\"#mql\""))
    let publishSeconds = (clock.now - began) / .seconds(1)

    let again = try samepage(
      "publish", "--to", "mediawiki", "--api", wiki.api.absoluteString, "--user", LocalMediaWiki.botLogin,
      "--title-prefix", "Acme", "--category", "Acme agreement", "--state", work.path("acme.json"),
      "--glossary", Repository.glossary.path)
    #expect(again.status == 0, "\(again.error)")
    #expect(again.output == "created 0, updated 0, unchanged 13 pages on \(wiki.api.absoluteString)\n")
    #expect(try await wiki.pages(titles) == first, "a second publish made revisions")
    print(
      "MediaWiki: set-up \(String(format: "%.1f", wiki.setUpSeconds)) s, first publish and read-back \(String(format: "%.1f", publishSeconds)) s, 13 pages, 0 revisions on the second run"
    )
  }

  @Test func injectedDefinitionShowsAsTextAndDoesNothing() async throws {
    let hostile = "{{SomeTemplate}} [[Category:X]] <script>alert(1)</script> ]]> ~~~~ {{#if:x|y}}"
    let text = try String(
      contentsOf: Repository.glossary.appendingPathComponent("lead-types.yaml"), encoding: .utf8
    )
    .replacingOccurrences(
      of: "definition: A prospect or customer asking about maintenance contracts or repairs.",
      with: "definition: '\(hostile)'")
    #expect(text.contains("SomeTemplate"))
    let glossary = try GlossaryUnderTest(replacing: ["lead-types.yaml": text])
    let run = try publish("Hostile", glossary: glossary.directory.url)
    #expect(run.status == 0, "\(run.error)")
    let parsed = try await wiki.parse("Hostile glossary – Lead types")
    #expect(parsed.templates.isEmpty, "\(parsed.templates)")
    #expect(!parsed.categories.contains("X"), "\(parsed.categories)")
    #expect(!parsed.html.contains("<script"))
    #expect(Self.decodingReferences(parsed.html).contains(hostile), "the definition reads as typed")
    // The signature was not expanded on save.
    let saved = try #require(
      try await wiki.pages(["Hostile glossary – Lead types"])["Hostile glossary – Lead types"])
    #expect(!saved.content.contains("[[User:"))
  }

  @Test func aHandEditIsRefusedListedAndOverwrittenOnlyWithForce() async throws {
    #expect(try publish("Edited").status == 0)
    let titles = try titles("Edited")
    try await wiki.editAsEditor("Edited glossary – Lead types", text: "Someone's own words.")
    let before = try await wiki.pages(titles)

    let refused = try publish("Edited")
    #expect(refused.status == 1)
    #expect(refused.error.contains("refusing to overwrite a page edited by hand"), "\(refused.error)")
    #expect(refused.error.contains("'Edited glossary – Lead types'"))
    #expect(refused.error.split(separator: "\n").count == 1)
    #expect(try await wiki.pages(titles) == before, "a refused publish edited a page")

    let dryRun = try samepage(
      "publish", "--to", "mediawiki", "--api", wiki.api.absoluteString, "--user", LocalMediaWiki.botLogin,
      "--title-prefix", "Edited", "--state", work.path("record-Edited.json"), "--glossary",
      Repository.glossary.path, "--dry-run")
    #expect(dryRun.status == 1)
    #expect(
      dryRun.output.contains(
        "would refuse 'Edited glossary – Lead types' (edited by hand since the last publish)"))
    #expect(dryRun.output.contains("would leave 'Edited glossary – Lifecycle stages' unchanged"))

    let forced = try publish("Edited", "--force")
    #expect(forced.status == 0, "\(forced.error)")
    #expect(forced.output.hasPrefix("created 0, updated 1, unchanged 12 pages"))
    let after = try await wiki.pages(titles)
    #expect(after["Edited glossary – Lead types"]?.user == LocalMediaWiki.botUser)
    #expect(after["Edited glossary – Lead types"]?.content.contains("Someone's own words.") == false)
    #expect(try publish("Edited").output.hasPrefix("created 0, updated 0, unchanged 13 pages"))
  }

  @Test func aPageSamePageDidNotCreateIsNeverTouchedEvenWithForce() async throws {
    try await wiki.editAsEditor("Foreign glossary – Lead types", text: "A page the team wrote.")
    let titles = try titles("Foreign")
    for extra in [[], ["--force"]] {
      let run = try ProcessRunner.run(
        CLITests.binary,
        [
          "publish", "--to", "mediawiki", "--api", wiki.api.absoluteString, "--user", LocalMediaWiki.botLogin,
          "--title-prefix", "Foreign", "--state", work.path("foreign.json"), "--glossary",
          Repository.glossary.path,
        ] + extra, environment: ["SAMEPAGE_MEDIAWIKI_PASSWORD": LocalMediaWiki.botPassword])
      #expect(run.status == 1)
      #expect(run.error.contains("refusing to touch 'Foreign glossary – Lead types'"), "\(run.error)")
    }
    let pages = try await wiki.pages(titles)
    #expect(pages.keys.sorted() == ["Foreign glossary – Lead types"], "nothing else was created")
    #expect(pages["Foreign glossary – Lead types"]?.content == "A page the team wrote.")
  }

  @Test func aChangedGlossaryEditsOnlyTheChangedPages() async throws {
    #expect(try publish("Changed").status == 0)
    let titles = try titles("Changed")
    let before = try await wiki.pages(titles)
    let text = try String(
      contentsOf: Repository.glossary.appendingPathComponent("lead-types.yaml"), encoding: .utf8
    )
    .replacingOccurrences(of: "asking about maintenance contracts", with: "asking about service contracts")
    let glossary = try GlossaryUnderTest(replacing: ["lead-types.yaml": text])

    // On a terminal (script(1) gives the run one), a line per page on standard error.
    let state = work.path("record-Changed.json")
    let command = [
      CLITests.binary.path, "publish", "--to", "mediawiki", "--api", wiki.api.absoluteString, "--user",
      LocalMediaWiki.botLogin, "--title-prefix", "Changed", "--state", state, "--glossary",
      glossary.directory.url.path,
    ].map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
    let run = try ProcessRunner.run(
      URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"],
      environment: ["SAMEPAGE_MEDIAWIKI_PASSWORD": LocalMediaWiki.botPassword])
    #expect(run.status == 0, "\(run.output)")
    #expect(run.output.contains("updated Changed glossary – Lead types"), "\(run.output)")
    #expect(run.output.contains("unchanged Changed glossary – Lifecycle stages"))

    let after = try await wiki.pages(titles)
    let revised = Set(titles.filter { before[$0]?.revision != after[$0]?.revision })
    let expected: Set = ["Changed glossary – Lead types", "Changed glossary"]
    #expect(revised == expected)
    #expect(run.output.contains("created 0, updated 2, unchanged 11 pages"))
  }

  @Test func aDryRunListsEveryPageAndChangesNothing() async throws {
    let run = try samepage(
      "publish", "--to", "mediawiki", "--api", wiki.api.absoluteString, "--user", LocalMediaWiki.botLogin,
      "--title-prefix", "Dry", "--state", work.path("dry.json"), "--glossary", Repository.glossary.path,
      "--dry-run")
    #expect(run.status == 0, "\(run.error)")
    #expect(run.output.split(separator: "\n").count == 13)
    #expect(run.output.contains("would create 'Dry – Service level agreement'"))
    #expect(try await wiki.pages(try titles("Dry")).isEmpty)
    #expect(!FileManager.default.fileExists(atPath: work.path("dry.json")))
  }

  @Test func aWrongPasswordIsOneLineWithoutThePassword() throws {
    let run = try samepage(
      "publish", "--to", "mediawiki", "--api", wiki.api.absoluteString, "--user", LocalMediaWiki.botLogin,
      "--title-prefix", "Nope", "--state", work.path("nope.json"), "--glossary", Repository.glossary.path,
      password: "wrong-password-0123456789")
    #expect(run.status == 1)
    #expect(
      run.error.hasPrefix("samepage: cannot log in to \(wiki.api.absoluteString) as SamePageBot@samepage:"))
    #expect(run.error.split(separator: "\n").count == 1)
    #expect(!run.error.contains("wrong-password"))
  }

  /// `&#123;` → `{`, `&lt;` → `<`: the text a reader sees.
  static func decodingReferences(_ html: String) -> String {
    var text = html
    for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#039;", "'")] {
      text = text.replacingOccurrences(of: entity, with: character)
    }
    let pattern = try! NSRegularExpression(pattern: "&#(\\d+);")
    for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
      let range = Range(match.range, in: text)!
      let number = Int(text[Range(match.range(at: 1), in: text)!])!
      text.replaceSubrange(range, with: String(Character(Unicode.Scalar(number)!)))
    }
    return text.replacingOccurrences(of: "&amp;", with: "&")
  }
}

/// Without PHP and MediaWiki the suite above is skipped, except in CI, where that is a failure.
@Suite struct MediaWikiAvailabilityTests {
  @Test func theLocalMediaWikiRunsWhereCIRequiresIt() throws {
    guard LocalMediaWiki.isRequired else { return }
    _ = try LocalMediaWiki.running()
  }
}
