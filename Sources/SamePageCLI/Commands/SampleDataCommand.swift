import ArgumentParser
import Foundation
import SamePageScoring

/// `samepage sample-data`: synthetic leads, events and activities for a scoring config.
struct SampleDataCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sample-data",
    abstract: "Write realistic synthetic leads, events and activities for a scoring config.",
    discussion:
      "The same seed gives the same files. Some leads use free-mail, .edu or competitor domains; some raise hands; reps work the connect sequence fully, partly or give up; some leads connect on the second or third attempt; channels, dispositions and event types the glossary does not declare, mixed case, and a few unreadable values per thousand leads."
  )

  @Option(help: "The scoring config written by emit-config.")
  var config = "scoring-config.json"

  @Option(help: "How many leads.")
  var leads = 1_000

  @Option(help: "How many behaviour events, in total.")
  var events = 20_000

  @Option(help: "How many activities (connect attempts) at most; default twice the leads.")
  var activities: Int?

  @Option(help: "The random seed.")
  var seed: UInt64 = 1

  @Option(name: .customLong("as-of"), help: "Leads are created in the 90 days before this instant.")
  var asOf = "2026-11-20T17:00:00-06:00"

  @Option(help: "The output directory.")
  var out = "out/sample"

  func validate() throws {
    guard leads > 0, events >= 0 else {
      throw ValidationError("--leads must be positive and --events not negative")
    }
    guard Timestamp.parse(asOf) != nil else {
      throw ValidationError("--as-of must be ISO 8601 with an offset")
    }
  }

  func run() throws {
    let scoringConfig = try loadScoringConfig(config, for: "sample-data")
    let sample = SampleData(
      leads: leads, events: events, activities: activities ?? max(leads * 2, 1), seed: seed,
      asOf: Timestamp.parse(asOf)!)
    try sample.write(to: URL(fileURLWithPath: out), config: scoringConfig)
    print(
      "wrote \(out)/leads.csv, events.csv and activities.csv (\(leads) leads, \(events) events, seed \(seed))"
    )
  }
}
