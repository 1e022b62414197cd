import Foundation
import SamePageKit
import Testing

/// `samepage diff` on a temporary Git repository with the starter as its first commit: real
/// edits, each classified as a reviewer would, and versions that must follow from them.
@Suite struct DiffTests {
  struct Repo {
    let folder: TemporaryDirectory
    var url: URL { folder.url }

    init() throws {
      folder = try TemporaryDirectory()
      try git("init", "-q", "-b", "main")
      try git("config", "user.email", "test@example.com")
      try git("config", "user.name", "Test")
      #expect(try samepage("init").status == 0)
      try git("add", "-A")
      try git("commit", "-q", "-m", "The starter")
      try git("checkout", "-q", "-b", "change")
    }

    @discardableResult
    func git(_ arguments: String...) throws -> String {
      try ProcessRunner.git(arguments, in: url)
    }

    func samepage(_ arguments: String...) throws -> ProcessRunner.Result {
      try ProcessRunner.run(CLITests.binary, arguments, currentDirectory: url)
    }

    func edit(_ file: String, _ old: String, _ new: String) throws {
      let path = url.appendingPathComponent("Glossary/\(file)")
      let text = try String(contentsOf: path, encoding: .utf8)
      try #require(text.contains(old), "'\(old)' is not in \(file)")
      try text.replacingOccurrences(of: old, with: new).write(to: path, atomically: true, encoding: .utf8)
    }

    func changes(_ arguments: String...) throws -> [[String: Any]] {
      let run = try ProcessRunner.run(
        CLITests.binary, ["diff"] + arguments + ["--format", "json"], currentDirectory: url)
      try #require(run.status == 0, "\(run.error)")
      let json = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
      return json["changes"] as? [[String: Any]] ?? []
    }
  }

  @Test func aRenamedStatusIsBreakingAndNamedInTheAgreementsWords() throws {
    let repo = try Repo()
    try repo.edit("lead-statuses.yaml", "  - id: returned-not-ready\n", "  - id: not-ready\n")
    let changes = try repo.changes()
    #expect(changes.count == 1, "\(changes)")
    #expect(changes.first?["kind"] as? String == "breaking")
    #expect(changes.first?["summary"] as? String == "status 'returned-not-ready' renamed to 'not-ready'")
  }

  @Test func reorderedStagesAreBreaking() throws {
    let repo = try Repo()
    let stages = try String(
      contentsOf: repo.url.appendingPathComponent("Glossary/lifecycle-stages.yaml"), encoding: .utf8)
    // Swap the first two stages' blocks.
    let blocks = stages.components(separatedBy: "\n  - id: ")
    try #require(blocks.count > 3)
    var swapped = blocks
    swapped.swapAt(1, 2)
    try swapped.joined(separator: "\n  - id: ").write(
      to: repo.url.appendingPathComponent("Glossary/lifecycle-stages.yaml"), atomically: true, encoding: .utf8
    )
    let summaries = try repo.changes().filter { $0["kind"] as? String == "breaking" }.compactMap {
      $0["summary"] as? String
    }
    #expect(summaries.contains { $0.hasPrefix("stages reordered: ") }, "\(summaries)")
  }

  @Test func aThresholdIsBehaviouralAndAWordingChangeEditorial() throws {
    let repo = try Repo()
    try repo.edit("lead-scoring.yaml", "    engagement: 50\n", "    engagement: 60\n")
    try repo.edit(
      "lifecycle-stages.yaml", "    label: Marketing-qualified lead (MQL)",
      "    label: Marketing qualified lead (MQL)")
    let changes = try repo.changes("main")
    let behavioural = changes.filter { $0["kind"] as? String == "behavioural" }
    #expect(behavioural.map { $0["path"] as? String } == ["thresholds › mql › engagement"])
    #expect(behavioural.first?["summary"] as? String == "50 → 60")
    let editorial = changes.filter { $0["kind"] as? String == "editorial" }
    #expect(editorial.map { $0["path"] as? String } == ["stages › mql › label"])
  }

