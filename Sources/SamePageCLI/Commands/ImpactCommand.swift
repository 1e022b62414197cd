import ArgumentParser
import Foundation
import SamePageKit
import SamePageScoring

/// `samepage impact --base main --leads … --events … --as-of …`: the numbers before and after.
struct ImpactCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "impact",
    abstract: "Score the same history under the base and the head agreement, and compare.",
    discussion: """
      Both agreements' scoring configs are emitted from their glossaries (folders or Git \
      revisions, as for diff), and the core reads the files once, scoring each row under both. Reported: MQLs \
      per period against the volume commitment, leads that change stage (counts by transition; \
      ids in JSON), and first-touch and acceptance figures. Exit status: 0, 2 when a side or a \
      file cannot be read.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json
  }

  @Option(
    help: "The base agreement: a glossary folder or a Git revision (default: the merge base with main).")
  var base: String?

  @Option(help: "The head agreement (default: the glossary folder).")
  var head: String?

  @Option(help: "The glossary folder, for revisions and the default head.")
  var glossary = "Glossary"

  @Option(help: "Leads CSV or JSON Lines.") var leads: String
  @Option(help: "Behaviour events.") var events: String
  @Option(help: "Connect attempts.") var activities: String?
  @Option(name: .customLong("as-of"), help: "The moment to score at, ISO 8601 with an offset.") var asOf:
    String
  @Option(help: "text, markdown (joins diff's pull-request comment) or json.") var format: Format = .text
  @Option(help: "Threads that read the events file, for each agreement; the default is every core.")
  var threads = ProcessInfo.processInfo.activeProcessorCount

  func validate() throws {
    guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    guard Timestamp.parse(asOf) != nil else {
      throw ValidationError(
        "--as-of '\(asOf)' is not an ISO 8601 timestamp with an offset, such as 2026-11-20T17:00:00-06:00")
    }
  }

  func run() throws {
    let impact: Impact
    do {
      let baseSource =
        try base.map { GlossarySource.resolve($0, folder: glossary) }
        ?? GlossarySource.defaultBase(folder: glossary)
      let headSource = head.map { GlossarySource.resolve($0, folder: glossary) } ?? .folder(glossary)
      let configs = try [baseSource, headSource].map {
        ScoringConfigEmitter.config(for: try Diff.glossary($0))
      }
      // Both configs scored in this process over the same files, each by the threaded engine.
      let runs = try ScoringRun.scoring(
        configs: configs, options: .init(asOf: Timestamp.parse(asOf)!, threads: threads),
        leads: URL(fileURLWithPath: leads),
        events: URL(fileURLWithPath: events), activities: activities.map { URL(fileURLWithPath: $0) })
      impact = Impact(base: runs[0], head: runs[1])
    } catch let failure as GlossarySource.Failure {
      printError("samepage: \(failure)")
      throw ExitCode(2)
    } catch let exit as ExitCode {
      throw exit
    } catch {
      printError("samepage impact: \(error)")
      throw ExitCode(2)
    }
    switch format {
    case .json:
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      print(String(decoding: try encoder.encode(impact), as: UTF8.self))
    case .text, .markdown:
      print(Self.describe(impact, markdown: format == .markdown), terminator: "")
    }
  }

  static func describe(_ impact: Impact, markdown: Bool) -> String {
    var lines: [String] = []
    let version = "\(impact.base.glossaryVersion) → \(impact.head.glossaryVersion)"
    lines.append(markdown ? "### What the change does to the numbers (\(version))" : "impact of \(version):")
    if markdown {
      lines += ["", "| Period | MQLs before | MQLs after | Commitment |", "| --- | --- | --- | --- |"]
    }
    for period in impact.periods {
      let commitment =
        period.commitment.map { value in
          let met = period.metAfter == true ? "met" : "missed"
          let was = period.metBefore == period.metAfter ? "still \(met)" : "now \(met)"
          let moved = period.commitmentBefore.map { "\(Int($0)) → " } ?? ""
          return "\(moved)\(Int(value)): \(was)"
        } ?? "—"
      lines.append(
        markdown
          ? "| \(period.period) | \(period.before) | \(period.after) | \(commitment) |"
          : "  MQLs \(period.period): \(period.before) → \(period.after) (commitment \(commitment))")
    }
    if markdown { lines.append("") }
    let moved = impact.transitions.reduce(0) { $0 + $1.count }
    lines.append(markdown ? "\(moved) leads change stage:" : "  \(moved) leads change stage")
    if markdown { lines.append("") }
    for transition in impact.transitions {
      lines.append((markdown ? "- " : "    ") + "\(transition.from) → \(transition.to): \(transition.count)")
    }
    func rate(_ value: Double?) -> String { value.map { String(format: "%.1f%%", $0) } ?? "—" }
    func minutes(_ value: Double?) -> String { value.map { "\(Int($0)) business minutes" } ?? "—" }
    if markdown { lines.append("") }
    lines.append(
      (markdown ? "- " : "  ")
        + "acceptance \(rate(impact.base.acceptanceRate)) → \(rate(impact.head.acceptanceRate)); median first touch \(minutes(impact.base.medianFirstTouchBusinessMinutes)) → \(minutes(impact.head.medianFirstTouchBusinessMinutes))"
    )
    return lines.joined(separator: "\n") + "\n"
  }
}
