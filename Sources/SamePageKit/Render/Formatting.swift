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
  static func firstSentence(_ markdown: String) -> String {
    let plain = markdown.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "\n", with: " ")
    guard let end = plain.range(of: ". ") else { return plain.trimmingCharacters(in: .whitespaces) }
    return String(plain[..<end.lowerBound]) + "."
  }
}
