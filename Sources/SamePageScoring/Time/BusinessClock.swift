import Foundation

/// Business time on the SLA's calendar: working days and opening hours in the calendar's time
/// zone (daylight saving from the IANA zone), minus holidays. Instants are epoch milliseconds.
///
/// Each local day's opening window is computed once with Foundation's calendar (which knows
/// the DST rules) and cached; everything else is integer arithmetic.
public final class BusinessClock {
  public enum Failure: Error, CustomStringConvertible, Equatable {
    case unknownTimeZone(String)
    case badHours(String)
    case noWorkingDays

    public var description: String {
      switch self {
      case .unknownTimeZone(let zone): "unknown time zone '\(zone)' in the scoring config's calendar"
      case .badHours(let hours): "unusable working hours \(hours) in the scoring config's calendar"
      case .noWorkingDays: "the scoring config's calendar has no working days"
      }
    }
  }

  private let timeZone: TimeZone
  private let calendar: Foundation.Calendar
  private let workingDays: Set<Int>
  private let holidays: Set<Int>
  private let openMinute: Int
  private let closeMinute: Int
  private var windows: [Int: (open: Int64, close: Int64)?] = [:]

  /// Milliseconds of business time in one working day, as the calendar states it (a day with a
  /// DST change inside its hours is an hour shorter or longer in fact).
  public var workingDayMilliseconds: Int64 { Int64(closeMinute - openMinute) * 60_000 }

  public init(_ config: ScoringConfig.Calendar) throws(Failure) {
    guard let zone = TimeZone(identifier: config.timeZone) else { throw .unknownTimeZone(config.timeZone) }
    func minutes(_ text: String) -> Int? {
      let parts = text.split(separator: ":")
      guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]) else { return nil }
      return hour * 60 + minute
    }
    guard let open = minutes(config.start), let close = minutes(config.end), open < close, close <= 24 * 60
    else {
      throw .badHours("\(config.start)–\(config.end)")
    }
    guard !config.workingDays.isEmpty else { throw .noWorkingDays }
    timeZone = zone
    var calendar = Foundation.Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    self.calendar = calendar
    workingDays = Set(config.workingDays)
    holidays = Set(config.holidays.compactMap(CivilDate.parse))
    openMinute = open
    closeMinute = close
  }

  /// The local day number of an instant.
  public func localDay(_ instant: Int64) -> Int {
    let seconds = CivilDate.floorDiv(instant, 1_000)
    let offset = Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))))
    return Int(CivilDate.floorDiv(seconds + offset, 86_400))
  }

  /// The opening window of a local day, or nil when it is not a working day.
  public func window(day: Int) -> (open: Int64, close: Int64)? {
    if let cached = windows[day] { return cached }
    var window: (open: Int64, close: Int64)?
    if workingDays.contains(CivilDate.isoWeekday(day)), !holidays.contains(day) {
      let date = CivilDate.civil(day)
      func instant(_ minute: Int) -> Int64 {
        let components = DateComponents(
          year: date.year, month: date.month, day: date.day, hour: minute / 60, minute: minute % 60)
        return Int64(calendar.date(from: components)!.timeIntervalSince1970) * 1_000
      }
      window = (instant(openMinute), instant(closeMinute))
    }
    windows[day] = window
    return window
  }

  /// The first business moment at or after `instant`. Business is never closed for more than
  /// ten years, or the result is `Int64.max` ("never").
  public func nextOpening(atOrAfter instant: Int64) -> Int64 {
    var day = localDay(instant)
    for _ in 0..<3_660 {
      if let window = window(day: day) {
        if instant < window.open { return window.open }
        if instant < window.close { return instant }
      }
      day += 1
    }
    return .max
  }

  /// `instant` plus `milliseconds` of business time, starting at the next opening. A deadline
  /// that uses up a day's last moment is that day's closing, not the next opening.
  public func adding(businessMilliseconds milliseconds: Int64, to instant: Int64) -> Int64 {
    var now = nextOpening(atOrAfter: instant)
    var remaining = milliseconds
    var day = localDay(now)
    for _ in 0..<36_600 {
      guard now != .max else { return .max }
      if let window = window(day: day), now < window.close {
        let start = max(now, window.open)
        let available = window.close - start
        if remaining <= available { return start + remaining }
        remaining -= available
      }
      day += 1
      now = window(day: day)?.open ?? now
    }
    return .max
  }

  /// Business milliseconds between two instants (0 when `end` is not after `start`).
  public func businessMilliseconds(from start: Int64, to end: Int64) -> Int64 {
    guard end > start else { return 0 }
    var total: Int64 = 0
    let last = localDay(end)
    var day = localDay(start)
    while day <= last {
      if let window = window(day: day) {
        let overlap = min(window.close, end) - max(window.open, start)
        if overlap > 0 { total += overlap }
      }
      day += 1
    }
    return total
  }

  /// When a clock of `duration` started at `start` runs out. Every clock starts at the next
  /// opening; business units then count business time, other units wall-clock time.
  public func due(_ duration: ScoringConfig.Duration, from start: Int64) -> Int64 {
    let opening = nextOpening(atOrAfter: start)
    guard opening != .max else { return .max }
    switch duration.unit {
    case "business_hours":
      return adding(businessMilliseconds: Int64((duration.amount * 3_600_000).rounded()), to: opening)
    case "business_days":
      return adding(
        businessMilliseconds: Int64((duration.amount * Double(workingDayMilliseconds)).rounded()), to: opening
      )
    case "hours": return opening + Int64((duration.amount * 3_600_000).rounded())
    case "days": return opening + Int64((duration.amount * 86_400_000).rounded())
    default: return opening + Int64((duration.amount * 60_000).rounded())  // minutes
    }
  }
}
