import Foundation

/// Text helpers that do not depend on the language; everything a reader sees in words or
/// numbers goes through `Localizer`.
enum Format {
  /// The first letter in upper case, by the locale's rules (Turkish `i` → `İ`).
  static func title(_ text: String, locale: Locale? = nil) -> String {
    text.prefix(1).uppercased(with: locale) + text.dropFirst()
  }

  /// Criteria as one sentence: "A; or B." (`or` is the locale's " or ").
  static func sentences(_ items: [String], or: String) -> String {
    let joined = items.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }.joined(separator: ";" + or)
    return joined.isEmpty ? "" : joined + "."
  }

  /// The first sentence of Markdown prose, without emphasis markers, for one-line summaries.
  /// Works on UTF-8 bytes (no byte of a multi-byte character is ASCII): it runs for every term
  /// on every page, and Foundation's replacing was a twentieth of rendering.
  static func firstSentence(_ markdown: String) -> String {
    let star = UInt8(ascii: "*")
    let newline = UInt8(ascii: "\n")
    let space = UInt8(ascii: " ")
    let bytes = Array(markdown.utf8)
    var plain: [UInt8] = []
    plain.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      if bytes[index] == star, index + 1 < bytes.count, bytes[index + 1] == star {
        index += 2
        continue
      }
      plain.append(bytes[index] == newline ? space : bytes[index])
      index += 1
    }
    for end in plain.indices.dropLast() where plain[end] == UInt8(ascii: ".") && plain[end + 1] == space {
      return String(decoding: plain[..<end], as: UTF8.self) + "."
    }
    return String(decoding: plain, as: UTF8.self).trimmingCharacters(in: .whitespaces)
  }
}
