import ArgumentParser
import Foundation
import SamePageKit

/// `samepage diff [BASE] [HEAD]`: what a change does to the agreement, for review.
struct Diff: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List what changed between two versions of the agreement, classified for review.",
    discussion: """
      Each side is a glossary folder or a Git revision (main, HEAD~1, a tag), read with git show \
      without touching the work tree. BASE defaults to the merge base with the default branch, \
      HEAD to the glossary folder. Changes are breaking (ids removed or renamed, stages \
      reordered, statuses moved), behavioural (numbers, deadlines, exclusions, calendar) or \
      editorial (wording). Exit status: 0, or with --check 1 when the version bump, change log or \
      effective date do not match the change; 2 when a side cannot be read.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json
  }

  @Argument(help: "The base: a glossary folder or a Git revision (default: the merge base with main).")
  var base: String?

  @Argument(help: "The head: a glossary folder or a Git revision (default: the glossary folder).")
  var head: String?

  @Option(help: "The glossary folder, for revisions and the default head.")
  var glossary = "Glossary"

  @Option(help: "text, markdown (a pull-request comment) or json.")
  var format: Format = .text

  @Flag(help: "Fail unless the version bump, change log and effective date match the change.")
  var check = false

  func run() throws {
    do {
      let baseSource =
        try base.map { GlossarySource.resolve($0, folder: glossary) }
        ?? GlossarySource.defaultBase(folder: glossary)
      let headSource = head.map { GlossarySource.resolve($0, folder: glossary) } ?? .folder(glossary)
      let report = ChangeReport(
        base: (baseSource.description, try Self.glossary(baseSource)),
        head: (headSource.description, try Self.glossary(headSource)))
      switch format {
      case .text: print(report.text(), terminator: "")
      case .markdown: print(report.markdown(), terminator: "")
      case .json: print(report.json(), terminator: "")
      }
      if check && !report.check.passes { throw ExitCode(1) }
    } catch let failure as GlossarySource.Failure {
      printError("samepage: \(failure)")
      throw ExitCode(2)
    }
  }

  static func glossary(_ source: GlossarySource) throws -> Glossary {
    let result = try source.load()
    guard let glossary = result.glossary else {
      print(TextDiagnosticWriter(colored: Terminal.wantsColor).write(result.diagnostics), terminator: "")
      throw GlossarySource.Failure.unreadable("\(source.description): the glossary cannot be read (above)")
    }
    return glossary
  }
}
