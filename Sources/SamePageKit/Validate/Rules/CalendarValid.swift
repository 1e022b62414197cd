import Foundation

/// The SLA's business calendar is usable: an IANA time zone (never an abbreviation such as CST
/// or an offset such as GMT+1), at least one working day,
/// working hours that end after they start, and no holiday listed twice.
///
/// Every business-hours deadline is computed on this calendar; an empty or inverted one makes
/// every deadline infinite.
///
/// Fails:
///
///     calendar:
///       time_zone: America/Chicgo
///       hours: {start: "17:00", end: "08:00"}
public struct CalendarValid: GlossaryRule {
  public static let id = "sla.calendar-valid"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    guard let calendar = glossary.sla.calendar else { return }
    if let zone = calendar.timeZone, !RealCodes.isTimeZone(zone.value) {
      if let region = RealCodes.zone(forAbbreviation: zone.value) {
        findings.report(
          at: zone.location,
          "'\(zone.value)' is an abbreviation, not an IANA time zone; did you mean '\(region)'?",
          fix: "use '\(region)': an abbreviation does not follow daylight saving time")
      } else if TimeZone(identifier: zone.value) != nil {
        findings.report(
          at: zone.location, "'\(zone.value)' is a fixed offset, not an IANA time zone",
          fix: "use the region's zone, such as Europe/Warsaw: an offset does not follow daylight saving time")
      } else {
        let suggestion = Suggestion.nearest(to: zone.value, in: RealCodes.timeZones)
        findings.report(
          at: zone.location,
          "'\(zone.value)' is not a known time zone" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
          fix: suggestion.map { "use '\($0)'" } ?? "use an IANA name such as America/Chicago or Europe/Berlin"
        )
      }
    }
    if calendar.workingDays.isEmpty {
      findings.report(
        at: calendar.location, "the business calendar has no working days",
        fix: "list 'working_days:', for example [monday, tuesday, wednesday, thursday, friday]")
    }
    var seenDays: Set<String> = []
    for day in calendar.workingDays where !seenDays.insert(day.value.rawValue).inserted {
      findings.report(
        at: day.location, "'\(day.value.rawValue)' is listed twice", fix: "list each working day once")
    }
    if let start = calendar.start, let end = calendar.end, end.value <= start.value {
      findings.report(
        at: end.location, "working hours end at \(end.value), not after they start at \(start.value)",
        fix: "set 'end' later than 'start'")
    }
    var seenHolidays: [CalendarDate: SourceLocation] = [:]
    for holiday in calendar.holidays {
      if let earlier = seenHolidays[holiday.date.value] {
        findings.report(
          at: holiday.date.location, "holiday \(holiday.date.value) is listed twice",
          notes: [Diagnostic.Note(location: earlier, message: "first listed here")], fix: "remove one")
      } else {
        seenHolidays[holiday.date.value] = holiday.date.location
      }
    }
  }
}
