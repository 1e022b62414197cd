import ArgumentParser
import Foundation
import SamePageScoring

/// `samepage export-sql`: the scoring as SQL over the same CSV files.
struct ExportSQL: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export-sql",
    abstract: "Write SQL that computes per-lead scores and stages from the same CSV files.",
    discussion:
      "The SQL's last statement selects id, excluded, fit, engagement, stage, stage_reached_at (epoch seconds)."
  )

  enum SQLDialect: String, ExpressibleByArgument, CaseIterable {
    case duckdb
  }

  @Option(help: "The SQL dialect.")
  var dialect: SQLDialect = .duckdb

  @Option(help: "The scoring config written by emit-config.")
  var config = "scoring-config.json"

  @Option(help: "The leads CSV, as the SQL engine will see its path.")
  var leads: String

  @Option(help: "The events CSV, as the SQL engine will see its path.")
  var events: String

  @Option(name: .customLong("as-of"), help: "The moment to score at, ISO 8601 with an offset.")
  var asOf: String

  @Option(help: "Where to write the SQL; - for standard output.")
  var out = "-"

  func validate() throws {
    guard Timestamp.parse(asOf) != nil else {
      throw ValidationError("--as-of must be ISO 8601 with an offset")
    }
  }

  func run() throws {
    let scoringConfig = try loadScoringConfig(config, for: "export-sql")
    let sql = try SQLExport(config: scoringConfig, dialect: .duckdb).script(
      leads: leads, events: events, asOf: Timestamp.parse(asOf)!)
    if out == "-" {
      print(sql, terminator: "")
    } else {
      try Data(sql.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
    }
  }
}
