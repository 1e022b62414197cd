/// Writes `translations/<locale>.yaml` for `samepage translations`: every text of the glossary
/// in glossary order, each with its translation (empty until a translator writes one), the
/// fingerprint of the source it was made from, and that source text.
public enum TranslationFile {
  public struct Update: Sendable {
    public var text: String
    public var added: Int
    public var confirmed: [String]
    /// Entries whose key the glossary no longer has: kept, so no translator's work is lost.
    public var kept: Int
  }

  /// The file for `locale` after adding every missing text, and, for the keys in `confirm`
  /// (every stale one when `confirmAll`), recording the current source as translated.
  public static func update(
    _ glossary: Glossary, locale: String, confirm: Set<String> = [], confirmAll: Bool = false
  ) -> Update {
    let existing = glossary.translations.first { $0.locale == locale }
    var lines = [
      "# The glossary in \(locale), translated from \(glossary.manifest.locale?.value ?? "en-US").",
      "# Fill each empty 'text'. 'from' is the source text the translation was made from; when the",
      "# source changes, check reports the translation as stale until you check it and run",
      "# 'samepage translations confirm --locale \(locale) KEY'. This file is rewritten by those",
      "# commands: comments in it are not kept.",
      "translations:",
    ]
    var added = 0
    var confirmed: [String] = []
    let known = Set(glossary.texts.map(\.key))
    for (key, source) in glossary.texts {
      let fingerprint = Translation.fingerprint(source.value)
      var text = ""
      var recorded = (fingerprint: fingerprint, from: source.value)
      if let entry = existing?.entry(key) {
        text = entry.text.value
        let isStale = entry.isTranslated && entry.source?.value != fingerprint
        if isStale && (confirmAll || confirm.contains(key)) {
          confirmed.append(key)
        } else if entry.isTranslated {
          recorded = (entry.source?.value ?? "", entry.from?.value ?? "")
        }
      } else {
        added += 1
      }
      lines.append("  \(key):")
      lines.append("    text: \(SignatureFile.quoted(text))")
      lines.append("    source: \(SignatureFile.quoted(recorded.fingerprint))")
      lines.append("    from: \(SignatureFile.quoted(recorded.from))")
    }
    let orphans = existing?.entries.filter { !known.contains($0.key) } ?? []
    for entry in orphans {
      lines.append("  \(entry.key):")
      lines.append("    text: \(SignatureFile.quoted(entry.text.value))")
      if let source = entry.source { lines.append("    source: \(SignatureFile.quoted(source.value))") }
      if let from = entry.from { lines.append("    from: \(SignatureFile.quoted(from.value))") }
    }
    return Update(
      text: lines.joined(separator: "\n") + "\n", added: added, confirmed: confirmed, kept: orphans.count)
  }
}
