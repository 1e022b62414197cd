import Foundation
import SamePageKit
import SamePageScoring
import Testing

/// The calendar table the exported SQL counts business time on (docs/SCORING.md, "The SLA in
/// SQL"): working intervals in UTC from the core's BusinessClock, a few days at a time.
@Suite struct BusinessCalendarTableTests {
  /// Epoch milliseconds of an ISO 8601 timestamp with offset (read by Foundation, not the core).
  func at(_ text: String) throws -> Int64 {
    Int64(try #require(ISO8601DateFormatter().date(from: text)).timeIntervalSince1970) * 1_000
  }

  func day(_ text: String) throws -> Int { try #require(CivilDate.parse(text)) }

  /// The starter config with another calendar.
  func config(_ calendar: ScoringConfig.Calendar, per: String = "month") -> ScoringConfig {
    var config = ScoringEngineTests.starterConfig
    config.calendar = calendar
    config.sla.mqlVolume?.per = per
    return config
  }

  /// Chicago, every day 01:00–05:00: the clocks change at 02:00, inside working hours.
  var nightShift: ScoringConfig.Calendar {
    .init(
      timeZone: "America/Chicago", workingDays: [1, 2, 3, 4, 5, 6, 7], start: "01:00", end: "05:00",
      holidays: [])
  }

  func intervals(_ table: BusinessCalendarTable) -> [Int: BusinessCalendarTable.Interval] {
    Dictionary(uniqueKeysWithValues: table.intervals.map { ($0.day, $0) })
  }

  @Test func theDayDSTStartsIsAnHourShorterInUTCAndTheDayItEndsAnHourLonger() throws {
    let spring = try BusinessCalendarTable(
      config: config(nightShift), firstDay: try day("2027-03-13"), startsUntil: try at("2027-03-15T12:00:00Z")
    )
    let days = intervals(spring)
    let saturday = try #require(days[try day("2027-03-13")])
    let sunday = try #require(days[try day("2027-03-14")])
    #expect(saturday.open == (try at("2027-03-13T01:00:00-06:00")))
    #expect(saturday.close - saturday.open == 4 * 3_600_000)
    #expect(sunday.open == (try at("2027-03-14T01:00:00-06:00")), "opens in CST")
    #expect(sunday.close == (try at("2027-03-14T05:00:00-05:00")), "closes in CDT")
    #expect(sunday.close - sunday.open == 3 * 3_600_000)
    #expect(days[try day("2027-03-15")].map { $0.close - $0.open } == 4 * 3_600_000)

    let autumn = try BusinessCalendarTable(
      config: config(nightShift), firstDay: try day("2026-10-31"), startsUntil: try at("2026-11-02T12:00:00Z")
    )
    #expect(intervals(autumn)[try day("2026-11-01")].map { $0.close - $0.open } == 5 * 3_600_000)
  }

  @Test func holidaysAndDaysOffHaveNoInterval() throws {
    let weekdays = ScoringConfig.Calendar(
      timeZone: "America/Chicago", workingDays: [1, 2, 3, 4, 5], start: "08:00", end: "17:00",
      holidays: ["2026-11-26"])
    let table = try BusinessCalendarTable(
      config: config(weekdays), firstDay: try day("2026-11-24"),
      startsUntil: try at("2026-11-24T12:00:00-06:00"))
    let days = intervals(table)
    #expect(days[try day("2026-11-25")]?.open == (try at("2026-11-25T08:00:00-06:00")))
    #expect(days[try day("2026-11-26")] == nil, "Thanksgiving")
    #expect(days[try day("2026-11-27")]?.close == (try at("2026-11-27T17:00:00-06:00")))
    let saturday = try day("2026-11-28")
    let sunday = try day("2026-11-29")
    #expect(days[saturday] == nil && days[sunday] == nil, "the weekend")
    #expect(table.intervals.map(\.open) == table.intervals.map(\.open).sorted())
    #expect(table.coveredFrom == (try at("2026-11-24T00:00:00-06:00")), "the first day's local midnight")
  }

  @Test func theRangeReachesTheLatestDeadlineOfAClockStartedAtItsEnd() throws {
    // Starter SLA: 6 attempts within 10 business days; a clock at Friday 20 November 2026's
    // close runs to Monday 7 December (Thanksgiving off), so that day is in the table.
    let weekdays = ScoringConfig.Calendar(
      timeZone: "America/Chicago", workingDays: [1, 2, 3, 4, 5], start: "08:00", end: "17:00",
      holidays: ["2026-11-26"])
    var starter = config(weekdays)
    starter.connectAttempts.window = .init(amount: 10, unit: "business_days")
    let table = try BusinessCalendarTable(
      config: starter, firstDay: try day("2026-11-16"), startsUntil: try at("2026-11-20T17:00:00-06:00"))
    let clock = try BusinessClock(weekdays)
    let end = clock.due(starter.connectAttempts.window, from: try at("2026-11-20T17:00:00-06:00"))
    #expect(end == (try at("2026-12-07T17:00:00-06:00")))
    #expect(
      table.intervals.map(\.day).last == (try day("2026-12-08")),
      "the deadline's day, and one more for safety")
    #expect(table.intervals.count == 16, "16–20, 23–25, 27, 30 November, 1–4, 7 and 8 December")
  }

  @Test func weeklyPeriodsStartAtMondaysLocalMidnight() throws {
    let table = try BusinessCalendarTable(
      config: config(nightShift, per: "week"), firstDay: try day("2026-10-28"),
      startsUntil: try at("2026-11-03T12:00:00Z"))
    #expect(table.periods.map(\.key) == ["2026-W44", "2026-W45"])
    #expect(table.periods[1].starts == (try at("2026-11-02T00:00:00-06:00")), "after DST ended: CST")
    #expect(table.periods[0].ends == table.periods[1].starts)
    #expect(table.periods[1].ends == .max)
  }

  @Test func exportSQLWritesTheCalendarIntoTheScriptAndOnRequestAsCSV() throws {
    let work = try TemporaryDirectory()
    let config = work.path("config.json")
    let emitted = try ProcessRunner.run(
      CLITests.binary, ["emit-config", "--glossary", Repository.glossary.path, "--out", config])
    try #require(emitted.status == 0, "\(emitted.error)")
    let common = [
      "export-sql", "--config", config, "--leads", work.path("leads.csv"), "--events", "events.csv",
      "--activities", "activities.csv", "--as-of", "2026-11-20T17:00:00-06:00",
    ]
    // No local leads file: the range cannot be read from it, and the message says what to give.
    let unknownRange = try ProcessRunner.run(CLITests.binary, common)
    #expect(
      unknownRange.status == 2 && unknownRange.error.contains("--calendar-from"), "\(unknownRange.error)")

    let exported = try ProcessRunner.run(
      CLITests.binary,
      common + ["--calendar-from", "2026-11-16", "--calendar-out", work.path("calendar.csv")])
    #expect(exported.status == 0, "\(exported.error)")
    let csv = try String(contentsOfFile: work.path("calendar.csv"), encoding: .utf8)
    let rows = csv.split(separator: "\n")
    #expect(rows.first == "local_date,open_ms,close_ms")
    #expect(
      rows.dropFirst().first
        == "2026-11-16,\(try at("2026-11-16T08:00:00-06:00")),\(try at("2026-11-16T17:00:00-06:00"))")
    #expect(!csv.contains("2026-11-26,"), "Thanksgiving")
    #expect(
      exported.output.contains(
        "(\(try at("2026-11-27T08:00:00-06:00")), \(try at("2026-11-27T17:00:00-06:00")))"))
    #expect(exported.output.contains("CREATE OR REPLACE TEMP TABLE sla_summary AS"))

    let badDate = try ProcessRunner.run(CLITests.binary, common + ["--calendar-from", "2026-02-30"])
    #expect(
      badDate.status == 2 && badDate.error.contains("--calendar-from must be a real date"), "\(badDate.error)"
    )
    let withoutActivities = try ProcessRunner.run(
      CLITests.binary,
      [
        "export-sql", "--config", config, "--leads", "leads.csv", "--events", "events.csv", "--as-of",
        "2026-11-20T17:00:00-06:00", "--calendar-out", work.path("unused.csv"),
      ])
    #expect(withoutActivities.status == 2 && withoutActivities.error.contains("go with --activities"))
    #expect(!FileManager.default.fileExists(atPath: work.path("unused.csv")))
  }
}
