import Foundation
import SamePageKit
import Testing

/// `export-sql` from the user's side. That its results equal the core's, lead by lead, on DuckDB
/// and on Spark, is checked by `Scripts/differential-test.py` (run by `Scripts/test`); these
/// check what that script cannot see: the shape that keeps it fast, and its refusals.
@Suite struct ExportSQLTests {
  func samepage(_ arguments: [String]) throws -> ProcessRunner.Result {
    try ProcessRunner.run(CLITests.binary, arguments)
  }

  func emitConfig(into work: TemporaryDirectory) throws -> String {
    let config = work.path("config.json")
    let run = try samepage(["emit-config", "--glossary", Repository.glossary.path, "--out", config])
    try #require(run.status == 0, "\(run.error)")
    return config
  }

  func export(_ dialect: String, config: String, out: String = "-") throws -> ProcessRunner.Result {
    try samepage([
      "export-sql", "--dialect", dialect, "--config", config, "--leads", "/data/leads.csv", "--events",
      "/data/events.parquet", "--as-of", "2026-11-20T17:00:00-06:00", "--out", out,
    ])
  }

  /// Statements of a script, without comment-only pieces, as the runners split them.
  func statements(_ script: String) -> [String] {
    script.components(separatedBy: ";\n").map { piece in
      piece.split(separator: "\n").filter { !$0.hasPrefix("--") }.joined(separator: "\n")
        .trimmingCharacters(in: .whitespacesAndNewlines)
    }.filter { !$0.isEmpty }
  }