  @Test func checkFailsOnABumpTooSmallAndPassesWithTheRightOne() throws {
    let repo = try Repo()
    try repo.edit("lead-scoring.yaml", "    engagement: 50\n", "    engagement: 60\n")
    try repo.edit("samepage.yaml", "glossary_version: 2.3.0", "glossary_version: 2.3.1")
    let tooSmall = try repo.samepage("diff", "--check")
    #expect(tooSmall.status == 1)
    #expect(
      tooSmall.output.contains(
        "problem: the change is behavioural (1 behavioural, 1 editorial), which needs a minor version, but glossary_version goes from 2.3.0 to 2.3.1; make it 2.4.0"
      ), "\(tooSmall.output)")
    #expect(tooSmall.output.contains("problem: the change log in sla.yaml has no entry for version 2.3.1"))

    try repo.edit("samepage.yaml", "glossary_version: 2.3.1", "glossary_version: 2.4.0")
    try repo.edit("samepage.yaml", "effective_date: 2026-10-01", "effective_date: 2026-12-01")
    try repo.edit(
      "sla.yaml", "  - {version: 2.3.0,",
      "  - {version: 2.4.0, date: 2026-12-01, summary: MQL engagement threshold raised to 60}\n  - {version: 2.3.0,"
    )
    let right = try repo.samepage("diff", "--check")
    #expect(right.status == 0, "\(right.output)")
    #expect(right.output.contains("needs a minor version bump"))

