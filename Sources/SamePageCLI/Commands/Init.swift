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

  func run() throws {
    let report = try writeMode.run("init", into: directory) { mode in
      try StarterGlossary.write(to: URL(fileURLWithPath: directory), mode: mode)
    }
    print(
      "wrote \(report.written.count) \(report.written.count == 1 ? "file" : "files") to \(directory); next: samepage check \(directory)"
    )
  }
}
