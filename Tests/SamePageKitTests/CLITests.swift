import Foundation
import SamePageKit
import Testing

/// The `samepage` binary as users and CI run it: exit codes, formats, init.
@Suite struct CLITests {
  struct Run {
    var status: Int32
    var output: String
    var error: String
  }

  static let binary: URL = {
    // The test runner sits in the same build products directory as the samepage binary.
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("samepage").path),
      directory.path != "/"
    {
      directory.deleteLastPathComponent()
    }
    return directory.appendingPathComponent("samepage")
  }()

  func samepage(_ arguments: String...) throws -> Run { try samepageArguments(arguments) }

  @Test func bundledGlossaryChecksCleanWithExitZero() throws {
    let run = try samepage("check", Repository.glossary.path, "--strict")
    #expect(run.status == 0)
    #expect(run.output.hasSuffix("no problems found in 11 files\n"))
  }

  @Test func findingsExitOneAndNameFileLineAndRule() throws {
    let glossary = try GlossaryUnderTest(
      overlay: Repository.fixtures.appendingPathComponent("Rules/status.stage-exists"))
    let run = try samepage("check", glossary.directory.url.path)
    #expect(run.status == 1)
    #expect(
      run.output.contains(
        "lead-statuses.yaml:53:12: error: lead status 'qualified' maps to unknown lifecycle stage 'sqll' [status.stage-exists]"
      ))
    #expect(run.output.contains("lifecycle-stages.yaml:44:9: note: did you mean 'sql'?"))
    #expect(!run.output.contains("\u{1B}["), "no colour when output is not a terminal")
  }

  @Test func warningsFailOnlyWithStrict() throws {
    let glossary = try GlossaryUnderTest(
      overlay: Repository.fixtures.appendingPathComponent("Rules/term.unique-labels"))
    #expect(try samepage("check", glossary.directory.url.path).status == 0)
    #expect(try samepage("check", glossary.directory.url.path, "--strict").status == 1)
  }

  @Test func unreadableInputExitsTwo() throws {
    let glossary = try GlossaryUnderTest(replacing: ["icp.yaml": "a: [\n"])
    #expect(try samepage("check", glossary.directory.url.path).status == 2)
    #expect(try samepage("check", "/nonexistent/glossary").status == 2)
  }

  @Test func badUsageExitsTwo() throws {
    // ArgumentParser's own usage errors exit 64; check maps its option errors to 2.
    let run = try samepage("check", "--format", "xml")
    #expect(run.status == 2)
    #expect(run.error.contains("xml"))
  }

  @Test func githubFormatIsOneAnnotationPerFinding() throws {
    let glossary = try GlossaryUnderTest(
      overlay: Repository.fixtures.appendingPathComponent("Rules/deal.won-stage"))
    let run = try samepage("check", glossary.directory.url.path, "--format", "github")
    #expect(run.status == 1)
    #expect(run.output.hasPrefix("::error file="))
    #expect(run.output.contains("deal-stages.yaml,line=43,col=19,title=deal.won-stage::"))
  }

  /// Three findings of both severities, one with a note, in two files.
  func glossaryWithThreeFindings() throws -> (GlossaryUnderTest, statusLine: Int) {
    var statuses = try String(
      contentsOf: Repository.fixtures.appendingPathComponent("Rules/term.unique-labels/lead-statuses.yaml"),
      encoding: .utf8)
    statuses = statuses.replacingOccurrences(
      of: "    stage: sql\n    category: converted", with: "    stage: sqll\n    category: converted")
    let lines = statuses.split(separator: "\n", omittingEmptySubsequences: false)
    let statusLine = try #require(lines.firstIndex { $0.contains("stage: sqll") }) + 1
    let glossary = try GlossaryUnderTest(
      overlay: Repository.fixtures.appendingPathComponent("Rules/deal.won-stage"),
      replacing: ["lead-statuses.yaml": statuses])
    return (glossary, statusLine)
  }

  @Test func jsonFormatHoldsEveryFindingWithItsPlaceAndTheCounts() throws {
    let (glossary, statusLine) = try glossaryWithThreeFindings()
    let run = try samepage("check", glossary.directory.url.path, "--format", "json")
    #expect(run.status == 1)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
    #expect(json["errors"] as? Int == 2)
    #expect(json["warnings"] as? Int == 1)
    let findings = try #require(json["diagnostics"] as? [[String: Any]])
    let described = findings.map { finding -> String in
      let location = finding["location"] as? [String: Any]
      let file = (location?["file"] as? String).map { URL(fileURLWithPath: $0).lastPathComponent } ?? "-"
      return
        "\(file):\(location?["line"] as? Int ?? 0) \(finding["severity"] as? String ?? "-") \(finding["id"] as? String ?? "-")"
    }
    #expect(
      described == [
        "deal-stages.yaml:43 error deal.won-stage", "lead-statuses.yaml:52 warning term.unique-labels",
        "lead-statuses.yaml:\(statusLine) error status.stage-exists",
      ])
    let note = try #require((findings.last?["notes"] as? [[String: Any]])?.first)
    #expect(note["message"] as? String == "did you mean 'sql'?")
    #expect(((note["location"] as? [String: Any])?["line"] as? Int) == 44)
    #expect(
      findings.first?["summary"] as? String
        == "won stage 'closed-won' is in forecast category 'commit', not 'closed'")
    #expect(findings.first?["fix"] as? String == "set 'forecast: closed'")
  }

  @Test func sarifFormatHoldsEveryFindingItsRuleAndItsRelatedPlace() throws {
    let (glossary, statusLine) = try glossaryWithThreeFindings()
    let run = try samepage("check", glossary.directory.url.path, "--format", "sarif")
    #expect(run.status == 1)
    let log = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
    #expect(log["version"] as? String == "2.1.0")
    let sarifRun = try #require((log["runs"] as? [[String: Any]])?.first)
    let rules = try #require(
      ((sarifRun["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
    #expect(
      rules.compactMap { $0["id"] as? String }.sorted() == RuleCatalogue.ruleTypes.map { $0.id }.sorted())
    let results = try #require(sarifRun["results"] as? [[String: Any]])
    let described = try results.map { result -> String in
      let id = try #require(result["ruleId"] as? String)
      let index = try #require(result["ruleIndex"] as? Int)
      #expect(rules.indices.contains(index) && rules[index]["id"] as? String == id, "ruleIndex of \(id)")
      let physical = ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
      let uri = ((physical?["artifactLocation"] as? [String: Any])?["uri"] as? String) ?? "-"
      let line = (physical?["region"] as? [String: Any])?["startLine"] as? Int ?? 0
      return
        "\(URL(fileURLWithPath: uri).lastPathComponent):\(line) \(result["level"] as? String ?? "-") \(id)"
    }
    #expect(
      described == [
        "deal-stages.yaml:43 error deal.won-stage", "lead-statuses.yaml:52 warning term.unique-labels",
        "lead-statuses.yaml:\(statusLine) error status.stage-exists",
      ])
    let related = try #require((results.last?["relatedLocations"] as? [[String: Any]])?.first)
    let relatedRegion = (related["physicalLocation"] as? [String: Any])?["region"] as? [String: Any]
    #expect(relatedRegion?["startLine"] as? Int == 44)
  }

  @Test func rulesCatalogueListsEveryRuleWithItsSeverityAndSummary() throws {
    let run = try samepage("rules")
    #expect(run.status == 0)
    let listed = run.output.split(separator: "\n").map { line in
      line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
    }
    let expected = RuleCatalogue.descriptions.map { [$0.id, $0.severity.rawValue, $0.summary] }
    #expect(listed.count == RuleCatalogue.ruleTypes.count)
    #expect(listed.sorted { $0[0] < $1[0] } == expected.sorted { $0[0] < $1[0] })
  }

  @Test func initWritesACheckableGlossaryAndRefusesANonEmptyDirectory() throws {
    let directory = try TemporaryDirectory()
    let target = directory.url.appendingPathComponent("new").path
    #expect(try samepage("init", target).status == 0)
    #expect(try samepage("check", target).status == 0)
    #expect(FileManager.default.fileExists(atPath: target + "/schemas/sla.schema.json"))

    try "keep me".write(toFile: target + "/notes.txt", atomically: true, encoding: .utf8)
    let refused = try samepage("init", target)
    #expect(refused.status == 2)
    #expect(refused.error.contains("not empty"))
    #expect(try samepage("init", target, "--force").status == 0)
    #expect(try String(contentsOfFile: target + "/notes.txt", encoding: .utf8) == "keep me")
  }

  @Test func renderRefusesAGlossaryWithErrorsAndWritesNothing() throws {
    let glossary = try GlossaryUnderTest(
      overlay: Repository.fixtures.appendingPathComponent("Rules/status.stage-exists"))
    let out = try TemporaryDirectory()
    let run = try samepage(
      "render", "--glossary", glossary.directory.url.path, "--templates",
      Repository.root.appendingPathComponent("Templates").path,
      "--out", out.url.path)
    #expect(run.status == 1)
    #expect(run.output.contains("[status.stage-exists]"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.url.path).isEmpty)
  }

  @Test func publishingTwiceChangesNothingAndHandEditsAreRefusedByName() throws {
    let out = try TemporaryDirectory()
    let site = out.url.appendingPathComponent("site").path
    let common = [
      "--glossary", Repository.glossary.path, "--templates",
      Repository.root.appendingPathComponent("Templates").path,
    ]
    func publish(_ extra: String...) throws -> Run {
      try samepageArguments(["publish", "--to", "site", site] + common + extra)
    }
    let first = try publish()
    #expect(first.status == 0)
    #expect(first.output.hasPrefix("wrote 16 files"))
    let second = try publish()
    #expect(second.output.hasPrefix("wrote 0 files to \(site), 16 unchanged"))

    try "<p>edited</p>".write(toFile: site + "/glossary.html", atomically: true, encoding: .utf8)
    let refused = try publish()
    #expect(refused.status == 1)
    #expect(refused.error.contains("glossary.html"))
    #expect(try String(contentsOfFile: site + "/glossary.html", encoding: .utf8) == "<p>edited</p>")
    #expect(try publish("--force").status == 0)
  }

  @Test func emitConfigRefusesAGlossaryWithErrorsAndWritesNothing() throws {
    let glossary = try GlossaryUnderTest(
      overlay: Repository.fixtures.appendingPathComponent("Rules/scoring.threshold-order"))
    let out = try TemporaryDirectory()
    let config = out.url.appendingPathComponent("config.json").path
    let run = try samepage("emit-config", "--glossary", glossary.directory.url.path, "--out", config)
    #expect(run.status == 1)
    #expect(run.output.contains("[scoring.threshold-order]"))
    #expect(!FileManager.default.fileExists(atPath: config))
    #expect(try samepage("emit-config", "--glossary", Repository.glossary.path, "--out", config).status == 0)
  }

  @Test func scoreRefusesAConfigFromAnotherGlossaryOrANewerSamePage() throws {
    let work = try TemporaryDirectory()
    let config = work.url.appendingPathComponent("config.json").path
    #expect(try samepage("emit-config", "--glossary", Repository.glossary.path, "--out", config).status == 0)
    try work.write("id,email,created_at\nL1,a@b.example,2026-10-01T09:00:00Z\n", to: "leads.csv")
    try work.write("lead_id,type,timestamp\n", to: "events.csv")
    let common = [
      "score", "--config", config, "--leads", work.url.appendingPathComponent("leads.csv").path, "--events",
      work.url.appendingPathComponent("events.csv").path, "--as-of", "2026-11-01T00:00:00Z", "--out",
      work.url.appendingPathComponent("out").path,
    ]
    #expect(try samepageArguments(common + ["--glossary", Repository.glossary.path]).status == 0)

    let edited = try GlossaryUnderTest(replacing: [
      "icp.yaml":
        (try String(contentsOf: Repository.glossary.appendingPathComponent("icp.yaml"), encoding: .utf8))
        + "# edited\n"
    ])
    let mismatch = try samepageArguments(common + ["--glossary", edited.directory.url.path])
    #expect(mismatch.status == 2)
    #expect(mismatch.error.contains("emitted from a different glossary"))

    let newer = try String(contentsOfFile: config, encoding: .utf8).replacingOccurrences(
      of: "\"schemaVersion\" : 1", with: "\"schemaVersion\" : 9")
    try newer.write(toFile: config, atomically: true, encoding: .utf8)
    let refused = try samepageArguments(common)
    #expect(refused.status == 2)
    #expect(refused.error.contains("schema version 9"))
  }

  /// `samepage score` on files in a scratch directory, with the starter glossary's config
  /// (edited by `editConfig` when given).
  func score(
    leads: String = "id,email,created_at\nL1,a@b.example,2026-10-01T09:00:00Z\n",
    events: String = "lead_id,type,timestamp\n", eventsPath: String? = nil,
    asOf: String = "2026-11-01T00:00:00Z",
    editConfig: ((inout [String: Any]) -> Void)? = nil, in work: TemporaryDirectory? = nil
  ) throws -> Run {
    let work = try work ?? TemporaryDirectory()
    let config = work.path("config.json")
    #expect(try samepage("emit-config", "--glossary", Repository.glossary.path, "--out", config).status == 0)
    if let editConfig {
      var json = try #require(
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: config)))
          as? [String: Any])
      editConfig(&json)
      try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: config))
    }
    try work.write(leads, to: "leads.csv")
    if eventsPath == nil { try work.write(events, to: "events.csv") }
    return try samepageArguments([
      "score", "--config", config, "--leads", work.path("leads.csv"), "--events",
      eventsPath ?? work.path("events.csv"),
      "--as-of", asOf, "--out", work.path("out"),
    ])
  }

  @Test func scoreRefusesInputWithoutLineBreaksInsteadOfFillingMemory() throws {
    let run = try score(eventsPath: "/dev/zero")
    #expect(run.status == 2)
    #expect(
      run.error
        == "samepage score: zero: line 1: a record longer than 16 MiB (no line break, or a quote never closed); is this a CSV file?\n"
    )
  }

  @Test func scoreResynchronisesAfterAStrayQuoteAndLosesOneRow() throws {
    let lead = "id,email,created_at\nL1,a@b.example,2026-10-01T09:00:00Z\n"
    var events = "lead_id,type,timestamp\n"
    for day in 10...29 { events += "L1,page_view,2026-10-\(day)T10:00:00Z\n" }
    events += "\"L1,page_view,2026-10-30T10:00:00Z\n"  // a stray quote on line 22
    for hour in 10...19 { events += "L1,page_view,2026-10-31T\(hour):00:00Z\n" }
    let run = try score(leads: lead, events: events)
    #expect(run.status == 0)
    #expect(run.output.hasPrefix("scored 1 leads, 30 events"))
    #expect(run.output.contains("skipped 1 unreadable rows (first: line 22 of events.csv: misplaced quote)"))
  }

  @Test func scoreFailsLoudlyWhenAFileLosesMoreThanOnePercentOfItsBytes() throws {
    let work = try TemporaryDirectory()
    var events = "lead_id,type,timestamp\n"
    for minute in 10...59 { events += "L1,page_view,2026-10-10T10:\(minute):00Z\n" }
    for minute in 10...59 { events += "L2,page_view,2026-10-10T11:\(minute):00Z\n" }  // no lead L2
    let run = try score(events: events, in: work)
    #expect(run.status == 2)
    #expect(
      run.error.hasPrefix(
        "samepage score: events.csv: the 50 skipped rows hold 50.0% of its bytes, more than 1%; first: line 52: unknown lead 'L2'"
      ))
    #expect(!FileManager.default.fileExists(atPath: work.path("out/leads.csv")), "nothing is written")
  }

  @Test func scoreRefusesImpossibleDatesInAsOf() throws {
    for asOf in ["2026-02-31T00:00:00Z", "2026-11-31T10:00:00Z", "2026-11-01T00:00:00+99:99"] {
      let run = try score(asOf: asOf)
      #expect(run.status == 2, "\(asOf)")
      #expect(run.error.contains("--as-of '\(asOf)' is not a real ISO 8601 timestamp"))
    }
  }

  @Test func scoreNamesTheLeadsFileWhenItHasNoLeads() throws {
    let empty = try score(leads: "", events: "lead_id,type,timestamp\nL1,email_open,2026-10-10T10:00:00Z\n")
    #expect(empty.status == 2)
    #expect(empty.error.hasPrefix("samepage score: leads.csv is empty"))
    let crOnly = try score(
      leads: "id,email,created_at,owner\rL1,a@b.example,2026-10-01T09:00:00Z,rep-a\r",
      events: "lead_id,type,timestamp\nL1,email_open,2026-10-10T10:00:00Z\n")
    #expect(crOnly.status == 2)
    #expect(
      crOnly.error.hasPrefix("samepage score: leads.csv: line 1: the header contains a carriage return"))
  }

  @Test func scoreQuotesAHugeHeaderBoundedAndEscaped() throws {
    let header = String(repeating: "\u{0},", count: 1_000_000) + "\n"
    let run = try score(events: header)
    #expect(run.status == 2)
    #expect(run.error.count < 400, "the message quotes a bounded prefix, not the 2 MB header")
    #expect(run.error.contains("events.csv: line 1: no column 'lead_id' (the header reads '\\x00,\\x00,"))
    #expect(run.error.contains("…"))
    #expect(!run.error.contains("\u{0}"))
  }

  @Test func scoreRefusesADuplicateColumn() throws {
    let run = try score(events: "lead_id,type,timestamp,lead_id\n")
    #expect(run.status == 2)
    #expect(run.error.contains("events.csv: line 1: column 'lead_id' appears twice (columns 1 and 4)"))
  }

  @Test func scoreRefusesAConfigWhoseNumbersTheCoreCannotComputeWithAndNamesTheField() throws {
    let run = try score(editConfig: { json in
      var fit = json["fit"] as! [String: Any]
      fit["cap"] = 10_000_000_000
      json["fit"] = fit
    })
    #expect(run.status == 2)
    #expect(run.error.contains("fit.cap is 10000000000"), "\(run.error)")

    let points = try score(editConfig: { json in
      var fit = json["fit"] as! [String: Any]
      var rules = fit["rules"] as! [[String: Any]]
      rules[0]["points"] = 5_000_000_000
      fit["rules"] = rules
      json["fit"] = fit
    })
    #expect(points.status == 2)
    #expect(points.error.contains("fit.rules[0].points is 5000000000"), "\(points.error)")
  }

  @Test func scoreSumsFitPastThirtyTwoBitsWithoutTrapping() throws {
    // Every fit rule at the largest accepted points and no cap: the sum passes Int32.max.
    let work = try TemporaryDirectory()
    let lead =
      "id,email,created_at,company,domain,industry,employees,country,title\n"
      + "L1,kim@acme.example,2026-10-01T09:00:00Z,Acme,acme.example,manufacturing,400,US,VP Maintenance\n"
    let run = try score(
      leads: lead,
      editConfig: { json in
        var fit = json["fit"] as! [String: Any]
        fit["rules"] = (fit["rules"] as! [[String: Any]]).map { rule in
          var rule = rule
          rule["points"] = 1_000_000_000
          return rule
        }
        fit.removeValue(forKey: "cap")
        json["fit"] = fit
      }, in: work)
    #expect(run.status == 0, "\(run.error)")
    let csv = try String(contentsOfFile: work.path("out/leads.csv"), encoding: .utf8)
    let fit = try #require(
      Int(csv.split(separator: "\n")[1].split(separator: ",", omittingEmptySubsequences: false)[2]))
    #expect(fit > Int(Int32.max))
  }

  @Test func gitWikiNeedsAClone() throws {
    let out = try TemporaryDirectory()
    let run = try samepage(
      "publish", "--to", "git-wiki", out.url.path, "--glossary", Repository.glossary.path)
    #expect(run.status == 2)
    #expect(run.error.contains("is not a git clone"))
  }

  func samepageArguments(_ arguments: [String]) throws -> Run {
    let result = try ProcessRunner.run(Self.binary, arguments)
    return Run(status: result.status, output: result.output, error: result.error)
  }
}

