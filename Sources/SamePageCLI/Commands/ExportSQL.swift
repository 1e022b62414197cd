import ArgumentParser
import Foundation
import SamePageScoring

/// `samepage export-sql`: the scoring as SQL over the same CSV files.
struct ExportSQL: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export-sql",
    abstract: "Write SQL that computes per-lead scores and stages from the same CSV files.",
    discussion:
      "The script's last statement selects id, excluded, fit, engagement, stage, stage_reached_at (epoch milliseconds). duckdb: run it with the duckdb CLI or Python package. spark: Spark SQL for spark-sql -f, or Scripts/run-spark.py under spark-submit (docs/SCALE.md). Paths ending in .parquet are read as Parquet with text columns."
  )

  enum SQLDialect: String, ExpressibleByArgument, CaseIterable {
    case duckdb
    case spark

    var dialect: SQLExport.Dialect {
      switch self {
      case .duckdb: return .duckdb
      case .spark: return .spark
      }
    }
  }

  @Option(help: "The SQL dialect: duckdb or spark.")
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
    let sql: String
    do {
      sql = try SQLExport(config: scoringConfig, dialect: dialect.dialect).script(
        leads: leads, events: events, asOf: Timestamp.parse(asOf)!)
    } catch let error as SQLExport.ExportError {
      printError("samepage export-sql: \(config): \(error)")
      throw ExitCode(2)
    }
    if out == "-" {
      print(sql, terminator: "")
    } else {
      try Data(sql.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
    }
  }
}
