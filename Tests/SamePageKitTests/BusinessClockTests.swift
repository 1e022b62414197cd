import Foundation
import SamePageScoring
import Testing

/// Business time on Keystone's calendar: Monday to Friday, 08:00–17:00 America/Chicago, with
/// Thanksgiving (2026-11-26) and Christmas as holidays. DST ends 2026-11-01 and starts 2027-03-14.
@Suite struct BusinessClockTests {
  let clock: BusinessClock

  init() throws {
    clock = try BusinessClock(
      ScoringConfig.Calendar(
        timeZone: "America/Chicago", workingDays: [1, 2, 3, 4, 5], start: "08:00", end: "17:00",
        holidays: ["2026-11-26", "2026-12-25"]))
  }

  /// Epoch milliseconds of an ISO 8601 timestamp with offset (read by Foundation, not the core).
  func at(_ text: String) throws -> Int64 {
    let formatter = ISO8601DateFormatter()
    return Int64(try #require(formatter.date(from: text)).timeIntervalSince1970) * 1_000
  }

  func hours(_ value: Double) -> ScoringConfig.Duration { .init(amount: value, unit: "business_hours") }

  @Test func fourBusinessHoursFromFridayAfternoonEndOnMondayMorning() throws {
    #expect(
      clock.due(hours(4), from: try at("2026-10-16T16:00:00-05:00")) == (try at("2026-10-19T11:00:00-05:00")))
  }

  @Test func clockThatStartsOnASaturdayStartsAtMondaysOpening() throws {
    #expect(
      clock.due(hours(1), from: try at("2026-10-17T10:00:00-05:00")) == (try at("2026-10-19T09:00:00-05:00")))
    #expect(
      clock.due(.init(amount: 5, unit: "minutes"), from: try at("2026-10-17T10:00:00-05:00"))
        == (try at("2026-10-19T08:05:00-05:00")))
  }

  @Test func holidaysAreSkipped() throws {
    // Wednesday before Thanksgiving, 16:00 CST: one hour left that day, Thursday is a holiday.
    #expect(
      clock.due(hours(4), from: try at("2026-11-25T16:00:00-06:00")) == (try at("2026-11-27T11:00:00-06:00")))
  }

  @Test func daylightSavingChangeKeepsLocalOpeningHours() throws {
    // Friday 30 October is CDT (−05:00); Monday 2 November is CST (−06:00).
    let due = clock.due(hours(4), from: try at("2026-10-30T16:00:00-05:00"))
    #expect(due == (try at("2026-11-02T11:00:00-06:00")))
    #expect(clock.businessMilliseconds(from: try at("2026-10-30T16:00:00-05:00"), to: due) == 4 * 3_600_000)
    // And into summer time: Friday 12 March 2027 (CST) to Monday 15 March (CDT).
    #expect(
      clock.due(hours(2), from: try at("2027-03-12T16:30:00-06:00")) == (try at("2027-03-15T09:30:00-05:00")))
  }

  @Test func businessDaysCountWholeWorkingDays() throws {
    let start = try at("2026-10-05T10:00:00-05:00")  // a Monday
    let due = clock.due(.init(amount: 10, unit: "business_days"), from: start)
    #expect(due == (try at("2026-10-19T10:00:00-05:00")))
    #expect(clock.businessMilliseconds(from: start, to: due) == 10 * 9 * 3_600_000)
  }

  @Test func wallClockUnitsIgnoreTheCalendarOnceStarted() throws {
    #expect(
      clock.due(.init(amount: 2, unit: "days"), from: try at("2026-10-16T16:00:00-05:00"))
        == (try at("2026-10-18T16:00:00-05:00")))
  }

  @Test func calendarWithoutWorkingDaysOrWithAnUnknownZoneIsRefused() {
    #expect(throws: BusinessClock.Failure.noWorkingDays) {
      try BusinessClock(.init(timeZone: "UTC", workingDays: [], start: "08:00", end: "17:00", holidays: []))
    }
    #expect(throws: BusinessClock.Failure.unknownTimeZone("Mars/Olympus")) {
      try BusinessClock(
        .init(timeZone: "Mars/Olympus", workingDays: [1], start: "08:00", end: "17:00", holidays: []))
    }
  }

  @Test func civilDatesRoundTrip() {
    for day in stride(from: -1_000, to: 30_000, by: 37) {
      let date = CivilDate.civil(day)
      #expect(CivilDate.dayNumber(year: date.year, month: date.month, day: date.day) == day)
    }
    #expect(CivilDate.dayNumber(year: 1970, month: 1, day: 1) == 0)
    #expect(CivilDate.isoWeekday(CivilDate.dayNumber(year: 2026, month: 11, day: 23)) == 1)  // a Monday
  }
}
