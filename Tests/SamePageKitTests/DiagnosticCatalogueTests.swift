import Foundation
import SamePageKit
import Testing

/// Every diagnostic id SamePage can emit is listed in `DiagnosticCatalogue`, and every listed id
/// is produced by a concrete input here: a rule by its fixture under `Fixtures/Rules/<id>`, a
/// load, resolve, template or render id by a case in `produce(_:)`. An id added to the code
/// without a producing input fails `everyCatalogueIDIsProducedByATestInput`.
@Suite struct DiagnosticCatalogueTests {
  static let sources = Repository.root.appendingPathComponent("Sources")

  /// Ids in `Diagnostic(id: "…")` constructions and rules' `static let id = "…"`, read from the
  /// sources, so the catalogue cannot drift from what the code emits.
  static func idsWrittenInSources() throws -> (stage: Set<String>, rules: Set<String>) {
    let construction = try Regex(#"Diagnostic\(\s*id:\s*"([a-z0-9.-]+)""#)
    let rule = try Regex(#"static let id = "([a-z0-9.-]+)""#)
    var stage: Set<String> = []
    var rules: Set<String> = []
    for module in ["SamePageKit", "SamePageCLI"] {
      let directory = sources.appendingPathComponent(module)
      let enumerator = FileManager.default.enumerator(atPath: directory.path)
      while let name = enumerator?.nextObject() as? String {
        guard name.hasSuffix(".swift"), !name.hasSuffix("+Generated.swift") else { continue }
        let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        for match in text.matches(of: construction) {
          stage.insert(String(match.output[1].substring ?? ""))
        }
        for match in text.matches(of: rule) { rules.insert(String(match.output[1].substring ?? "")) }
      }
    }
    return (stage, rules)
  }

  @Test func theCatalogueListsExactlyTheIDsTheSourcesEmit() throws {
    let written = try Self.idsWrittenInSources()
    #expect(written.stage.count >= 20, "the source scan found too little to be trusted: \(written.stage)")
    let listed = Set(DiagnosticCatalogue.stageIDs)
    #expect(
      written.stage.subtracting(listed).isEmpty,
      "emitted but not in DiagnosticCatalogue.stageIDs: \(written.stage.subtracting(listed).sorted())")
    #expect(
      listed.subtracting(written.stage).isEmpty,
      "listed but emitted nowhere: \(listed.subtracting(written.stage).sorted())")
    #expect(DiagnosticCatalogue.stageIDs.count == listed.count, "an id is listed twice")
    #expect(Set(DiagnosticCatalogue.ruleIDs) == written.rules)
  }

  @Test(arguments: DiagnosticCatalogue.allIDs)
  func everyCatalogueIDIsProducedByATestInput(_ id: String) throws {
    guard let produced = try Self.produce(id) else {
      Issue.record(
        "no fixture or test input produces '\(id)': add Fixtures/Rules/\(id)/ or a case to DiagnosticCatalogueTests.produce"
      )
      return
    }
    #expect(produced.contains { $0.id == id }, "'\(id)' expected, got \(produced.map(\.id))")
  }

  // MARK: - Producing inputs

