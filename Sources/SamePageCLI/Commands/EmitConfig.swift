import ArgumentParser
import Foundation
import SamePageKit

/// `samepage emit-config`: the scoring config the scoring core consumes.
struct EmitConfig: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "emit-config",
    abstract: "Write the scoring config (JSON) from a validated glossary.",
    discussion: "The same glossary always yields a byte-identical file. Refuses a glossary with check errors."
  )

  @Option(help: "The glossary directory.")
  var glossary = "Glossary"

  @Option(help: "Where to write the config; - for standard output.")
  var out = "scoring-config.json"

  func run() throws {
    let valid = try RenderPipeline.validGlossary(glossary, before: "emitting a config")
    let config = ScoringConfigEmitter.config(for: valid)
    // The glossary's number ranges keep this from happening; this keeps it true whatever they
    // miss: no config the scoring core would refuse is ever written.
    if let problem = config.firstProblem {
      printError("samepage emit-config: the scoring core cannot use this glossary: \(problem)")
      throw ExitCode(1)
    }
    let data = config.encoded()
    if out == "-" {
      FileHandle.standardOutput.write(data)
      return
    }
    do {
      try AtomicFile.write(data, to: URL(fileURLWithPath: out))
    } catch {
      printError("samepage emit-config: cannot write \(out): \(error.localizedDescription)")
      throw ExitCode(2)
    }
    print("wrote \(out) (glossary \(valid.manifest.glossaryVersion?.value ?? ""), \(data.count) bytes)")
  }
}
