import ArgumentParser
import Foundation
import SamePageScoring

/// `samepage export-sql`: the scoring as SQL over the same CSV files.
struct ExportSQL: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export-sql",
    abstract: "Write SQL that computes per-lead scores and stages from the same CSV files.",
    discussion:
      "The script's last statement selects id, excluded, fit, engagement, stage, stage_reached_at (epoch milliseconds); with --activities, the SLA columns of leads.csv too, and it leaves the SLA summary figures in the relation sla_summary. Business time goes through a calendar table generated from the config's calendar and written into the script (docs/SCORING.md, The SLA in SQL). duckdb: run it with the duckdb CLI or Python package. spark: Spark SQL for spark-sql -f, or Scripts/run-spark.py under spark-submit (docs/SCALE.md). Paths ending in .parquet are read as Parquet with text columns."
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

  @Option(help: "The activities CSV, as the SQL engine will see its path: adds the SLA to the SQL.")
  var activities: String?

  @Option(
    name: .customLong("calendar-from"),
    help:
      "The first local date (YYYY-MM-DD) the calendar table covers; by default the day before the earliest created_at in the leads file, which must then be a local file."
  )
  var calendarFrom: String?

  @Option(
    name: .customLong("calendar-out"),
    help:
      "Also write the calendar table's working intervals as CSV (local_date,open_ms,close_ms) to this file.")
  var calendarOut: String?

  @Option(name: .customLong("as-of"), help: "The moment to score at, ISO 8601 with an offset.")
  var asOf: String

  @Option(help: "Where to write the SQL; - for standard output.")
  var out = "-"

  func validate() throws {
    guard Timestamp.parse(asOf) != nil else {
      throw ValidationError("--as-of must be ISO 8601 with an offset")
    }
    if let calendarFrom, CivilDate.parse(calendarFrom) == nil {
      throw ValidationError("--calendar-from must be a real date YYYY-MM-DD, not '\(calendarFrom)'")
    }
    if activities == nil, calendarFrom != nil || calendarOut != nil {
      throw ValidationError(
        "--calendar-from and --calendar-out go with --activities (the SLA part of the SQL)")
    }
  }

  func run() throws {
    let scoringConfig = try loadScoringConfig(config, for: "export-sql")
    let asOfInstant = Timestamp.parse(asOf)!
    var sla: SQLExport.SLAInputs?
    if let activities {
      let table: BusinessCalendarTable
      do {
        table = try calendarTable(scoringConfig, asOf: asOfInstant)
      } catch {
        printError("samepage export-sql: \(error)")
        throw ExitCode(2)
      }
      sla = SQLExport.SLAInputs(activities: activities, calendar: table)
      if let calendarOut {
        try Data(table.csv.utf8).write(to: URL(fileURLWithPath: calendarOut), options: .atomic)
      }
    }
    let sql: String
    do {
      sql = try SQLExport(config: scoringConfig, dialect: dialect.dialect).script(
        leads: leads, events: events, asOf: asOfInstant, sla: sla)
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

  /// The calendar table from the first day (given, or the day before the earliest creation in
  /// the leads file) to the deadlines of a clock started at as-of or at the latest creation.
  func calendarTable(_ config: ScoringConfig, asOf: Int64) throws -> BusinessCalendarTable {
    var firstDay: Int
    var startsUntil = asOf
    if let calendarFrom {
      firstDay = CivilDate.parse(calendarFrom)!
    } else {
      let url = URL(fileURLWithPath: leads)
      guard FileManager.default.isReadableFile(atPath: url.path) else {
        throw CalendarRangeUnknown(leads: leads)
      }
      guard let range = try BusinessCalendarTable.creationRange(ofLeads: url) else {
        throw BusinessCalendarTable.Failure.noLeads(url.lastPathComponent)
      }
      firstDay = try BusinessCalendarTable.localDay(range.earliest, calendar: config.calendar) - 1
      startsUntil = max(asOf, range.latest)
    }
    return try BusinessCalendarTable(config: config, firstDay: firstDay, startsUntil: startsUntil)
  }
}

/// The leads path is not a file here (a warehouse path), so the calendar's range needs telling.
struct CalendarRangeUnknown: Error, CustomStringConvertible {
  var leads: String
  var description: String {
    "--leads \(leads) is not a local file, so the calendar table's range cannot be read from it; give --calendar-from YYYY-MM-DD (the first local date the leads were created on)"
  }
}
