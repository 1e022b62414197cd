import Foundation

/// The bundled starter glossary (a B2B industrial distributor), embedded in the binary.
public enum StarterGlossary {
  public typealias Failure = EmbeddedFiles.Failure

  /// The text of one of the starter's term files (or its manifest).
  public static func contents(of kind: GlossaryFileKind) -> String? {
    files.first { $0.path == kind.fileName }?.contents
  }

  /// Writes the starter glossary into `directory`, creating it if needed; see `EmbeddedFiles`.
  public static func write(to directory: URL, mode: EmbeddedFiles.Mode) throws -> EmbeddedFiles.Report {
    try EmbeddedFiles.write(files, to: directory, mode: mode, what: "the starter glossary")
  }

  /// The locale of the English starter (`Glossary/` in the repository).
  public static let defaultLocale = "en-US"

  /// Every locale a starter is written in: English, then those under `Starters/`.
  public static var locales: [String] {
    [defaultLocale] + Set(LocalizedStarters.files.map { String($0.path.prefix { $0 != "/" }) }).sorted()
  }

  /// The starter for `locale` (its term files, with the shared JSON Schemas); nil when there is
  /// none in that locale.
  public static func files(locale: String) -> [(path: String, contents: String)]? {
    if locale == defaultLocale { return files }
    let prefix = locale + "/"
    let terms = LocalizedStarters.files.filter { $0.path.hasPrefix(prefix) }
      .map { (path: String($0.path.dropFirst(prefix.count)), contents: $0.contents) }
    guard !terms.isEmpty else { return nil }
    return terms + files.filter { $0.path.hasPrefix("schemas/") }
  }

  /// Writes the starter in `locale`; see `files(locale:)`.
  public static func write(to directory: URL, locale: String, mode: EmbeddedFiles.Mode) throws
    -> EmbeddedFiles.Report?
  {
    guard let files = files(locale: locale) else { return nil }
    return try EmbeddedFiles.write(files, to: directory, mode: mode, what: "the starter glossary")
  }
}

/// Starters in other languages than English, embedded from `Starters/<locale>/`.
public enum LocalizedStarters {}
