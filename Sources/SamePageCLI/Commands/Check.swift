import ArgumentParser
import Foundation
import SamePageKit

/// `samepage check [PATH]`: load and validate a glossary, print findings like a compiler.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Validate a glossary and report problems with file, line and column.",
    discussion: """
      Exit status: 0 when there are no errors (warnings too with --strict), 1 when there are, \
      2 when the glossary cannot be read or the command line is wrong.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, github
  }

  @Argument(help: "The glossary directory.")
  var path = "Glossary"

  @Option(help: "Output format: text, json, sarif (SARIF 2.1.0) or github (Actions annotations).")
  var format: Format = .text

  @Flag(help: "Fail on warnings as well as errors.")
  var strict = false

  @Flag(help: "Fail unless both parties have signed the agreement as it stands (for the release branch).")
  var requireSigned = false

  /// `check` is the default subcommand, so `samepage rendr` arrives here as a glossary path;
  /// a path that does not exist and reads like a command is answered as a mistyped command, and
  /// a file where the folder belongs gets the folder to pass instead.
  func validate() throws {
    var isDirectory: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
    if !exists, !path.contains("/"),
      let command = Suggestion.nearest(
        to: path, in: SamePage.configuration.subcommands.map { $0._commandName })
    {
      throw ValidationError("unknown command '\(path)'; did you mean 'samepage \(command)'?")
    }
    if exists, !isDirectory.boolValue {
      let folder = (path as NSString).deletingLastPathComponent
      throw ValidationError(
        "'\(path)' is a file; check reads the whole glossary folder: samepage check \(folder.isEmpty ? "." : folder)"
      )
    }
  }

  func run() throws {
    let checked = GlossaryCheck(directory: URL(fileURLWithPath: path), displayDirectory: path)
    let result = requireSigned ? checked.requiringSignatures() : checked
    let diagnostics = result.diagnostics
    let writer: any DiagnosticWriter
    switch format {
    case .text:
      writer = TextDiagnosticWriter(colored: Terminal.wantsColor, filesChecked: result.filesRead)
    case .json: writer = JSONDiagnosticWriter()
    case .sarif:
      writer = SARIFDiagnosticWriter(rules: RuleCatalogue.descriptions, toolVersion: SamePage.version)
    case .github: writer = GitHubDiagnosticWriter()
    }
    print(writer.write(diagnostics), terminator: "")

    if result.hasUnreadableInput { throw ExitCode(2) }
    if diagnostics.hasErrors || (strict && diagnostics.warningCount > 0) {
      throw ExitCode(1)
    }
  }
}