    // The work tree was never touched by reading the base.
    #expect(try repo.git("status", "--porcelain").contains("M Glossary/lead-scoring.yaml"))
  }

  @Test func checkWithABaseReportsTheVersionRulesAtTheirLinesInEveryFormat() throws {
    let repo = try Repo()
    try repo.edit("lead-scoring.yaml", "    engagement: 50\n", "    engagement: 60\n")
    try repo.edit("samepage.yaml", "glossary_version: 2.3.0", "glossary_version: 2.3.1")
    try repo.edit(
      "sla.yaml", "  - {version: 2.3.0,",
      "  - {version: 2.3.1, date: 2026-10-01, summary: MQL engagement threshold raised to 60}\n  - {version: 2.3.0,"
    )
    // Without a base the glossary is consistent: the version rules have nothing to compare.
    #expect(try repo.samepage("check").status == 0)
    let text = try repo.samepage("check", "--base", "main")
    #expect(text.status == 1)
    #expect(
      text.output.contains(
        "Glossary/samepage.yaml:4:19: error: the change is behavioural (1 behavioural, 2 editorial), which needs a minor version, but glossary_version goes from 2.3.0 to 2.3.1 [version.bump-matches-change]"
      ), "\(text.output)")
    #expect(
      text.output.contains("  fix: set glossary_version to 2.4.0, with a change-log entry for it in sla.yaml")
    )
    let sarif = try repo.samepage("check", "--base", "main", "--format", "sarif")
    #expect(sarif.output.contains("\"ruleId\" : \"version.bump-matches-change\""), "\(sarif.output)")
    let json = try repo.samepage("check", "--base", "main", "--format", "json")
    #expect(json.output.contains("version.bump-matches-change"))

    // A base given as a folder reads the same; a date moved back is reported at effective_date.
    let copy = repo.url.appendingPathComponent("Released")
    try repo.git("worktree", "add", "-q", copy.path, "main")
    try repo.edit("samepage.yaml", "glossary_version: 2.3.1", "glossary_version: 2.4.0")
    try repo.edit("samepage.yaml", "effective_date: 2026-10-01", "effective_date: 2026-09-01")
    try repo.edit(
      "sla.yaml", "  - {version: 2.3.1, date: 2026-10-01,", "  - {version: 2.4.0, date: 2026-09-01,")
    let backwards = try repo.samepage("check", "--base", "Released/Glossary")
    #expect(backwards.status == 1)
    #expect(
      backwards.output.contains(
        "Glossary/samepage.yaml:5:17: error: effective_date goes backwards, from 2026-10-01 to 2026-09-01 [version.effective-date-forward]"
      ), "\(backwards.output)")
    #expect(!backwards.output.contains("version.bump-matches-change"))

    try repo.edit("samepage.yaml", "effective_date: 2026-09-01", "effective_date: 2026-11-01")
    try repo.edit(
      "sla.yaml", "  - {version: 2.4.0, date: 2026-09-01,", "  - {version: 2.4.0, date: 2026-11-01,")
    let right = try repo.samepage("check", "--base", "main", "--strict")
    #expect(right.status == 0, "\(right.output)")
    #expect(try repo.samepage("check", "--base", "no-such-branch").status == 2)
    // Reading the base never touched the work tree.
    #expect(try repo.git("status", "--porcelain").contains("M Glossary/lead-scoring.yaml"))
  }

  @Test func aVersionLeftAsItWasIsCalledUnchangedAndTheVersionToUseNamed() throws {
    let repo = try Repo()
    try repo.edit("sla.yaml", "quantity: 120", "quantity: 150")
    let run = try repo.samepage("check", "--base", "main")
    #expect(run.status == 1)
    #expect(
      run.output.contains(
        "Glossary/samepage.yaml:4:19: error: the change is behavioural (1 behavioural), which needs a minor version, but glossary_version is still 2.3.0 [version.bump-matches-change]"
      ), "\(run.output)")
  }

  @Test func aChangeLogLineAddedAtTheTopIsOneAddition() throws {
    let repo = try Repo()
    try repo.edit(
      "sla.yaml", "  - {version: 2.3.0,",
      "  - {version: 2.3.1, date: 2026-10-01, summary: Wording}\n  - {version: 2.3.0,")
    try repo.edit("samepage.yaml", "glossary_version: 2.3.0", "glossary_version: 2.3.1")
    let changes = try repo.changes("main")
    #expect(
      Set(changes.compactMap { $0["summary"] as? String }) == [
        "2.3.0 → 2.3.1", "item added: {version: 2.3.1, date: 2026-10-01, summary: Wording}",
      ], "\(changes)")
    #expect(changes.count == 2)
  }

  @Test func markdownIsAPullRequestCommentWithTheTableFirst() throws {
    let repo = try Repo()
    try repo.edit("lead-statuses.yaml", "  - id: returned-not-ready\n", "  - id: not-ready\n")
    let run = try repo.samepage("diff", "main", "--format", "markdown")
    let lines = run.output.components(separatedBy: "\n")
    #expect(lines.first?.hasPrefix("### Agreement changes: main (2.3.0) → Glossary (2.3.0)") == true)
    #expect(lines.contains("| breaking | 1 | major version |"))
    #expect(run.output.contains("<details><summary>1 breaking</summary>"))
    #expect(run.output.contains(":warning: the change is breaking"))
  }

  @Test func twoFoldersCompareWithoutGitAndAnUnreadableSideExitsTwo() throws {
    let repo = try Repo()
    let copy = repo.url.appendingPathComponent("Copy")
    try FileManager.default.copyItem(at: repo.url.appendingPathComponent("Glossary"), to: copy)
    try repo.edit("icp.yaml", "gmail.com", "gmail.com, wp.pl")
    let changes = try repo.changes("Copy", "Glossary", "--glossary", "Glossary")
    #expect(changes.map { $0["summary"] as? String } == ["added wp.pl"])
    let missing = try repo.samepage("diff", "no-such-branch")
    #expect(missing.status == 2)
    #expect(missing.error.contains("'no-such-branch' is neither a glossary folder nor a Git revision here"))
  }
}

/// `samepage impact`: the same history under two agreements; its figures must be those of two
/// separate `score` runs, and move the way the change says.
@Suite struct ImpactTests {
  /// Runs samepage in `folder` and requires it to succeed.
  func samepage(_ arguments: String..., in folder: TemporaryDirectory) throws -> ProcessRunner.Result {
    let run = try ProcessRunner.run(CLITests.binary, arguments, currentDirectory: folder.url)
    try #require(run.status == 0, "samepage \(arguments.joined(separator: " ")): \(run.error)")
    return run
  }

