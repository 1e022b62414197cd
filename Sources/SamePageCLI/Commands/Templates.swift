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

    @Flag(help: "Write into a non-empty folder, replacing files with the bundled names; deletes nothing.")
    var force = false

    func run() throws {
      do {
        let written = try BundledTemplates.write(to: URL(fileURLWithPath: directory), force: force)
        print("wrote \(written.count) templates to \(directory); the names they may use: docs/TEMPLATES.md")
      } catch let failure as EmbeddedFiles.Failure {
        printError("samepage templates eject: \(failure)")
        throw ExitCode(2)
      } catch {
        printError("samepage templates eject: \(error)")
        throw ExitCode(2)
      }
    }
  }
}
