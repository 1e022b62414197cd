/// User bytes made safe to quote in a one-line message: a header with a million columns or a
/// field of NULs must not turn an error into megabytes of raw bytes on a terminal.
public enum UserText {
  /// At most `limit` characters of `bytes`, then `…`. Printable text (valid UTF-8, non-ASCII
  /// included) stays as it is; control characters, DEL and bytes that are not valid UTF-8
  /// become `\xNN`, so `X\xFF` and `X\xFE` stay distinguishable.
  public static func quote<Bytes: Collection<UInt8>>(_ bytes: Bytes, limit: Int = 80) -> String {
    // No character takes more than 4 bytes, so this prefix is all that can be shown.
    let bytes = Array(bytes.prefix(limit * 4 + 4))
    var out = ""
    var written = 0
    var index = 0
    while index < bytes.count {
      let length = sequenceLength(bytes, at: index)
      let piece: String
      let width: Int
      if length > 0, let scalar = String(validating: bytes[index..<index + length], as: UTF8.self),
        let value = scalar.unicodeScalars.first?.value, value >= 0x20, value != 0x7F,
        !(0x80..<0xA0).contains(value)
      {
        piece = scalar
        width = 1
      } else {
        // Invalid or not printable: escape each byte of it.
        let count = max(length, 1)
        piece = bytes[index..<index + count].map(hex).joined()
        width = 4 * count
      }
      guard written + width <= limit else { return out + "…" }
      out += piece
      written += width
      index += max(length, 1)
    }
    return out
  }

  /// The length of the well-formed UTF-8 sequence at `index`, or 0 when there is none.
  private static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
    let lead = bytes[index]
    let length: Int
    var second: ClosedRange<UInt8> = 0x80...0xBF
    switch lead {
    case 0x00...0x7F: return 1
    case 0xC2...0xDF: length = 2
    case 0xE0: (length, second) = (3, 0xA0...0xBF)
    case 0xED: (length, second) = (3, 0x80...0x9F)  // no surrogates
    case 0xE1...0xEF: length = 3
    case 0xF0: (length, second) = (4, 0x90...0xBF)
    case 0xF1...0xF3: length = 4
    case 0xF4: (length, second) = (4, 0x80...0x8F)
    default: return 0
    }
    guard index + length <= bytes.count, second.contains(bytes[index + 1]) else { return 0 }
    for offset in 2..<length where !(0x80...0xBF).contains(bytes[index + offset]) { return 0 }
    return length
  }

  private static func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return "\\x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
  }

  /// Whether `bytes` are valid UTF-8; ASCII, nearly every id, takes a quick loop.
  public static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    if bytes.allSatisfy({ $0 < 0x80 }) { return true }
    return String(validating: bytes, as: UTF8.self) != nil
  }
}
