import ArgumentParser
import Foundation
import SamePageKit

/// `samepage init [DIR]`: write the starter glossary into an empty directory.
struct Init: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write a starter glossary (a B2B industrial distributor) to edit into your own.")

  @Argument(help: "The directory to create or fill; it must be empty.")
  var directory = "Glossary"

  @Flag(help: "Write into a non-empty directory, replacing files with the starter's names.")
  var force = false

  func run() throws {
    do {
      let written = try StarterGlossary.write(to: URL(fileURLWithPath: directory), force: force)
      print("wrote \(written.count) files to \(directory); next: samepage check \(directory)")
    } catch let failure as StarterGlossary.Failure {
      printError("samepage init: \(failure)")
      throw ExitCode(2)
    } catch {
      printError("samepage init: cannot write to \(directory): \(error.localizedDescription)")
      throw ExitCode(2)
    }
  }
}