  @Test func aChangedCommitmentIsShownWithItsOldValue() throws {
    let folder = try TemporaryDirectory()
    _ = try samepage("init", "Base", in: folder)
    _ = try samepage("init", "Head", in: folder)
    let sla = folder.url.appendingPathComponent("Head/sla.yaml")
    try String(contentsOf: sla, encoding: .utf8).replacingOccurrences(
      of: "quantity: 120", with: "quantity: 150"
    )
    .write(to: sla, atomically: true, encoding: .utf8)
    _ = try samepage("emit-config", "--glossary", "Base", "--out", "base.json", in: folder)
    _ = try samepage(
      "sample-data", "--config", "base.json", "--leads", "300", "--events", "6000", "--out", "data",
      in: folder)
    let text = try samepage(
      "impact", "--base", "Base", "--head", "Head", "--leads", "data/leads.csv", "--events",
      "data/events.csv",
      "--as-of", "2026-11-20T17:00:00-06:00", in: folder)
    #expect(text.output.contains("(commitment 120 → 150: "), "\(text.output)")
  }

  @Test func aHigherThresholdLowersMQLsExactlyAsTwoScoreRunsSay() throws {
    let folder = try TemporaryDirectory()
    _ = try samepage("init", "Base", in: folder)
    _ = try samepage("init", "Head", in: folder)
    let scoring = folder.url.appendingPathComponent("Head/lead-scoring.yaml")
    let text = try String(contentsOf: scoring, encoding: .utf8)
    try #require(text.contains("    engagement: 50\n"))
    try text.replacingOccurrences(of: "    engagement: 50\n", with: "    engagement: 70\n").write(
      to: scoring, atomically: true, encoding: .utf8)
    _ = try samepage("emit-config", "--glossary", "Base", "--out", "base.json", in: folder)
    _ = try samepage("emit-config", "--glossary", "Head", "--out", "head.json", in: folder)
    _ = try samepage(
      "sample-data", "--config", "base.json", "--leads", "800", "--events", "16000", "--seed", "5", "--out",
      "data", in: folder)
    let files = [
      "--leads", "data/leads.csv", "--events", "data/events.csv", "--activities", "data/activities.csv",
    ]
    let asOf = ["--as-of", "2026-11-20T17:00:00-06:00"]
    let impact = try ProcessRunner.run(
      CLITests.binary, ["impact", "--base", "Base", "--head", "Head"] + files + asOf + ["--format", "json"],
      currentDirectory: folder.url)
    try #require(impact.status == 0, "\(impact.error)")
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(impact.output.utf8)) as? [String: Any])
    // The same report from one thread as from every core.
    let oneThread = try ProcessRunner.run(
      CLITests.binary,
      ["impact", "--base", "Base", "--head", "Head"] + files + asOf + ["--format", "json", "--threads", "1"],
      currentDirectory: folder.url)
    #expect(oneThread.status == 0 && oneThread.output == impact.output, "\(oneThread.error)")

    for (side, config) in [("base", "base.json"), ("head", "head.json")] {
      let run = try ProcessRunner.run(
        CLITests.binary, ["score", "--config", config] + files + asOf + ["--out", side],
        currentDirectory: folder.url)
      try #require(run.status == 0, "\(run.error)")
      let summary = try #require(
        try JSONSerialization.jsonObject(
          with: Data(contentsOf: folder.url.appendingPathComponent("\(side)/summary.json")))
          as? [String: Any])
      let reported = try #require(report[side] as? [String: Any])
      #expect(
        (reported["mqlsPerPeriod"] as? [[String: Any]])?.map { $0["mqls"] as? Int }
          == (summary["mqlsPerPeriod"] as? [[String: Any]])?.map { $0["mqls"] as? Int }, "\(side)")
      #expect((reported["stages"] as? [String: Int]) == (summary["stages"] as? [String: Int]), "\(side)")
    }
    let periods = try #require(report["periods"] as? [[String: Any]])
    let before = periods.compactMap { $0["before"] as? Int }.reduce(0, +)
    let after = periods.compactMap { $0["after"] as? Int }.reduce(0, +)
    #expect(after < before, "a higher engagement threshold must not add MQLs: \(before) → \(after)")
    let transitions = try #require(report["transitions"] as? [[String: Any]])
    #expect(transitions.allSatisfy { $0["to"] as? String == "lead" }, "\(transitions)")
    let moved = transitions.compactMap { $0["count"] as? Int }.reduce(0, +)
    #expect(moved > 0 && moved == transitions.compactMap { ($0["leads"] as? [String])?.count }.reduce(0, +))
  }
}
