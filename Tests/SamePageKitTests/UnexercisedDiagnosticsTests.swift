import Foundation
import SamePageKit
import Testing

/// The load, resolve and render diagnostics no other test produced: each is made to happen, and
/// its id and place are checked.
@Suite struct UnexercisedDiagnosticsTests {
  @Test func missingRequiredFieldIsReportedAtItsMapping() throws {
    let sla = try String(contentsOf: Repository.glossary.appendingPathComponent("sla.yaml"), encoding: .utf8)
    let edited = sla.replacingOccurrences(of: "    kind: mql_volume\n", with: "")
    try #require(edited != sla)
    let diagnostics = try GlossaryUnderTest(replacing: ["sla.yaml": edited]).check().diagnostics
    #expect(diagnostics.map(\.id) == ["glossary.missing-key"])
    let finding = try #require(diagnostics.first)
    #expect(finding.summary.hasPrefix("missing required field 'kind' ("), "\(finding.summary)")
    // The commitment's mapping starts after "  - " on the line of "id: mql-volume".
    #expect(finding.location == SourceLocation(file: "sla.yaml", line: 19, column: 5))
  }

  @Test func glossaryDirectoryThatDoesNotExistIsNoDirectory() throws {
    let result = GlossaryLoader().load(
      directory: URL(fileURLWithPath: "/nonexistent/glossary"), displayDirectory: "/nonexistent/glossary")
    #expect(result.diagnostics.map(\.id) == ["glossary.no-directory"])
    #expect(result.diagnostics.first?.summary == "'/nonexistent/glossary' is not a directory")
    #expect(result.hasUnreadableInput)

    let run = try CLITests().samepage("check", "/nonexistent/glossary", "--format", "json")
    #expect(run.status == 2)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
    let ids = (json["diagnostics"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
    #expect(ids == ["glossary.no-directory"], "\(run.output)")
  }

  @Test func fileThatCannotBeReadIsUnreadable() throws {
    // Running as root, permissions do not stop a read; a directory in the file's place does.
    let glossary = try GlossaryUnderTest()
    let sla = glossary.directory.url.appendingPathComponent("sla.yaml")
    try FileManager.default.removeItem(at: sla)
    try FileManager.default.createDirectory(at: sla, withIntermediateDirectories: false)
    let diagnostics = glossary.check().diagnostics
    #expect(diagnostics.map(\.id) == ["load.unreadable"], "\(diagnostics.map(\.summary))")
    #expect(diagnostics.first?.location == .startOf("sla.yaml"))
    #expect(diagnostics.first?.summary.hasPrefix("cannot read this file: ") == true)
    #expect(glossary.check().result.hasUnreadableInput)
  }

  @Test func listAsAMappingKeyIsAComplexKeyAtTheKey() throws {
    guard
      case .failed(let diagnostics) = YAMLLoader().parse(
        Array("definition: x\n? [a, b]\n: c\n".utf8), displayPath: "icp.yaml")
    else {
      Issue.record("a list as a key was loaded")
      return
    }
    #expect(diagnostics.map(\.id) == ["yaml.complex-key"])
    #expect(diagnostics.first?.location == SourceLocation(file: "icp.yaml", line: 2, column: 3))
  }

  @Test func templateThatIsNotUTF8IsUnreadable() throws {
    let templates = try RenderTests().copyOfTemplates()
    try Data([0x23, 0x20, 0xFF, 0xFE, 0x0A]).write(
      to: templates.url.appendingPathComponent("partials/personas.mustache"))
    guard case .failed(let diagnostics) = TemplateSet.load(directory: templates.url, displayDirectory: "T")
    else {
      Issue.record("a template that is not UTF-8 loaded")
      return
    }
    #expect(diagnostics.map(\.id) == ["template.unreadable"], "\(diagnostics.map(\.summary))")
    #expect(diagnostics.first?.location == .startOf("T/partials/personas.mustache"))
  }

  @Test func anchorWrittenTwiceOnAPageIsADuplicateAnchor() throws {
    let templates = try RenderTests().copyOfTemplates()
    try RenderTests().replace(
      in: templates.url, "glossary.md.mustache", "{{>partials/terms}}",
      with: "{{>partials/terms}}\n\n{{>partials/terms}}")
    let (_, diagnostics) = try RenderTests().render(GlossaryUnderTest(), templates: templates.url)
    #expect(!diagnostics.isEmpty)
    #expect(Set(diagnostics.map(\.id)) == ["render.duplicate-anchor"])
    #expect(diagnostics.allSatisfy { $0.location == .startOf("glossary.md") })
    #expect(diagnostics.contains { $0.summary == "anchor 'mql' appears twice in glossary.md" })
  }
}
