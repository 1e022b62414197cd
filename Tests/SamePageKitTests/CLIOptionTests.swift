import Foundation
import SamePageKit
import SamePageScoring
import Testing

/// The options no other CLI test ran (issue 15), each run against the real binary with its
/// effect checked, not only its exit status.
@Suite struct CLIOptionTests {
  static let templates = Repository.root.appendingPathComponent("Templates").path

  func samepage(_ arguments: String...) throws -> ProcessRunner.Result {
    try ProcessRunner.run(CLITests.binary, arguments)
  }

  func files(in directory: String, ending suffix: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(suffix) }.sorted()
  }

  /// The starter config, emitted by the CLI into `work`.
  func emitConfig(into work: TemporaryDirectory) throws -> String {
    let config = work.path("config.json")
    let run = try samepage("emit-config", "--glossary", Repository.glossary.path, "--out", config)
    try #require(run.status == 0, "\(run.error)")
    return config
  }

  @Test func renderWritesOnlyTheRequestedFormatAndForceOverwritesAHandEdit() throws {
    let work = try TemporaryDirectory()
    let out = work.path("docs")
    func render(_ extra: String...) throws -> ProcessRunner.Result {
      try ProcessRunner.run(
        CLITests.binary,
        ["render", "--glossary", Repository.glossary.path, "--templates", Self.templates, "--out", out]
          + extra)
    }
    let markdown = try render("--format", "markdown")
    #expect(markdown.status == 0, "\(markdown.error)")
    #expect(try files(in: out, ending: ".md").count == 13)
    #expect(try files(in: out, ending: ".html").isEmpty)

    let html = try render("--format", "html")
    #expect(html.status == 0, "\(html.error)")
    #expect(try files(in: out, ending: ".html").count == 13)
    let page = out + "/sla.html"
    #expect(try String(contentsOfFile: page, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))

    try "<p>edited by hand</p>".write(toFile: page, atomically: true, encoding: .utf8)
    let refused = try render("--format", "html")
    #expect(refused.status == 1)
    #expect(refused.error.contains("sla.html"))
    #expect(try String(contentsOfFile: page, encoding: .utf8) == "<p>edited by hand</p>")

    let forced = try render("--format", "html", "--force")
    #expect(forced.status == 0, "\(forced.error)")
    #expect(try String(contentsOfFile: page, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))

    let htmlOnly = try samepage(
      "render", "--glossary", Repository.glossary.path, "--templates", Self.templates, "--out",
      work.path("html-only"), "--format", "html")
    #expect(htmlOnly.status == 0, "\(htmlOnly.error)")
    #expect(try files(in: work.path("html-only"), ending: ".html").count == 13)
    #expect(try files(in: work.path("html-only"), ending: ".md").isEmpty)

    let both = try render("--format", "both")
    #expect(both.status == 0, "\(both.error)")
    #expect(try files(in: out, ending: ".md").count == 13 && files(in: out, ending: ".html").count == 13)
  }

  @Test func publishToConfluenceRecordsTheParentAndSpaceInTheManifest() throws {
    let work = try TemporaryDirectory()
    let out = work.path("confluence")
    let run = try samepage(
      "publish", "--to", "confluence-files", out, "--glossary", Repository.glossary.path, "--templates",
      Self.templates,
      "--parent", "Revenue Operations", "--space", "KIS")
    #expect(run.status == 0, "\(run.error)")
    let data = try Data(contentsOf: URL(fileURLWithPath: out + "/confluence-manifest.json"))
    let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(manifest["space"] as? String == "KIS")
    let pages = try #require(manifest["pages"] as? [[String: Any]])
    #expect(pages.count == 13)
    let parents = pages.compactMap { $0["parent"] as? String }
    // The home page hangs under --parent; every other page under the home page.
    #expect(parents.filter { $0 == "Revenue Operations" }.count == 1, "\(parents)")
    #expect(parents.count == 13)

    let plain = try samepage(
      "publish", "--to", "confluence-files", work.path("plain"), "--glossary", Repository.glossary.path,
      "--templates",
      Self.templates)
    #expect(plain.status == 0)
    let plainManifest = try String(
      contentsOfFile: work.path("plain/confluence-manifest.json"), encoding: .utf8)
    #expect(!plainManifest.contains("Revenue Operations") && !plainManifest.contains("KIS"))
  }

  @Test func publishToAGitWikiCommitsThePagesOnceAndARerunCommitsNothing() throws {
    let clone = try TemporaryDirectory()
    try ProcessRunner.git(["init", "--quiet"], in: clone.url)
    func publish() throws -> ProcessRunner.Result {
      try samepage(
        "publish", "--to", "git-wiki", clone.url.path, "--glossary", Repository.glossary.path, "--templates",
        Self.templates)
    }
    let first = try publish()
    #expect(first.status == 0, "\(first.error)")
    #expect(first.output.contains("committed to \(clone.url.path): Publish glossary"))
    #expect(FileManager.default.fileExists(atPath: clone.path("Home.md")))
    #expect(FileManager.default.fileExists(atPath: clone.path("_Sidebar.md")))
    let subject = try ProcessRunner.git(["log", "-1", "--format=%s"], in: clone.url)
    #expect(subject.hasPrefix("Publish glossary "), "\(subject)")
    let tracked = try ProcessRunner.git(["ls-files"], in: clone.url).split(separator: "\n")
    #expect(tracked.contains("Home.md") && tracked.contains("_Sidebar.md"))

    let second = try publish()
    #expect(second.status == 0, "\(second.error)")
    #expect(!second.output.contains("committed"))
    #expect(try ProcessRunner.git(["rev-list", "--count", "HEAD"], in: clone.url) == "1")
  }

  @Test func rulesMarkdownIsTheCatalogueTableAndVerbosePrintsEachRulesDocumentation() throws {
    let markdown = try samepage("rules", "--markdown")
    #expect(markdown.status == 0)
    #expect(
      markdown.output.trimmingCharacters(in: .newlines)
        == RuleCatalogue.markdownTable().trimmingCharacters(in: .newlines))

    let plain = try samepage("rules")
    let verbose = try samepage("rules", "--verbose")
    #expect(verbose.status == 0)
    #expect(try samepage("rules", "-v").output == verbose.output)
    for rule in RuleCatalogue.descriptions {
      // The documentation's second paragraph (why it matters) is only in the verbose list.
      let paragraphs = rule.documentation.components(separatedBy: "\n\n")
      guard paragraphs.count > 1 else { continue }
      let why = paragraphs[1].split(separator: "\n")[0]
      #expect(verbose.output.contains(why), "\(rule.id): '\(why)' missing from --verbose")
      #expect(!plain.output.contains(why), "\(rule.id): '\(why)' in the plain list")
    }
  }

  @Test func exportSQLWritesTheSameScriptToOutAsToStandardOutput() throws {
    let work = try TemporaryDirectory()
    let config = try emitConfig(into: work)
    let common = [
      "export-sql", "--dialect", "duckdb", "--config", config, "--leads", "leads.csv", "--events",
      "events.csv",
      "--as-of", "2026-11-20T17:00:00-06:00",
    ]
    let printed = try ProcessRunner.run(CLITests.binary, common)
    #expect(printed.status == 0, "\(printed.error)")
    #expect(printed.output.contains("read_csv"))
    let written = try ProcessRunner.run(CLITests.binary, common + ["--out", work.path("score.sql")])
    #expect(written.status == 0, "\(written.error)")
    #expect(written.output.isEmpty)
    #expect(try String(contentsOfFile: work.path("score.sql"), encoding: .utf8) == printed.output)
  }

  @Test func scoreMaxErrorsStopsAfterThatManyUnreadableRowsAndNotBefore() throws {
    let work = try TemporaryDirectory()
    let config = try emitConfig(into: work)
    try work.write("id,email,created_at\nL1,a@b.example,2026-10-01T09:00:00Z\n", to: "leads.csv")
    var events = "lead_id,type,timestamp\n"
    for day in 10...13 { events += "L1,page_view,2026-10-\(day)T25:00:00Z\n" }  // 4 impossible hours
    try work.write(events, to: "events.csv")
    func score(maxErrors: Int) throws -> ProcessRunner.Result {
      try samepage(
        "score", "--config", config, "--leads", work.path("leads.csv"), "--events", work.path("events.csv"),
        "--as-of", "2026-11-01T00:00:00Z", "--out", work.path("out"), "--max-errors", String(maxErrors),
        "--max-skipped-percent", "100")
    }
    let stopped = try score(maxErrors: 3)
    #expect(stopped.status == 2)
    #expect(
      stopped.error.contains("events.csv: more than 3 rows could not be read; stopping."), "\(stopped.error)")
    #expect(!FileManager.default.fileExists(atPath: work.path("out/leads.csv")))

    let allowed = try score(maxErrors: 4)
    #expect(allowed.status == 0, "\(allowed.error)")
    #expect(allowed.output.contains("skipped 4 unreadable rows"), "\(allowed.output)")
  }

  @Test func sampleDataHonoursActivitiesAndAsOf() throws {
    let work = try TemporaryDirectory()
    let config = try emitConfig(into: work)
    let asOf = "2026-06-30T12:00:00Z"
    func sample(activities: Int, into name: String) throws -> [String] {
      let run = try samepage(
        "sample-data", "--config", config, "--leads", "40", "--events", "200", "--activities",
        String(activities),
        "--seed", "3", "--as-of", asOf, "--out", work.path(name))
      #expect(run.status == 0, "\(run.error)")
      return try String(contentsOfFile: work.path("\(name)/activities.csv"), encoding: .utf8)
        .split(separator: "\n").dropFirst().map(String.init)
    }
    let few = try sample(activities: 5, into: "few")
    let many = try sample(activities: 60, into: "many")
    #expect((1...5).contains(few.count), "--activities is an upper bound: \(few.count)")
    #expect(many.count > 5 && many.count <= 60, "\(many.count)")

    // Every lead is created in the 90 days before --as-of.
    let end = try #require(Timestamp.parse(asOf))
    let leads = try String(contentsOfFile: work.path("few/leads.csv"), encoding: .utf8).split(separator: "\n")
    let header = leads[0].split(separator: ",").map(String.init)
    let column = try #require(header.firstIndex(of: "created_at"))
    #expect(leads.count == 41)
    for line in leads.dropFirst() {
      let created = try #require(
        Timestamp.parse(String(line.split(separator: ",", omittingEmptySubsequences: false)[column])))
      #expect(created <= end && created >= end - 90 * 86_400_000, "\(line)")
    }
  }

  @Test func emitConfigToStandardOutputPrintsTheFilesBytesAndNothingElse() throws {
    let work = try TemporaryDirectory()
    let config = try emitConfig(into: work)
    let printed = try samepage("emit-config", "--glossary", Repository.glossary.path, "--out", "-")
    #expect(printed.status == 0)
    #expect(printed.output == (try String(contentsOfFile: config, encoding: .utf8)))
    #expect(!FileManager.default.fileExists(atPath: "-"))
  }

  @Test func benchmarkRunsEveryStageOnATinyGeneratedGlossary() throws {
    let run = try samepage(
      "benchmark", "--entries", "12", "--runs", "1", "--templates", Self.templates, "--cmark",
      "/usr/bin/cmark")
    #expect(run.status == 0, "\(run.error)")
    #expect(run.output.hasPrefix("glossary: 12 generated entries"))
    for stage in [
      "check (load, resolve, \(RuleCatalogue.ruleTypes.count) rules)", "render (templates + libcmark HTML)",
      "cmark command, same Markdown",
      "(median of 1 runs each)",
    ] {
      #expect(run.output.contains(stage), "\(stage) missing from: \(run.output)")
    }
    let missing = try samepage(
      "benchmark", "--entries", "12", "--runs", "1", "--templates", Self.templates, "--cmark",
      "/nonexistent/cmark")
    #expect(missing.status != 0, "a cmark that does not exist is an error, not a figure")
  }
}
