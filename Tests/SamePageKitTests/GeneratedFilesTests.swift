import Foundation
import SamePageCodegen
import Testing

/// The rule catalogue and the embedded starter glossary are generated; a stale copy means the
/// CLI would print documentation (or write a glossary) that no longer matches the source.
@Suite struct GeneratedFilesTests {
  @Test func generatedFilesAreUpToDate() throws {
    for (path, expected) in try GeneratedFiles.expected(packageRoot: Repository.root) {
      let committed = try String(contentsOf: Repository.root.appendingPathComponent(path), encoding: .utf8)
      #expect(committed == expected, "\(path) is stale: run 'swift run samepage-generate'")
    }
  }

  @Test func ruleDocumentationIsTakenFromTheDocComment() throws {
    let source = """
      import Foundation

      /// Says what it enforces.
      ///
      /// Fails:
      ///
      ///     bad: "example"
      public struct ExampleRule: GlossaryRule {
      """
    let rule = try RuleCatalogueGenerator.parse(file: "ExampleRule.swift", source: source)
    #expect(rule.typeName == "ExampleRule")
    #expect(rule.summary == "Says what it enforces.")
    #expect(rule.documentation == "Says what it enforces.\n\nFails:\n\n    bad: \"example\"")
    #expect(
      RuleCatalogueGenerator.generate([rule]).contains(
        #"documentation: "Says what it enforces.\n\nFails:\n\n    bad: \"example\"""#))
  }

  @Test func undocumentedRuleIsRefused() {
    #expect(throws: RuleCatalogueGenerator.Failure.self) {
      try RuleCatalogueGenerator.parse(file: "X.swift", source: "public struct X: GlossaryRule {}")
    }
  }
}