  /// The diagnostics of one concrete input that must produce `id`; nil when there is none.
  static func produce(_ id: String) throws -> [Diagnostic]? {
    switch id {
    case "load.unreadable":
      // A directory where a file is expected: it has a size, but reading it fails (EISDIR).
      // (The tests run as root, so a file without read permission would still be readable.)
      let directory = try TemporaryDirectory()
      let folder = directory.url.appendingPathComponent("icp.yaml")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
      return failures(YAMLLoader().load(contentsOf: folder, displayPath: "icp.yaml"))
    case "load.too-large":
      let directory = try TemporaryDirectory()
      let url = directory.url.appendingPathComponent("icp.yaml")
      _ = FileManager.default.createFile(atPath: url.path, contents: nil)
      let handle = try FileHandle(forWritingTo: url)
      try handle.truncate(atOffset: 16 * 1024 * 1024 + 1)  // sparse, one byte over the limit
      try handle.close()
      return failures(YAMLLoader().load(contentsOf: url, displayPath: "icp.yaml"))
    case "load.not-utf8": return parse(Array("definition: caf".utf8) + [0xC3, 0x28, 0x0A])
    case "load.empty": return parse(Array("# nothing but a comment\n".utf8))
    case "yaml.syntax": return parse(Array("definition: [unclosed\n".utf8))
    case "yaml.duplicate-key": return parse(Array("owner: sales\nowner: shared\n".utf8))
    case "yaml.too-deep": return parse(Array((String(repeating: "[", count: 2000) + "\n").utf8))
    case "yaml.alias-expansion":
      var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
      for level in 1..<8 {
        text +=
          "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
        text += "]\n"
      }
      return parse(Array(text.utf8))
    case "yaml.complex-key": return parse(Array("definition: x\n? [a, b]\n: c\n".utf8))
    case "glossary.no-directory":
      return GlossaryLoader().load(
        directory: URL(fileURLWithPath: "/nonexistent/samepage-glossary"), displayDirectory: "nowhere"
      ).diagnostics
    case "glossary.missing-file":
      let glossary = try GlossaryUnderTest()
      try FileManager.default.removeItem(at: glossary.directory.url.appendingPathComponent("icp.yaml"))
      return glossary.check().diagnostics
    case "glossary.unknown-file":
      return try GlossaryUnderTest(replacing: ["notes.yaml": "definition: x\nowner: shared\n"]).check()
        .diagnostics
    case "glossary.unknown-key":
      return try edited("lead-statuses.yaml", "owner: sales\n", "owner: sales\ncolour: red\n")
    case "glossary.missing-key": return try edited("lead-statuses.yaml", "owner: sales\n", "")
    case "glossary.wrong-type": return try edited("lead-statuses.yaml", "default: true", "default: yes")
    case "glossary.invalid-value": return try edited("lead-statuses.yaml", "owner: sales", "owner: sails")
    case "glossary.invalid-id":
      return try edited("personas.yaml", "- id: maintenance-manager", "- id: ../../etc")
    case "glossary.out-of-range": return try edited("lead-scoring.yaml", "points: 30", "points: 99999")
    case "glossary.deprecated-field":
      return try edited(
        "icp.yaml", "annual_revenue: {min: 10000000, max: 2000000000, currency: USD}",
        "annual_revenue_usd: {min: 10000000, max: 2000000000}")
    case "template.no-directory":
      return failures(
        TemplateSet.load(directory: URL(fileURLWithPath: "/nonexistent"), displayDirectory: "x"))
    case "template.unreadable":
      let templates = try copyOfTemplates()
      try Data([0x7B, 0x7B, 0xFF, 0xFE, 0x7D, 0x7D]).write(
        to: templates.url.appendingPathComponent("partials/extra.mustache"))
      return failures(TemplateSet.load(directory: templates.url, displayDirectory: "T"))
    case "template.syntax":
      let templates = try copyOfTemplates()
      try replace(
        in: templates.url.appendingPathComponent("partials/lead-types.mustache"), "{{/types}}", "{{/typs}}")
      return failures(TemplateSet.load(directory: templates.url, displayDirectory: "T"))
    case "template.unknown-name":
      let templates = try copyOfTemplates()
      try replace(
        in: templates.url.appendingPathComponent("term.md.mustache"), "# {{pageTitle}}", "# {{pageTitel}}")
      return try render(GlossaryUnderTest(), templates: templates.url)
    case "template.unknown-message":
      let templates = try copyOfTemplates()
      try replace(
        in: templates.url.appendingPathComponent("sla.md.mustache"), "{{t.sla.title}}", "{{t.sla.titel}}")
      return try render(GlossaryUnderTest(), templates: templates.url)
    case "catalogue.malformed":
      let templates = try copyOfTemplates()
      try replace(
        in: templates.url.appendingPathComponent("locales/en.yaml"), "  yes: \"Yes\"", "  yes: [\"Yes\"]")
      return failures(TemplateSet.load(directory: templates.url, displayDirectory: "Templates"))
    case "render.unknown-locale":
      let glossary = try GlossaryUnderTest()
      try replace(
        in: glossary.directory.url.appendingPathComponent("samepage.yaml"), "locale: en-US", "locale: de-DE")
      return try render(glossary)
    case "render.broken-link":
      let glossary = try GlossaryUnderTest()
      try replace(
        in: glossary.directory.url.appendingPathComponent("lead-types.yaml"), "Referred by an OEM partner;",
        "Referred by a [partner](glossary.md#partnr);")
      return try render(glossary)
    case "render.duplicate-anchor":
      // A template that writes every entry twice gives every anchor twice.
      let templates = try copyOfTemplates()
      try replace(
        in: templates.url.appendingPathComponent("glossary.md.mustache"), "{{>partials/terms}}",
        "{{>partials/terms}}\n\n{{>partials/terms}}")
      return try render(GlossaryUnderTest(), templates: templates.url)
    case "signature.unverified-commit":
      // A signature committed in an unsigned commit (SignatureVerificationTests has real keys).
      let repo = try TemporaryDirectory()
      _ = try StarterGlossary.write(to: repo.url, mode: .intoEmpty)
      let starter = try #require(GlossaryLoader().load(directory: repo.url, displayDirectory: ".").glossary)
      let entry = SignatureFile.Entry(
        party: .marketing, name: "Dana Whitfield", title: nil, date: CalendarDate("2026-09-28")!,
        version: nil, content: starter.contentHash)
      try Data(SignatureFile.appending(entry, to: nil).utf8).write(
        to: repo.url.appendingPathComponent(Signature.fileName))
      for arguments in [
        ["init", "-q"], ["add", "-A"],
        [
          "-c", "user.name=T", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", "commit", "-q",
          "-m", "x",
        ],
      ] {
        try ProcessRunner.git(arguments, in: repo.url)
      }
      let signed = try #require(GlossaryLoader().load(directory: repo.url, displayDirectory: ".").glossary)
      return try SignatureVerification(glossary: signed, directory: repo.url).diagnostics(required: false)
    default:
      let fixture = Repository.fixtures.appendingPathComponent("Rules/\(id)")
      guard FileManager.default.fileExists(atPath: fixture.path) else { return nil }
      return try GlossaryUnderTest(overlay: fixture).check(againstStarter: GlossaryUnderTest.isChangeRule(id))
        .diagnostics
    }
  }