/// A user with only the binary: a copy of it in an empty folder, no repository around, runs
/// the whole flow with the bundled starter and templates.
@Suite struct BinaryAloneTests {
  @Test func initCheckRenderPublishAndEjectWorkFromAnEmptyFolder() throws {
    let folder = try TemporaryDirectory()
    let binary = folder.url.appendingPathComponent("bin/samepage")
    try FileManager.default.createDirectory(
      at: binary.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: CLITests.binary, to: binary)
    func samepage(_ arguments: String...) throws -> ProcessRunner.Result {
      try ProcessRunner.run(binary, arguments, currentDirectory: folder.url)
    }
    func exists(_ path: String) -> Bool {
      FileManager.default.fileExists(atPath: folder.url.appendingPathComponent(path).path)
    }

    #expect(try samepage("init").status == 0)
    #expect(try samepage("check", "--strict").status == 0)
    let render = try samepage("render", "--out", "out")
    #expect(render.status == 0, "\(render.output) \(render.error)")
    #expect(exists("out/sla.md") && exists("out/sla.html") && exists("out/glossary.html"))
    // Signed by both, printed to PDF when a browser is there (PDFTests covers the content).
    #expect(try samepage("sign", "--party", "marketing").status == 0)
    #expect(try samepage("sign", "--party", "sales").status == 0)
    #expect(try samepage("check", "--require-signed").status == 0)
    if PDFPrinter.find() != nil {
      let pdf = try samepage("render", "--out", "out", "--pdf")
      #expect(pdf.status == 0, "\(pdf.error)")
      #expect(exists("out/sla.pdf"))
    }
    let publish = try samepage("publish", "--to", "site", "site")
    #expect(publish.status == 0, "\(publish.output) \(publish.error)")
    #expect(exists("site/index.html"))

    // Ejected templates are used from ./Templates: an edit shows in the next render.
    #expect(try samepage("templates", "eject").status == 0)
    #expect(exists("Templates/sla.md.mustache") && exists("Templates/partials/lead-types.mustache"))
    let sla = folder.url.appendingPathComponent("Templates/sla.md.mustache")
    try (try String(contentsOf: sla, encoding: .utf8) + "\nEdited by this team.\n").write(
      to: sla, atomically: true, encoding: .utf8)
    #expect(try samepage("render", "--out", "out").status == 0)
    #expect(
      try String(contentsOf: folder.url.appendingPathComponent("out/sla.md"), encoding: .utf8)
        .contains("Edited by this team."))
    // A second eject refuses to overwrite the team's edits.
    let again = try samepage("templates", "eject")
    #expect(again.status == 2)
    #expect(again.error.contains("not empty"))
  }
}

