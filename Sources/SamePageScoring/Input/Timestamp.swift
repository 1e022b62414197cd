import Foundation

/// ISO 8601 timestamps parsed from bytes to epoch **milliseconds**: `2026-10-05T14:03:00Z`,
/// `2026-10-05T14:03:00.250-05:00`, `2026-10-05 14:03+0545`, `2026-10-05t14:03:00z`. Digits of a
/// fraction past the millisecond are dropped (toward the past), so an activity 0.9 s after its
/// deadline is late and an event 0.8 s before the previous one is out of order. A timestamp
/// without an offset is refused unless a time zone is given to read it in (`--time-zone`): its
/// instant would depend on where it is read. So is one that names no real moment (`2026-02-31`,
/// `+99:99`, a leap second `:60`, a local time skipped by a DST change): arithmetic would roll
/// it over into a different, plausible-looking moment instead of reporting the row.
public enum Timestamp {
  public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, zone: LocalTimeZone? = nil) -> Int64? {
    let count = bytes.count
    guard count >= 16 else { return nil }
    func digits(_ start: Int, _ length: Int) -> Int? {
      guard start + length <= count else { return nil }
      var value = 0
      for index in start..<(start + length) {
        let digit = Int(bytes[index]) - 48
        guard digit >= 0, digit <= 9 else { return nil }
        value = value * 10 + digit
      }
      return value
    }
    let separator = bytes[10]
    guard let year = digits(0, 4), bytes[4] == UInt8(ascii: "-"), let month = digits(5, 2),
      bytes[7] == UInt8(ascii: "-"), let day = digits(8, 2),
      separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == UInt8(ascii: " "),
      let hour = digits(11, 2), bytes[13] == UInt8(ascii: ":"), let minute = digits(14, 2),
      CivilDate.isValid(year: year, month: month, day: day), hour < 24, minute < 60
    else { return nil }
    var index = 16
    var second = 0
    var millisecond = 0
    // Seconds are optional (`14:03Z`, as spreadsheets and CRM exports write them).
    if index < count, bytes[index] == UInt8(ascii: ":") {
      guard let value = digits(index + 1, 2), value < 60 else { return nil }
      second = value
      index += 3
      if index < count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",") {
        index += 1
        let digitsStart = index
        var scale = 100
        while index < count, bytes[index] >= 48, bytes[index] <= 57 {
          millisecond += Int(bytes[index] - 48) * scale
          scale /= 10
          index += 1
        }
        guard index > digitsStart else { return nil }
      }
    }
    let local =
      Int64(CivilDate.dayNumber(year: year, month: month, day: day)) * 86_400_000
      + Int64(hour * 3_600 + minute * 60 + second) * 1_000 + Int64(millisecond)
    guard index < count else {
      // No offset: only with a zone to read it in.
      return zone?.instant(ofLocal: local)
    }
    var offset = 0
    switch bytes[index] {
    case UInt8(ascii: "Z"), UInt8(ascii: "z"):
      guard index + 1 == count else { return nil }
    case UInt8(ascii: "+"), UInt8(ascii: "-"):
      let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
      let rest = count - index - 1
      guard let hours = (rest >= 2 ? digits(index + 1, 2) : nil) else { return nil }
      var minutes = 0
      if rest == 5, bytes[index + 3] == UInt8(ascii: ":"), let value = digits(index + 4, 2) {
        minutes = value
      } else if rest == 4, let value = digits(index + 3, 2) {
        minutes = value
      } else if rest != 2 {
        return nil
      }
      // RFC 3339's time-numoffset: hours 00–23, minutes 00–59.
      guard hours < 24, minutes < 60 else { return nil }
      offset = sign * (hours * 3_600 + minutes * 60)
    default:
      return nil
    }
    return local - Int64(offset) * 1_000
  }

  public static func parse(_ text: String, zone: LocalTimeZone? = nil) -> Int64? {
    var text = text
    return text.withUTF8 { parse($0, zone: zone) }
  }

  /// `2026-10-05T19:03:00Z`, or `2026-10-05T19:03:00.250Z` when the instant has milliseconds.
  public static func format(_ instant: Int64) -> String {
    let day = Int(CivilDate.floorDiv(instant, 86_400_000))
    let milliseconds = Int(instant - Int64(day) * 86_400_000)
    let seconds = milliseconds / 1_000
    let date = CivilDate.civil(day)
    // Written as bytes: this runs several times per lead for leads.csv.
    guard (0...9_999).contains(date.year) else {
      func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
      }
      let fraction = milliseconds % 1_000 == 0 ? "" : "." + pad(milliseconds % 1_000, 3)
      return
        "\(pad(date.year, 4))-\(pad(date.month, 2))-\(pad(date.day, 2))T\(pad(seconds / 3_600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2))\(fraction)Z"
    }
    let hasFraction = milliseconds % 1_000 != 0
    return String(unsafeUninitializedCapacity: 24) { buffer in
      var index = 0
      func put(_ value: Int, _ width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        while divisor > 0 {
          buffer[index] = UInt8(48 + value / divisor % 10)
          index += 1
          divisor /= 10
        }
      }
      func put(_ byte: UInt8) {
        buffer[index] = byte
        index += 1
      }
      put(date.year, 4)
      put(UInt8(ascii: "-"))
      put(date.month, 2)
      put(UInt8(ascii: "-"))
      put(date.day, 2)
      put(UInt8(ascii: "T"))
      put(seconds / 3_600, 2)
      put(UInt8(ascii: ":"))
      put(seconds / 60 % 60, 2)
      put(UInt8(ascii: ":"))
      put(seconds % 60, 2)
      if hasFraction {
        put(UInt8(ascii: "."))
        put(milliseconds % 1_000, 3)
      }
      put(UInt8(ascii: "Z"))
      return index
    }
  }
}

/// A time zone to read timestamps without an offset in (`score --time-zone`; HubSpot exports
/// local time). A local time that occurs twice (the hour repeated when DST ends) is the earlier
/// instant; one that never occurs (the hour skipped when DST starts) is refused.
public final class LocalTimeZone: Sendable {
  public let identifier: String
  private let zone: TimeZone

  public init?(identifier: String) {
    // `TimeZone(identifier:)` also takes abbreviations ("CST") whose meaning is a guess.
    guard TimeZone.knownTimeZoneIdentifiers.contains(identifier) || identifier == "UTC",
      let zone = TimeZone(identifier: identifier)
    else { return nil }
    self.identifier = identifier
    self.zone = zone
  }

  func offsetMilliseconds(at instant: Int64) -> Int64 {
    Int64(
      zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(CivilDate.floorDiv(instant, 1_000)))))
      * 1_000
  }

  /// The instant of a local wall-clock time given as milliseconds since 1970-01-01T00:00 local.
  public func instant(ofLocal local: Int64) -> Int64? {
    // The offsets in force a day either side cover any one change of offset in between.
    let candidates = Set([
      offsetMilliseconds(at: local - 86_400_000), offsetMilliseconds(at: local + 86_400_000),
    ])
    return candidates.map { local - $0 }.filter { offsetMilliseconds(at: $0) == local - $0 }.min()
  }
}
