/// ISO 8601 timestamps with an offset, parsed from bytes to epoch seconds: `2026-10-05T14:03:00Z`,
/// `2026-10-05T14:03:00.250-05:00`, `2026-10-05 14:03:00+0200`. Fractions are truncated. A
/// timestamp without an offset is refused: its instant would depend on where it is read. So is
/// one that names no real moment (`2026-02-31`, `+99:99`): arithmetic would roll it over into a
/// different, plausible-looking day instead of reporting the row.
public enum Timestamp {
  public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
    let count = bytes.count
    guard count >= 20 else { return nil }
    func digits(_ start: Int, _ length: Int) -> Int? {
      var value = 0
      for index in start..<(start + length) {
        let digit = Int(bytes[index]) - 48
        guard digit >= 0, digit <= 9 else { return nil }
        value = value * 10 + digit
      }
      return value
    }
    guard let year = digits(0, 4), bytes[4] == UInt8(ascii: "-"), let month = digits(5, 2),
      bytes[7] == UInt8(ascii: "-"), let day = digits(8, 2),
      bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
      let hour = digits(11, 2), bytes[13] == UInt8(ascii: ":"), let minute = digits(14, 2),
      bytes[16] == UInt8(ascii: ":"), let second = digits(17, 2),
      CivilDate.isValid(year: year, month: month, day: day), hour < 24, minute < 60, second <= 60
    else { return nil }
    var index = 19
    if index < count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      let digitsStart = index
      while index < count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
      guard index > digitsStart else { return nil }
    }
    guard index < count else { return nil }
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
    let days = CivilDate.dayNumber(year: year, month: month, day: day)
    return Int64(days) * 86_400 + Int64(hour * 3_600 + minute * 60 + second) - Int64(offset)
  }

  public static func parse(_ text: String) -> Int64? {
    var text = text
    return text.withUTF8 { parse($0) }
  }

  /// `2026-10-05T19:03:00Z`.
  public static func format(_ instant: Int64) -> String {
    let day = Int(CivilDate.floorDiv(instant, 86_400))
    let seconds = Int(instant - Int64(day) * 86_400)
    let date = CivilDate.civil(day)
    func pad(_ value: Int, _ width: Int) -> String {
      let text = String(value)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
    return
      "\(pad(date.year, 4))-\(pad(date.month, 2))-\(pad(date.day, 2))T\(pad(seconds / 3_600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2))Z"
  }
}
