import ArgumentParser
import Foundation

struct SamePage: AsyncParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "samepage",
    abstract: "Keep the sales–marketing agreement as code: check, render, publish and score it.",
    discussion: "Exit status, like linters: 0 clean, 1 findings, 2 unusable input or usage.",
    version: version,
    subcommands: [
      Check.self, Rules.self, Init.self, Render.self, Publish.self, EmitConfig.self, SampleDataCommand.self,
      Score.self, ExportSQL.self, Benchmark.self, Templates.self, Sign.self, Translations.self, Diff.self,
      ImpactCommand.self,
    ],
    defaultSubcommand: Check.self)
}

@main
enum Main {
  /// Runs the command, mapping usage errors to exit status 2 as linters do
  /// (ArgumentParser would use 64).
  static func main() async {
    do {
      var command = try SamePage.parseAsRoot()
      if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch {
      if SamePage.exitCode(for: error) == .validationFailure {
        printError(SamePage.fullMessage(for: error))
        exit(2)
      }
      SamePage.exit(withError: error)
    }
  }
}