/// The first minutes with SamePage: a typo in a command, a file where the folder belongs, and
/// `init` over work already there.
@Suite struct FirstStepsTests {
  func samepage(_ arguments: String..., in folder: URL) throws -> ProcessRunner.Result {
    try ProcessRunner.run(CLITests.binary, arguments, currentDirectory: folder)
  }

  @Test(arguments: [
    ("rendr", "render"), ("publsh", "publish"), ("emit-conifg", "emit-config"), ("chek", "check"),
  ])
  func aMistypedCommandGetsTheCommandNotAMissingFolder(_ typo: String, _ command: String) throws {
    let folder = try TemporaryDirectory()
    let run = try samepage(typo, in: folder.url)
    #expect(run.status == 2)
    #expect(
      run.error.contains("unknown command '\(typo)'; did you mean 'samepage \(command)'?"), "\(run.error)")
  }

  @Test func aFileWhereTheFolderBelongsNamesTheFolder() throws {
    let run = try samepage("check", "Glossary/sla.yaml", in: Repository.root)
    #expect(run.status == 2)
    #expect(
      run.error.contains(
        "'Glossary/sla.yaml' is a file; check reads the whole glossary folder: samepage check Glossary"))
  }

  @Test func initMissingWritesOnlyWhatIsMissingAndTheDiagnosticSaysSo() throws {
    let folder = try TemporaryDirectory()
    #expect(try samepage("init", in: folder.url).status == 0)
    let glossary = folder.url.appendingPathComponent("Glossary")
    try FileManager.default.removeItem(at: glossary.appendingPathComponent("icp.yaml"))
    let sla = glossary.appendingPathComponent("sla.yaml")
    let edited = try String(contentsOf: sla, encoding: .utf8) + "# our edit\n"
    try edited.write(to: sla, atomically: true, encoding: .utf8)

    let check = try samepage("check", in: folder.url)
    #expect(check.status == 1)
    #expect(check.output.contains("fix: run 'samepage init --missing Glossary'"), "\(check.output)")

    let missing = try samepage("init", "--missing", in: folder.url)
    #expect(missing.status == 0)
    #expect(missing.output.contains("wrote 1 file to Glossary"), "\(missing.output)")
    #expect(try String(contentsOf: sla, encoding: .utf8) == edited, "an edited file was replaced")
    #expect(FileManager.default.fileExists(atPath: glossary.appendingPathComponent("icp.yaml").path))
  }

  @Test func initForceNamesEveryEditItReplaces() throws {
    let folder = try TemporaryDirectory()
    #expect(try samepage("init", in: folder.url).status == 0)
    let sla = folder.url.appendingPathComponent("Glossary/sla.yaml")
    try (try String(contentsOf: sla, encoding: .utf8) + "# our edit\n").write(
      to: sla, atomically: true, encoding: .utf8)
    let plain = try samepage("init", in: folder.url)
    #expect(plain.status == 2)
    #expect(plain.error.contains("pass --missing to add only the files it lacks"))
    let force = try samepage("init", "--force", in: folder.url)
    #expect(force.status == 0)
    #expect(
      force.error == "samepage init: replaced Glossary/sla.yaml, which differed from the bundled file\n")
  }
}
