import Foundation

/// The scoring config's business calendar as tables of UTC instants, for SQL that must count
/// business time exactly as the core does (docs/SCORING.md, "The SLA in SQL"). The working
/// intervals come from the core's own `BusinessClock`, so holidays and daylight saving are
/// decided in one place; the SQL only adds and compares milliseconds.
public struct BusinessCalendarTable: Sendable {
  /// One working day's opening hours, in epoch milliseconds.
  public struct Interval: Equatable, Sendable {
    /// The local day number (days since 1970-01-01 in the calendar's time zone).
    public var day: Int
    public var open: Int64
    public var close: Int64
  }

  /// A period of the MQL volume commitment: from its first local midnight to the next one.
  public struct Period: Equatable, Sendable {
    public var starts: Int64
    public var ends: Int64
    public var key: String
  }

  public enum Failure: Error, CustomStringConvertible {
    case clock(BusinessClock.Failure)
    case noLeads(String)

    public var description: String {
      switch self {
      case .clock(let failure): failure.description
      case .noLeads(let file):
        "\(file) has no lead with a readable created_at, so the calendar table has no range; give --calendar-from"
      }
    }
  }

  /// Working intervals in time order, the local days from `firstDay` to `lastDay`.
  public let intervals: [Interval]
  public let periods: [Period]
  public let firstDay: Int
  public let lastDay: Int
  /// The first instant the tables answer for: the local midnight that starts `firstDay`.
  public let coveredFrom: Int64
  /// The latest instant a clock may start at and still find each of its deadlines in the table.
  public let startsUntil: Int64

  /// The tables for clocks that start from `firstDay`'s midnight up to `startsUntil`: the range
  /// ends on the day of the latest deadline such a clock can have (or, when that is `never`,
  /// 36 600 days on, where the core stops looking).
  public init(config: ScoringConfig, firstDay: Int, startsUntil: Int64) throws(Failure) {
    let clock: BusinessClock
    do { clock = try BusinessClock(config.calendar) } catch { throw .clock(error) }
    let zone = TimeZone(identifier: config.calendar.timeZone)!  // BusinessClock checked it
    var calendar = Foundation.Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    func midnight(_ day: Int) -> Int64 {
      let date = CivilDate.civil(day)
      let noon = calendar.date(
        from: DateComponents(year: date.year, month: date.month, day: date.day, hour: 12))!
      return Int64(calendar.startOfDay(for: noon).timeIntervalSince1970) * 1_000
    }
    let startDay = clock.localDay(startsUntil)
    var last = startDay + 1
    for duration in Self.deadlines(config) {
      let due = clock.due(duration, from: startsUntil)
      last = max(last, due == .max ? startDay + 36_600 : clock.localDay(due) + 1)
    }
    self.firstDay = firstDay
    lastDay = last
    self.startsUntil = startsUntil
    coveredFrom = midnight(firstDay)
    var intervals: [Interval] = []
    for day in firstDay...max(firstDay, last) {
      guard let window = clock.window(day: day), window.close > window.open else { continue }
      intervals.append(Interval(day: day, open: window.open, close: window.close))
    }
    self.intervals = intervals
    // Periods from the one holding the first day to the one holding the latest clock start.
    let per = config.sla.mqlVolume?.per ?? "month"
    var periods: [Period] = []
    for day in firstDay...max(firstDay, startDay) {
      let key = ScoringRun.periodKey(localDay: day, per: per)
      if periods.last?.key == key { continue }
      let starts = midnight(day)
      if !periods.isEmpty { periods[periods.count - 1].ends = starts }
      periods.append(Period(starts: starts, ends: .max, key: key))
    }
    self.periods = periods
  }

  /// The durations whose deadlines the SQL computes: first touch by priority, accept, and the
  /// connect window.
  static func deadlines(_ config: ScoringConfig) -> [ScoringConfig.Duration] {
    config.sla.firstTouch.map(\.within)
      + [config.sla.acceptReject, config.connectAttempts.window].compactMap { $0 }
  }

  /// The local day of an instant on the config's calendar.
  public static func localDay(_ instant: Int64, calendar: ScoringConfig.Calendar) throws(Failure) -> Int {
    do { return try BusinessClock(calendar).localDay(instant) } catch { throw .clock(error) }
  }

  /// The earliest and latest readable `created_at` of a leads file (CSV or JSON Lines), read
  /// with the core's reader and timestamp parser; nil when it has none.
  public static func creationRange(ofLeads url: URL) throws -> (earliest: Int64, latest: Int64)? {
    let reader = TableReader(url: url, columns: ["created_at"], required: ["created_at"])
    var range: (Int64, Int64)?
    try reader.forEachRow { row in
      guard row.problem == nil, let created = Timestamp.parse(row[0]) else { return }
      range = range.map { (min($0.0, created), max($0.1, created)) } ?? (created, created)
    }
    return range
  }

  /// The intervals as CSV, for reading or for other tools: `local_date,open_ms,close_ms`.
  public var csv: String {
    var text = "local_date,open_ms,close_ms\n"
    for interval in intervals { text += "\(Self.date(interval.day)),\(interval.open),\(interval.close)\n" }
    return text
  }

  /// `YYYY-MM-DD` of a day number.
  public static func date(_ day: Int) -> String {
    let date = CivilDate.civil(day)
    return String(format: "%04d-%02d-%02d", date.year, date.month, date.day)
  }
}
