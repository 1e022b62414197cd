/// The business calendar's holidays fall within the agreement's period: none before the
/// effective date, none more than a year after the next review.
///
/// A holiday already past when the agreement takes effect is a leftover from an earlier
/// version; one far beyond the next review will be decided again at that review. Either way the
/// list in the signed document is not the one the clock uses.
///
/// Fails (effective 2026-10-01):
///
///     holidays:
///       - {date: 2026-07-04, name: Independence Day}
public struct HolidaysInPeriod: GlossaryRule {
  public static let id = "sla.holidays-in-period"
  public static let severity = Severity.warning
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    guard let holidays = glossary.sla.calendar?.holidays else { return }
    let effective = glossary.manifest.effectiveDate
    let nextReview = glossary.sla.review?.nextReview
    for holiday in holidays {
      let date = holiday.date.value
      if let effective, date < effective.value {
        findings.report(
          at: holiday.date.location,
          "holiday \(date) is before the agreement takes effect on \(effective.value)",
          fix: "remove it, or list this year's date")
      } else if let next = nextReview?.value,
        (date.year, date.month, date.day) > (next.year + 1, next.month, next.day)
      {
        findings.report(
          at: holiday.date.location, "holiday \(date) is more than a year after the next review on \(next)",
          fix: "list holidays up to a year past the next review; add later ones at that review")
      }
    }
  }
}
