import Foundation

/// One language's translation of a glossary: `translations/<locale>.yaml`, kept by translators
/// with `samepage translations`. Each entry holds the translated text and the fingerprint of
/// the source text it was made from, so a change to the source shows the translation as stale,
/// as gettext marks a message "fuzzy".
public struct Translation: Sendable {
  public struct Entry: Sendable {
    public var key: String
    public var text: Located<String>
    /// The fingerprint of the source text when it was translated.
    public var source: Located<String>?
    /// That source text, for the translator to compare with the text as it reads now.
    public var from: Located<String>?
    public var location: SourceLocation

    /// An entry with no text yet is a translation still to do.
    public var isTranslated: Bool { !text.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
  }

  public static let directory = "translations"

  public let locale: String
  public let file: String
  /// In file order; `entry(_:)` finds one by key without walking them (a glossary of ten
  /// thousand entries has tens of thousands of texts, each looked up once per check).
  public let entries: [Entry]
  private let positions: [String: Int]

  init(locale: String, file: String, entries: [Entry]) {
    self.locale = locale
    self.file = file
    self.entries = entries
    // The first entry of a key counts, as YAML readers take the first of duplicate keys.
    positions = Dictionary(entries.enumerated().map { ($1.key, $0) }) { first, _ in first }
  }

  public func entry(_ key: String) -> Entry? { positions[key].map { entries[$0] } }

  /// The first 12 hex digits of the SHA-256 of a source text: enough to tell an edit, short
  /// enough to read in a review.
  public static func fingerprint(_ text: String) -> String {
    String(ContentHash.sha256(Data(text.utf8)).prefix(12))
  }

  static func read(_ file: GlossaryFile, locale: String, in context: ReadContext) -> Translation {
    Translation(locale: locale, file: file.path, entries: readEntries(file, in: context))
  }

  private static func readEntries(_ file: GlossaryFile, in context: ReadContext) -> [Entry] {
    guard let reader = MappingReader(file.root, what: file.path, in: context) else { return [] }
    defer { reader.finish() }
    _ = reader.value("$schema")
    guard let node = reader.value("translations") else {
      reader.missing("translations", expected: "a mapping of text keys to {text, source}")
      return []
    }
    guard case .mapping(let items) = node.content else {
      if !node.isNull {
        context.wrongType(node, expected: "a mapping of text keys to {text, source}", field: "translations")
      }
      return []
    }
    return items.compactMap { item in
      readMapping(item.value, what: item.key, in: context) { entry -> Entry? in
        let text: Located<String>? = entry.required("text")
        let source: Located<String>? = entry.optional("source")
        let from: Located<String>? = entry.optional("from")
        return text.map {
          Entry(key: item.key, text: $0, source: source, from: from, location: item.keyLocation)
        }
      }
    }
  }
}

extension Glossary {
  /// The glossary in `translation`'s language: every translated text in place of its source
  /// (an untranslated one stays as written, and `check` reports it), and the locale set, so
  /// the documents take the words and formats of that language.
  public func translated(_ translation: Translation) -> Glossary {
    var copy = self
    copy.visitTexts { key, text in
      guard let entry = translation.entry(key), entry.isTranslated else { return }
      text = Located(entry.text.value, at: text.location)
    }
    copy.manifest.locale = Located(translation.locale, at: manifest.locale?.location ?? manifest.location)
    return copy
  }
}
