import Foundation

/// How the core reads the values of fields (docs/SCORING.md, Inputs): numbers strictly, and
/// the values the config declares (event types, lead types, channels, dispositions) without
/// regard to case or surrounding spaces, because real exports mix `Call`, `call` and `CALL `.
public enum FieldValue {
  static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

  /// The bytes without leading and trailing spaces and tabs.
  static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    var start = 0
    var end = bytes.count
    while start < end, isSpace(bytes[start]) { start += 1 }
    while end > start, isSpace(bytes[end - 1]) { end -= 1 }
    return UnsafeBufferPointer(rebasing: bytes[start..<end])
  }

  /// A declared value as the config is compared with it: trimmed, ASCII letters lowercased.
  public static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    String(decoding: trimmed(bytes).map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }, as: UTF8.self)
  }

  public static func key(_ text: String) -> String {
    var text = text
    return text.withUTF8 { key($0) }
  }

  /// A text attribute as fit rules compare it: lowercased, with Turkish's four i's (`I ı İ i`)
  /// taken as one, because a Turkish CRM export writes `KİMYA` for `kimya` and `ATIK` for `atık`,
  /// and plain lowercasing turns `İ` into `i` with a combining dot and `I` into `i`, not `ı`.
  public static func text(_ value: String) -> String {
    let lowered = value.lowercased()
    guard !lowered.utf8.allSatisfy({ $0 < 0x80 }) else { return lowered }
    return String(
      String.UnicodeScalarView(
        lowered.unicodeScalars.compactMap { scalar in
          scalar == "\u{0307}" ? nil : scalar == "ı" ? "i" : scalar
        }))
  }

  /// A decimal number: optional sign, digits with an optional fraction (`12`, `-3.5`, `.5`,
  /// `5.`), spaces around it allowed. Nil for anything else, including `1,000`, `1e3`, `nan`,
  /// `inf` and `100abc`: a number the core would have to guess at is reported, not read.
  public static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    let value = trimmed(bytes)
    var index = 0
    if index < value.count, value[index] == UInt8(ascii: "+") || value[index] == UInt8(ascii: "-") {
      index += 1
    }
    var digits = 0
    var point = false
    while index < value.count {
      let byte = value[index]
      if byte >= 48, byte <= 57 {
        digits += 1
      } else if byte == UInt8(ascii: "."), !point {
        point = true
      } else {
        return nil
      }
      index += 1
    }
    guard digits > 0 else { return nil }
    return Double(String(decoding: value, as: UTF8.self))
  }

  /// Whether `text` contains `part`, as Foundation's `contains` answers; byte by byte when both
  /// are printable ASCII, where each character is one byte and canonical equivalence cannot
  /// make a difference (Foundation's search was half the time of reading leads, for a
  /// `contains_any` fit rule).
  static func contains(_ text: String, _ part: String) -> Bool {
    func printable(_ text: String) -> Bool { text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }
    guard !part.isEmpty, printable(text), printable(part) else {
      return text.contains(part)
    }
    var text = text
    var part = part
    return text.withUTF8 { haystack in part.withUTF8 { haystack.contains(bytes: $0) } }
  }

  /// Whether the bytes are blank (empty or only spaces): a missing value, not a wrong one.
  public static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { trimmed(bytes).isEmpty }
}
