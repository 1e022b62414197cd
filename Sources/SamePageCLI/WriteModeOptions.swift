import ArgumentParser
import Foundation
import SamePageKit

/// `--force` and `--missing` for commands that write files embedded in the binary (`init`,
/// `templates eject`), and how their outcome is told: never a replaced edit without its name.
struct WriteModeOptions: ParsableArguments {
  @Flag(
    help:
      "Write into a non-empty folder, replacing files with the same names (each edited one is named); deletes nothing."
  )
  var force = false

  @Flag(help: "Write only the files that are missing; never replace one.")
  var missing = false

  func validate() throws {
    if force && missing { throw ValidationError("--force and --missing cannot be used together") }
  }

  var mode: EmbeddedFiles.Mode { missing ? .onlyMissing : force ? .replace : .intoEmpty }

  /// Runs `write`, prints what it did, and turns failures into one line and exit status 2.
  func run(
    _ command: String, into directory: String, _ write: (EmbeddedFiles.Mode) throws -> EmbeddedFiles.Report
  )
    throws -> EmbeddedFiles.Report
  {
    do {
      let report = try write(mode)
      for path in report.replacedEdited {
        printError("samepage \(command): replaced \(directory)/\(path), which differed from the bundled file")
      }
      if !report.kept.isEmpty {
        print(
          "kept \(report.kept.count) existing \(report.kept.count == 1 ? "file" : "files") in \(directory)")
      }
      return report
    } catch let failure as EmbeddedFiles.Failure {
      printError("samepage \(command): \(failure)")
      throw ExitCode(2)
    } catch {
      printError("samepage \(command): \(error)")
      throw ExitCode(2)
    }
  }
}
