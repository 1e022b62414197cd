import ArgumentParser
import Foundation
import SamePageKit

/// `samepage translations`: the files translators work in, one per language.
struct Translations: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Keep the glossary's translations (translations/<locale>.yaml) in step with it.",
    subcommands: [Update.self, Confirm.self])

  struct Location: ParsableArguments {
    @Option(help: "The glossary directory.")
    var glossary = "Glossary"

    @Option(help: "The language to work on, as listed under 'translations:' in samepage.yaml (e.g. en-US).")
    var locale: String
  }

  /// `samepage translations update --locale en-US`: add every text still to translate.
  struct Update: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write or update translations/<locale>.yaml with every text to translate.",
      discussion:
        "Existing translations are kept; new texts are added with an empty 'text'. Nothing is removed.")

    @OptionGroup var options: Location

    func run() throws {
      let glossary = try Translations.glossary(options)
      let update = TranslationFile.update(glossary, locale: options.locale)
      let path = try Translations.write(update.text, options)
      print(
        "\(path): \(update.added) texts added to translate"
          + (update.kept > 0 ? ", \(update.kept) no longer in the glossary kept" : ""))
    }
  }

  /// `samepage translations confirm --locale en-US [KEY…]`: the translator has checked these.
  struct Confirm: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Record that stale translations were checked against the new source text.",
      discussion: "With no KEY, every stale translation of the locale is confirmed.")

    @OptionGroup var options: Location

    @Argument(
      help: "The text keys to confirm, as check reports them (e.g. lifecycle-stages/stage/mql/label).")
    var keys: [String] = []

    func run() throws {
      let glossary = try Translations.glossary(options)
      let known = Set(glossary.texts.map(\.key))
      if let unknown = keys.first(where: { !known.contains($0) }) {
        let nearest = Suggestion.nearest(to: unknown, in: known)
        throw ValidationError(
          "'\(unknown)' is no text key of this glossary" + (nearest.map { "; did you mean '\($0)'?" } ?? ""))
      }
      let update = TranslationFile.update(
        glossary, locale: options.locale, confirm: Set(keys), confirmAll: keys.isEmpty)
      let path = try Translations.write(update.text, options)
      print(
        "\(path): \(update.confirmed.count) translations confirmed"
          + (update.confirmed.isEmpty ? " (none was stale)" : ""))
    }
  }

  static func glossary(_ options: Location) throws -> Glossary {
    let valid = try RenderPipeline.validGlossary(options.glossary, before: "updating translations")
    guard valid.manifest.translations.contains(where: { $0.value == options.locale }) else {
      printError(
        "samepage: samepage.yaml does not list \(options.locale) under 'translations:'; add it there first (listed: \(valid.manifest.translations.map(\.value).joined(separator: ", ")))"
      )
      throw ExitCode(1)
    }
    return valid
  }

  /// Writes the file atomically, creating translations/ when needed; the path as shown.
  static func write(_ text: String, _ options: Location) throws -> String {
    let folder = URL(fileURLWithPath: options.glossary).appendingPathComponent(Translation.directory)
    let display = "\(options.glossary)/\(Translation.directory)/\(options.locale).yaml"
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try AtomicFile.write(Data(text.utf8), to: folder.appendingPathComponent("\(options.locale).yaml"))
    } catch let failure as FileSystemFailure {
      printError("samepage: \(failure)")
      throw ExitCode(1)
    }
    return display
  }
}