  /// What made the old script take 29 s and 11 GB at 10 M events: temporary tables, a
  /// correlated EXISTS per URL pattern, and joining every event against the thresholds.
  @Test func bothDialectsAreSettingsThenOneQueryWithoutTemporaryTablesOrCorrelatedSubqueries() throws {
    let work = try TemporaryDirectory()
    let config = try emitConfig(into: work)
    for dialect in ["duckdb", "spark"] {
      let run = try export(dialect, config: config)
      #expect(run.status == 0, "\(run.error)")
      let pieces = statements(run.output)
      let query = try #require(pieces.last)
      #expect(query.hasPrefix("WITH "), "\(dialect): \(query.prefix(80))")
      for setup in pieces.dropLast() {
        #expect(
          setup.hasPrefix("SET ") || setup.hasPrefix("CREATE OR REPLACE TEMPORARY VIEW "),
          "\(dialect): \(setup)")
      }
      for slow in ["TEMP TABLE", "EXISTS", "CROSS JOIN", "thresholds"] {
        #expect(!run.output.contains(slow), "\(dialect) script contains \(slow)")
      }
    }
  }

  @Test func sparkReadsCSVWithRFC4180QuotingAndParquetByItsExtension() throws {
    let work = try TemporaryDirectory()
    let run = try export("spark", config: try emitConfig(into: work))
    #expect(run.status == 0, "\(run.error)")
    let views = statements(run.output).filter { $0.hasPrefix("CREATE OR REPLACE TEMPORARY VIEW") }
    #expect(views.count == 2)
    let leads = try #require(views.first { $0.contains("samepage_leads") })
    #expect(leads.contains("USING csv") && leads.contains("path '/data/leads.csv'"))
    // Spark's default escape is a backslash; the core doubles quotes, as RFC 4180 does.
    #expect(leads.contains("escape '\"'") && leads.contains("multiLine 'true'"))
    #expect(views.contains { $0.contains("samepage_events USING parquet") })
  }

  func exportWithSLA(_ dialect: String, config: String) throws -> ProcessRunner.Result {
    try samepage([
      "export-sql", "--dialect", dialect, "--config", config, "--leads", "/data/leads.csv", "--events",
      "/data/events.parquet", "--activities", "/data/activities.csv", "--calendar-from", "2026-08-01",
      "--as-of", "2026-11-20T17:00:00-06:00",
    ])
  }

  /// The SLA reads the scoring query's per-lead rows, kept once; the event passes stay one query
  /// without temporary tables or correlated subqueries, and the events are read once.
  @Test func withActivitiesTheScoringQueryIsKeptWholeAndTheEventsAreReadOnce() throws {
    let work = try TemporaryDirectory()
    let config = try emitConfig(into: work)
    let run = try exportWithSLA("duckdb", config: config)
    #expect(run.status == 0, "\(run.error)")
    let pieces = statements(run.output)
    let scores = try #require(
      pieces.first { $0.hasPrefix("CREATE OR REPLACE TEMP TABLE samepage_scores AS") })
    #expect(scores.contains("\nWITH lead_types AS"))
    for slow in ["TEMP TABLE", "EXISTS", "CROSS JOIN", "thresholds"] {
      #expect(!scores.dropFirst(30).contains(slow), "the scoring query contains \(slow)")
    }
    #expect(run.output.components(separatedBy: "read_parquet('/data/events.parquet')").count == 2)
    let last = try #require(pieces.last)
    #expect(last.contains("FROM lead_sla\nORDER BY id"))
    #expect(pieces.contains { $0.hasPrefix("CREATE OR REPLACE TEMP TABLE sla_summary AS") })
  }

  /// Spark expands every view a statement reads into the whole plan behind it, so the SLA reads
  /// the scoring rows once (in lead_sla) and the summary reads lead_sla once; a second reader
  /// multiplies the plan, which is what ran Spark's driver out of memory. The calendar lookups
  /// are joins on an equal key, not ranges, and no statement reads a kept relation from a WITH
  /// clause.
  @Test func onSparkNoStatementReadsAKeptRelationTwiceAndTheCalendarIsJoinedOnAKey() throws {
    let work = try TemporaryDirectory()
    let run = try exportWithSLA("spark", config: try emitConfig(into: work))
    #expect(run.status == 0, "\(run.error)")
    let pieces = statements(run.output)
    #expect(pieces.contains("SET spark.sql.optimizer.canChangeCachedPlanOutputPartitioning = true"))
    func readers(of relation: String) -> [String] {
      pieces.filter { $0.range(of: "\\b(FROM|JOIN) \(relation)\\b", options: .regularExpression) != nil }
    }
    for relation in ["samepage_scores", "lead_sla"] {
      let reading = readers(of: relation)
      #expect(
        reading.count == (relation == "lead_sla" ? 2 : 1),
        "\(relation) is read by \(reading.count) statements")
      for statement in reading {
        let times = statement.components(separatedBy: "FROM \(relation)").count - 1
        #expect(times == 1, "a statement reads \(relation) \(times) times")
      }
    }
    // Spark does not look for a cached view inside a WITH clause (it ran the scoring query
    // again for lead_sla and again for sla_summary: 210 s instead of 90 s at 10 M events).
    let kept = [
      "samepage_scores", "business_calendar", "business_time", "calendar_openings", "calendar_business",
      "calendar_periods", "lead_sla",
    ]
    for relation in kept {
      for statement in readers(of: relation) {
        #expect(!statement.contains("WITH "), "a statement reads \(relation) inside a WITH clause")
      }
    }
    let sla = try #require(pieces.first { $0.hasPrefix("CREATE OR REPLACE TEMPORARY VIEW lead_sla AS") })
    #expect(sla.contains("JOIN calendar_openings k ON k.instant_key = "))
    #expect(!sla.contains("JOIN business_time"), "an inequality join against the calendar")
    #expect(pieces.contains("CACHE TABLE lead_sla"))
  }

  @Test func aConfigWithMoreEngagementRulesThanTheMaskHoldsIsRefusedAndNothingIsWritten() throws {
    let work = try TemporaryDirectory()
    let config = try emitConfig(into: work)
    var json = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: config))) as? [String: Any]
    )
    var engagement = try #require(json["engagement"] as? [String: Any])
    let rules = try #require(engagement["rules"] as? [[String: Any]])
    engagement["rules"] = (0..<63).map { index -> [String: Any] in
      var rule = rules[index % rules.count]
      rule["id"] = "rule-\(index)"
      return rule
    }
    json["engagement"] = engagement
    let large = work.path("large.json")
    try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: large))
    let out = work.path("score.sql")
    let run = try export("duckdb", config: large, out: out)
    #expect(run.status == 2)
    #expect(run.error.contains("at most 62 engagement rules") && run.error.contains("has 63"), "\(run.error)")
    #expect(!FileManager.default.fileExists(atPath: out))
  }
}
