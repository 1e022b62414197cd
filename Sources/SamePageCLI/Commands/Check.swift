import ArgumentParser
import Foundation
import SamePageKit

/// `samepage check [PATH]`: load and validate a glossary, print findings like a compiler.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Validate a glossary and report problems with file, line and column.",
    discussion: """
      With --base REF the change is checked too: its version, change log and effective date \
      must say what the change does (the version.* rules, as diff --check).
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

  @Option(
    help: ArgumentHelp(
      "Also check the change against this base: a Git revision or a glossary folder, read as diff reads it.",
      discussion:
        "The version.* rules then report a glossary_version, change log or effective date that does not say what the change does.",
      valueName: "REF"))
  var base: String?

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
    var result = GlossaryCheck(directory: URL(fileURLWithPath: path), displayDirectory: path)
    if requireSigned { result = result.requiringSignatures() }
    if let base {
      // Problems reading the base go to standard error: standard output may be a SARIF log.
      let loaded: GlossaryLoader.Result
      do {
        loaded = try GlossarySource.resolve(base, folder: path).load()
      } catch let failure as GlossarySource.Failure {
        printError("samepage: --base: \(failure)")
        throw ExitCode(2)
      }
      guard let baseGlossary = loaded.glossary else {
        FileHandle.standardError.write(
          Data(TextDiagnosticWriter(colored: false).write(loaded.diagnostics).utf8))
        printError("samepage: --base \(base): the glossary cannot be read (above)")
        throw ExitCode(2)
      }
      result = result.comparing(with: baseGlossary)
    }
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
