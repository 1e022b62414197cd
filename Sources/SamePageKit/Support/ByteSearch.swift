import SamePageScoring

extension StringProtocol {
  /// Whether the text contains `fragment`, comparing UTF-8 bytes with the scoring core's
  /// `contains(bytes:)` (memchr, then memcmp). Foundation's `contains` compares through UTF-16
  /// and was a visible share of rendering a large glossary; the fragments searched for are
  /// ASCII markup, for which bytes and characters agree.
  func containsBytes(_ fragment: String) -> Bool {
    var text = String(self)  // the same storage when this is a String already
    var fragment = fragment
    return text.withUTF8 { text in fragment.withUTF8 { text.contains(bytes: $0) } }
  }
}
