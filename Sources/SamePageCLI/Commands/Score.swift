import ArgumentParser
import Foundation
import SamePageKit
import SamePageScoring

/// `samepage score`: scores, stages and SLA from lead data, using the scoring config only.
struct Score: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Score leads, derive lifecycle stages and check the SLA from real activity.",
    discussion: """
      Reads CSV with a header, or JSON Lines (.jsonl). Writes leads.csv (one row per lead) and \
      summary.json to --out, and a short summary to standard output. Semantics: docs/SCORING.md.
      """)

  @Option(help: "The scoring config written by emit-config.")
  var config: String

  @Option(help: "Leads: id, email, created_at, owner, company, domain, industry, employees, … .")
  var leads: String

  @Option(help: "Behaviour events: lead_id, type, timestamp, url.")
  var events: String

  @Option(help: "Connect attempts: lead_id, rep, channel, disposition, timestamp.")
  var activities: String?

  @Option(name: .customLong("as-of"), help: "The moment to score at, ISO 8601 with an offset.")
  var asOf: String

  @Option(help: "The output directory.")
  var out = "out/scores"

  @Option(help: "Check that the config was emitted from this glossary directory.")
  var glossary: String?

  @Option(help: "Abort when more rows than this cannot be read in a file.")
  var maxErrors = 1_000

  @Option(help: "Fail when a file's skipped rows hold more than this percentage of its bytes.")
  var maxSkippedPercent = 1.0

  @Option(
    help:
      "Your exports' headers for our columns: a YAML file, or a bundled mapping (hubspot-contacts, salesforce-leads)."
  )
  var columns: String?

  @Option(
    name: .customLong("time-zone"),
    help: "Read timestamps without an offset as local time in this IANA zone (HubSpot exports local time).")
  var timeZone: String?

  @Option(
    help:
      "Threads that read the events file; the default is every core. Results are byte for byte the same for any number."
  )
  var threads = ProcessInfo.processInfo.activeProcessorCount

  func validate() throws {
    guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    guard maxSkippedPercent >= 0, maxSkippedPercent <= 100 else {
      throw ValidationError("--max-skipped-percent must be between 0 and 100")
    }
    if let timeZone, LocalTimeZone(identifier: timeZone) == nil {
      throw ValidationError(
        "--time-zone '\(UserText.quote(timeZone.utf8))' is not an IANA time zone, such as America/Chicago")
    }
    guard Timestamp.parse(asOf) != nil else {
      throw ValidationError(
        "--as-of '\(UserText.quote(asOf.utf8))' is not a real ISO 8601 timestamp with an offset, such as 2026-11-20T17:00:00-06:00"
      )
    }
  }

  func run() throws {
    let scoringConfig = try loadScoringConfig(config, for: "score")
    if let glossary {
      let loaded = GlossaryLoader().load(
        directory: URL(fileURLWithPath: glossary), displayDirectory: glossary)
      guard let model = loaded.glossary else {
        printError(
          "samepage score: cannot load \(glossary) to compare with the config; run samepage check \(glossary)"
        )
        throw ExitCode(2)
      }
      let hash = GlossaryHash.of(model.files)
      guard hash == scoringConfig.glossaryHash else {
        printError(
          "samepage score: \(ScoringConfig.LoadError.glossaryChanged(config: scoringConfig.glossaryHash, glossary: hash))"
        )
        throw ExitCode(2)
      }
    }
    let mapping = try columns.map { try loadColumnMapping($0, for: "score") } ?? ColumnMapping()
    let run: ScoringRun
    do {
      run = try ScoringRun(
        config: scoringConfig,
        options: .init(
          asOf: Timestamp.parse(asOf)!, maxErrors: maxErrors, maxSkippedPercent: maxSkippedPercent,
          columns: mapping, timeZone: timeZone.flatMap(LocalTimeZone.init(identifier:)), threads: threads))
      try run.loadLeads(URL(fileURLWithPath: leads))
      try run.scoreEvents(URL(fileURLWithPath: events))
      try run.countActivities(activities.map { URL(fileURLWithPath: $0) })
    } catch {
      printError("samepage score: \(error)")
      throw ExitCode(2)
    }
    let summary = run.summary()
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let outURL = URL(fileURLWithPath: out)
    do {
      try AtomicFile.write(run.leadsCSV(), to: outURL.appendingPathComponent("leads.csv"))
      try AtomicFile.write(
        try encoder.encode(summary) + Data("\n".utf8), to: outURL.appendingPathComponent("summary.json"))
    } catch {
      printError("samepage score: cannot write to \(out): \(error.localizedDescription)")
      throw ExitCode(2)
    }
    print(run.humanSummary(summary), terminator: "")
    print("wrote \(out)/leads.csv and \(out)/summary.json")
  }
}
