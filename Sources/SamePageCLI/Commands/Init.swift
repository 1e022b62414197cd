import ArgumentParser
import Foundation
import SamePageKit

/// `samepage init [DIR]`: write the starter glossary into an empty directory.
struct Init: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write a starter glossary (a B2B industrial distributor) to edit into your own.")

  @Argument(help: "The directory to create or fill; it must be empty.")
  var directory = "Glossary"

  @OptionGroup var writeMode: WriteModeOptions

  @Option(help: "The starter's language and country: \(StarterGlossary.locales.joined(separator: ", ")).")
  var locale = StarterGlossary.defaultLocale

  func validate() throws {
    guard StarterGlossary.files(locale: locale) != nil else {
      let nearest = Suggestion.nearest(to: locale, in: StarterGlossary.locales)
      throw ValidationError(
        "there is no starter in '\(locale)'"
          + (nearest.map { "; did you mean '\($0)'?" } ?? "")
          + " (starters: \(StarterGlossary.locales.joined(separator: ", ")); any other language can start from en-US and set 'locale:')"
      )
    }
  }

  func run() throws {
    let report = try writeMode.run("init", into: directory) { mode in
      try StarterGlossary.write(to: URL(fileURLWithPath: directory), locale: locale, mode: mode)!
    }
    print(
      "wrote \(report.written.count) \(report.written.count == 1 ? "file" : "files") to \(directory); next: samepage check \(directory)"
    )
  }
}