  static func parse(_ bytes: [UInt8]) -> [Diagnostic] {
    failures(YAMLLoader().parse(bytes, displayPath: "icp.yaml"))
  }

  static func failures(_ outcome: YAMLLoader.Outcome) -> [Diagnostic] {
    if case .failed(let diagnostics) = outcome { return diagnostics }
    return []
  }

  static func failures(_ outcome: TemplateSet.LoadResult) -> [Diagnostic] {
    if case .failed(let diagnostics) = outcome { return diagnostics }
    return []
  }

  /// The starter glossary with the first `old` in `file` replaced by `new`, loaded and checked.
  static func edited(_ file: String, _ old: String, _ new: String) throws -> [Diagnostic] {
    let glossary = try GlossaryUnderTest()
    try replace(in: glossary.directory.url.appendingPathComponent(file), old, new)
    return glossary.check().diagnostics
  }

  static func replace(in url: URL, _ old: String, _ new: String) throws {
    let text = try String(contentsOf: url, encoding: .utf8)
    let range = try #require(text.range(of: old), "'\(old)' is not in \(url.lastPathComponent)")
    try text.replacingCharacters(in: range, with: new).write(to: url, atomically: true, encoding: .utf8)
  }

  static func copyOfTemplates() throws -> TemporaryDirectory {
    let directory = try TemporaryDirectory()
    try FileManager.default.removeItem(at: directory.url)
    try FileManager.default.copyItem(
      at: Repository.root.appendingPathComponent("Templates"), to: directory.url)
    return directory
  }

  static func render(_ glossary: GlossaryUnderTest, templates: URL? = nil) throws -> [Diagnostic] {
    let loaded = try #require(glossary.check().result.glossary)
    let directory = templates ?? Repository.root.appendingPathComponent("Templates")
    guard case .loaded(let set) = TemplateSet.load(directory: directory, displayDirectory: "T") else {
      Issue.record("the templates did not load")
      return []
    }
    return DocumentRenderer(templates: set).render(loaded).diagnostics
  }
}
