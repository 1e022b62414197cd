import Foundation
import SamePageKit
import Testing

/// Inputs that once crashed `check` or made it misreport: each edits one line of the starter
/// glossary and names the diagnostic that must appear on that line, so a number outside what
/// its field allows is reported where it was written and no rule ever computes with it.
@Suite struct HostileGlossaryTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var file: String
    var original: String
    var replacement: String
    var expected: String

    var testDescription: String { "\(file): \(replacement) → \(expected)" }
  }

  static let cases: [Case] = [
    // Converting 1e19 to Int trapped in icp.range-valid.
    Case(
      file: "icp.yaml", original: "employees: {min: 50, max: 5000}",
      replacement: "employees: {min: 1e19, max: 0}",
      expected: "glossary.out-of-range"),
    Case(
      file: "icp.yaml", original: "employees: {min: 50, max: 5000}",
      replacement: "employees: {min: 50, max: -1e19}", expected: "glossary.out-of-range"),
    // Summing points overflowed in scoring.threshold-reachable.
    Case(
      file: "lead-scoring.yaml", original: "points: 30", replacement: "points: 9223372036854775807",
      expected: "glossary.out-of-range"),
    Case(
      file: "lead-scoring.yaml", original: "points: 30", replacement: "points: 5000000000",
      expected: "glossary.out-of-range"),
    // A fit cap the scoring core could not hold passed check and emit-config, then crashed score.
    Case(
      file: "lead-scoring.yaml", original: "cap: 100", replacement: "cap: 10000000000",
      expected: "glossary.out-of-range"),
    // Converting a 1e19-day window to Int trapped in sla.attempts-fit-window.
    Case(
      file: "connect-attempts.yaml", original: "window: 10 business days",
      replacement: "window: 1e19 business days", expected: "glossary.out-of-range"),
    Case(
      file: "connect-attempts.yaml", original: "{day: 1, channel: email",
      replacement: "{day: 99999999999999999999, channel: email", expected: "glossary.out-of-range"),
    Case(
      file: "sla.yaml", original: "quantity: 120", replacement: "quantity: 1e300",
      expected: "glossary.out-of-range"),
    Case(
      file: "sla.yaml", original: "quantity: 120", replacement: "quantity: .inf",
      expected: "glossary.out-of-range"),
    Case(
      file: "sla.yaml", original: "quantity: 120", replacement: "quantity: .nan",
      expected: "glossary.wrong-type"),
  ]

  @Test(arguments: cases)
  func reportedAtTheValueWithoutCrashing(_ testCase: Case) throws {
    let starter = try String(
      contentsOf: Repository.glossary.appendingPathComponent(testCase.file), encoding: .utf8)
    let line =
      try #require(
        starter.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
          $0.contains(testCase.original)
        }, "the starter no longer has '\(testCase.original)'") + 1
    let edited = starter.replacingOccurrences(of: testCase.original, with: testCase.replacement)
    let (_, diagnostics) = try GlossaryUnderTest(replacing: [testCase.file: edited]).check()
    let onTheLine = diagnostics.filter { $0.location?.file == testCase.file && $0.location?.line == line }
    #expect(
      onTheLine.map(\.id).contains(testCase.expected),
      "\(diagnostics.map { "\($0.location.map(\.description) ?? "-") \($0.summary) [\($0.id)]" })")
  }

  /// From the user's side: `check --format json` on each once-crashing input exits 1 with the
  /// finding at the edited line, and `emit-config` refuses to write a config.
  @Test(arguments: cases.filter { $0.expected == "glossary.out-of-range" })
  func checkAsJSONReportsTheValueAndEmitConfigRefuses(_ testCase: Case) throws {
    let starter = try String(
      contentsOf: Repository.glossary.appendingPathComponent(testCase.file), encoding: .utf8)
    let edited = starter.replacingOccurrences(of: testCase.original, with: testCase.replacement)
    let glossary = try GlossaryUnderTest(replacing: [testCase.file: edited])
    let check = try CLITests().samepage("check", glossary.directory.url.path, "--format", "json")
    #expect(check.status == 1, "\(check.error)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(check.output.utf8)) as? [String: Any])
    let findings = try #require(json["diagnostics"] as? [[String: Any]], "\(json.keys)")
    #expect(findings.contains { ($0["id"] as? String) == "glossary.out-of-range" })

    let config = glossary.directory.url.appendingPathComponent("config.json").path
    let emit = try CLITests().samepage(
      "emit-config", "--glossary", glossary.directory.url.path, "--out", config)
    #expect(emit.status != 0)
    #expect(!FileManager.default.fileExists(atPath: config))
  }

  /// What the glossary's ranges let through, the scoring core can compute with: a glossary at
  /// the limits emits a config that `score` accepts and scores without trapping.
  @Test func glossaryAtTheLimitsEmitsAConfigTheCoreAccepts() throws {
    var scoring = try String(
      contentsOf: Repository.glossary.appendingPathComponent("lead-scoring.yaml"), encoding: .utf8)
    scoring = scoring.replacingOccurrences(of: "cap: 100\n", with: "cap: 1000000\n")
    scoring = scoring.replacingOccurrences(of: "points: 30\n", with: "points: 10000\n")
    scoring = scoring.replacingOccurrences(of: "points: -5\n", with: "points: -10000\n")
    let glossary = try GlossaryUnderTest(replacing: ["lead-scoring.yaml": scoring])
    let directory = glossary.directory.url
    let config = directory.appendingPathComponent("config.json").path
    let emit = try CLITests().samepage("emit-config", "--glossary", directory.path, "--out", config)
    #expect(emit.status == 0, "\(emit.output) \(emit.error)")
    let sample = directory.appendingPathComponent("sample").path
    let data = try CLITests().samepage(
      "sample-data", "--config", config, "--leads", "200", "--events", "2000", "--seed", "3", "--out", sample)
    #expect(data.status == 0, "\(data.error)")
    let score = try CLITests().samepage(
      "score", "--config", config, "--leads", sample + "/leads.csv", "--events", sample + "/events.csv",
      "--as-of", "2026-11-20T17:00:00-06:00", "--out", directory.appendingPathComponent("scores").path)
    #expect(score.status == 0, "\(score.error)")
  }

  @Test func outOfRangeNamesTheFieldAndItsRange() throws {
    let scoring = try String(
      contentsOf: Repository.glossary.appendingPathComponent("lead-scoring.yaml"), encoding: .utf8)
    let (_, diagnostics) = try GlossaryUnderTest(replacing: [
      "lead-scoring.yaml": scoring.replacingOccurrences(of: "cap: 100", with: "cap: 10000000000")
    ]).check()
    let finding = try #require(diagnostics.first { $0.id == "glossary.out-of-range" })
    #expect(finding.summary.contains("'cap'"))
    #expect(finding.summary.contains("10000000000"))
    #expect(finding.fix?.contains("1000000") == true, "\(finding.fix ?? "no fix")")
  }

  /// Five megabytes of plain values are a large file, not a runaway alias: only aliases count
  /// against the expansion budget.
  @Test func largeAliasFreeFileIsNotAnAliasExpansion() {
    // Two bytes a value: 2.5 million values, two and a half times the alias budget.
    let text =
      "definition: big\nowner: shared\nsynonyms: [" + String(repeating: "a,", count: 2_500_000) + "a]\n"
    guard case .loaded = YAMLLoader().parse(Array(text.utf8), displayPath: "big.yaml") else {
      Issue.record("a 12 MB alias-free file was refused")
      return
    }
  }

  @Test func billionLaughsIsStillStoppedByTheAliasBudget() {
    var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1...9 {
      let previous = "*a\(level - 1)"
      text +=
        "a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
    }
    guard case .failed(let diagnostics) = YAMLLoader().parse(Array(text.utf8), displayPath: "lol.yaml") else {
      Issue.record("a billion laughs was loaded")
      return
    }
    #expect(diagnostics.map(\.id) == ["yaml.alias-expansion"])
  }
}
