import ArgumentParser
import Foundation
import SamePageKit

/// `samepage templates`: the bundled templates, for a team to customise.
struct Templates: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Work with the bundled Mustache templates.",
    subcommands: [Eject.self])

  /// `samepage templates eject [DIR]`: write the bundled set for editing.
  struct Eject: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write the bundled templates into a folder to edit.",
      discussion: """
        render and publish use ./Templates when it exists (or --templates DIR), and the bundled \
        template for any file the folder lacks, so delete the files you do not change.
        """)

    @Argument(help: "The folder to write into; it must be empty.")
    var directory = "Templates"

    @OptionGroup var writeMode: WriteModeOptions

    func run() throws {
      let report = try writeMode.run("templates eject", into: directory) { mode in
        try BundledTemplates.write(to: URL(fileURLWithPath: directory), mode: mode)
      }
      print(
        "wrote \(report.written.count) \(report.written.count == 1 ? "template" : "templates") to \(directory); the names they may use: docs/TEMPLATES.md"
      )
    }
  }
}
