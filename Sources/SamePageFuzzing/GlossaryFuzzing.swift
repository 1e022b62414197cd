import Foundation
import SamePageKit
import SamePageScoring

/// The YAML-to-diagnostics path under a fuzzer: one glossary file replaced by the input, the
/// other ten from the starter, then load, resolve, validate and every diagnostic writer; a
/// glossary that passes goes on to the scoring config and the documents.
///
/// The input names the file it replaces on its first line (`# file: icp.yaml`), so corpus
/// files can be read and edited by hand; without that line its first byte picks the file.
public enum GlossaryFuzzing {
  public static func run(_ input: [UInt8]) {
    let (kind, bytes) = split(input)
    var contents = starter
    contents[kind] = bytes
    let result = GlossaryLoader().load(contents: contents, displayDirectory: "Glossary")
    var diagnostics = result.diagnostics
    if let glossary = result.glossary {
      diagnostics = (diagnostics + Validator.validate(glossary)).sorted()
      if !diagnostics.hasErrors { checkDownstream(of: glossary) }
    }
    for writer in writers { _ = writer.write(diagnostics) }
  }

  /// A glossary `check` lets through must emit a config the scoring core accepts and render
  /// without a crash; anything else is a gap between the glossary's checks and what follows.
  private static func checkDownstream(of glossary: Glossary) {
    let config = ScoringConfigEmitter.config(for: glossary)
    if let problem = config.firstProblem {
      fatalError("check passed but the scoring core refuses the emitted config: \(problem)")
    }
    do {
      _ = try ScoringConfig.load(config.encoded())
    } catch {
      fatalError("check passed but the emitted config does not load: \(error)")
    }
    if let templates { _ = DocumentRenderer(templates: templates).render(glossary) }
  }

  static func split(_ input: [UInt8]) -> (GlossaryFileKind, [UInt8]) {
    let prefix = Array("# file: ".utf8)
    if input.starts(with: prefix), let newline = input.firstIndex(of: UInt8(ascii: "\n")),
      let name = String(validating: input[prefix.count..<newline], as: UTF8.self),
      let kind = GlossaryFileKind.allCases.first(where: { $0.fileName == name })
    {
      return (kind, Array(input[(newline + 1)...]))
    }
    let kinds = GlossaryFileKind.allCases
    return (kinds[Int(input.first ?? 0) % kinds.count], input)
  }

  /// The corpus form of a glossary file: the line naming it, then its text.
  public static func input(replacing kind: GlossaryFileKind, with text: String) -> [UInt8] {
    Array("# file: \(kind.fileName)\n\(text)".utf8)
  }

  static let starter: [GlossaryFileKind: [UInt8]] = Dictionary(
    uniqueKeysWithValues: GlossaryFileKind.allCases.compactMap { kind in
      StarterGlossary.contents(of: kind).map { (kind, Array($0.utf8)) }
    })

  static var writers: [any DiagnosticWriter] {
    [
      TextDiagnosticWriter(), JSONDiagnosticWriter(), GitHubDiagnosticWriter(),
      SARIFDiagnosticWriter(rules: [], toolVersion: "fuzz"),
    ]
  }

  /// The bundled templates, the ones a team starts from.
  static let templates: TemplateSet? = {
    guard case .loaded(let set) = TemplateSet.bundled() else { return nil }
    return set
  }()
}
