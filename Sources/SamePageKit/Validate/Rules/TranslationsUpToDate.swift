/// Every language the manifest lists has a translation file, every text of the glossary a
/// translation there, and every translation was made from the source text as it reads now.
///
/// An untranslated text is published in the source language inside the translated documents;
/// a translation made from an earlier source still says the old thing — gettext calls it
/// "fuzzy". `samepage translations update --locale LOCALE` adds every missing text to the file
/// (empty, for the translator to fill); after checking a stale one against the new source, the
/// translator records it with `samepage translations confirm --locale LOCALE KEY`. A
/// translation of a text the glossary no longer has, or a file for a language the manifest does
/// not list, is reported too: both are work that nobody will see.
///
/// Reported (the MQL definition was edited after it was translated):
///
///     translations:
///       lifecycle-stages/stage/mql/definition: {text: "…", source: 000000000000}
public struct TranslationsUpToDate: GlossaryRule {
  public static let id = "translation.up-to-date"
  public static let severity = Severity.warning
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    guard !glossary.manifest.translations.isEmpty || !glossary.translations.isEmpty else { return }
    let texts = glossary.texts
    for locale in glossary.manifest.translations {
      guard let translation = glossary.translations.first(where: { $0.locale == locale.value }) else {
        findings.report(
          at: locale.location, "there is no translation file for \(locale.value)",
          fix:
            "run 'samepage translations update --locale \(locale.value)' to write \(Translation.directory)/\(locale.value).yaml with every text to translate"
        )
        continue
      }
      let missing = texts.filter { !(translation.entry($0.key)?.isTranslated ?? false) }
      // One finding per text, up to a screenful; the rest are counted in the last one.
      let shown = 20
      for text in missing.prefix(shown) {
        let entry = translation.entry(text.key)
        findings.report(
          at: text.text.location, "'\(text.key)' has no \(locale.value) translation",
          notes: [
            Diagnostic.Note(
              location: entry?.location ?? .startOf(translation.file),
              message: entry == nil ? "not in \(translation.file)" : "empty in \(translation.file)")
          ],
          fix:
            "translate it in \(translation.file) (samepage translations update --locale \(locale.value) adds the missing keys)"
        )
      }
      if missing.count > shown {
        findings.report(
          at: .startOf(translation.file),
          "\(missing.count - shown) more texts have no \(locale.value) translation",
          fix: "run 'samepage translations update --locale \(locale.value)' and fill the empty texts")
      }
    }
    for translation in glossary.translations
    where !glossary.manifest.translations.contains(where: { $0.value == translation.locale }) {
      findings.report(
        at: .startOf(translation.file),
        "\(translation.file) translates into \(translation.locale), which the manifest does not list",
        fix: "add \(translation.locale) to 'translations:' in samepage.yaml, or remove the file")
    }
    let sources = Dictionary(texts.map { ($0.key, $0.text) }) { first, _ in first }
    for translation in glossary.translations {
      for entry in translation.entries where entry.isTranslated {
        guard let source = sources[entry.key] else {
          findings.report(
            at: entry.location, "'\(entry.key)' translates a text the glossary no longer has",
            fix: "remove it, or move its text to the key the text has now")
          continue
        }
        let fingerprint = Translation.fingerprint(source.value)
        guard entry.source?.value != fingerprint else { continue }
        findings.report(
          at: entry.source?.location ?? entry.location,
          "the \(translation.locale) translation of '\(entry.key)' was made from an earlier text",
          notes: [
            Diagnostic.Note(location: source.location, message: "the source text now reads: \(source.value)")
          ],
          fix:
            "check the translation against the new text, then run 'samepage translations confirm --locale \(translation.locale) \(entry.key)'"
        )
      }
    }
  }
}
