import Foundation
import SamePageKit
import Testing

/// Every rule has a passing fixture (the starter glossary) and a failing one under
/// `Fixtures/Rules/<rule-id>/`, whose `# expect:` markers name the exact lines it must report.
@Suite struct RuleFixtureTests {
  static let ruleIDs = RuleCatalogue.ruleTypes.map { $0.id }.sorted()

  @Test func starterGlossaryHasNoFindingsAtAll() throws {
    let (result, diagnostics) = try GlossaryUnderTest().check()
    #expect(result.glossary != nil)
    #expect(diagnostics.isEmpty, "\(diagnostics.map { "\($0.location!) \($0.summary) [\($0.id)]" })")
  }

  @Test(arguments: ruleIDs)
  func rulePassesOnStarterGlossary(_ id: String) throws {
    let glossary = try #require(GlossaryUnderTest().check().result.glossary)
    let rule = try #require(RuleCatalogue.ruleTypes.first { $0.id == id })
    #expect(Validator.validate(glossary, rules: [rule]).isEmpty)
    // A change rule also passes on the starter compared with itself: nothing changed.
    let starter = try #require(GlossaryUnderTest.starter())
    #expect(Validator.validate(GlossaryComparison(base: starter, head: glossary), rules: [rule]).isEmpty)
  }

  @Test func changeRulesAreQuietWithoutABase() throws {
    let changeRules = Self.ruleIDs.filter(GlossaryUnderTest.isChangeRule)
    #expect(changeRules.count == 3, "\(changeRules)")
    for id in changeRules {
      let fixture = Repository.fixtures.appendingPathComponent("Rules/\(id)")
      let diagnostics = try GlossaryUnderTest(overlay: fixture).check().diagnostics
      #expect(!diagnostics.contains { $0.id == id }, "\(id) reported without a base")
    }
  }

  @Test(arguments: ruleIDs)
  func failingFixtureReportsExactlyItsRuleAtTheMarkedLines(_ id: String) throws {
    let fixture = Repository.fixtures.appendingPathComponent("Rules/\(id)")
    let expected = try ExpectedFinding.markers(in: fixture)
    try #require(!expected.isEmpty, "fixture for \(id) has no '# expect:' marker")
    #expect(expected.allSatisfy { $0.id == id })

    let (_, diagnostics) = try GlossaryUnderTest(overlay: fixture).check(
      againstStarter: GlossaryUnderTest.isChangeRule(id))
    let actual = Set(
      diagnostics.map { diagnostic in
        ExpectedFinding(
          file: diagnostic.location?.file ?? "-", line: diagnostic.location?.line ?? 0, id: diagnostic.id)
      })
    #expect(
      actual == expected,
      "\(diagnostics.map { "\($0.location.map(\.description) ?? "-") \($0.summary) [\($0.id)]" })")
  }

  @Test func everyRuleHasAFailingFixture() throws {
    let fixtures = try FileManager.default.contentsOfDirectory(
      atPath: Repository.fixtures.appendingPathComponent("Rules").path)
    #expect(Set(fixtures) == Set(Self.ruleIDs))
  }

  @Test func ruleIDsAreUniqueAndNamespaced() {
    #expect(Set(Self.ruleIDs).count == Self.ruleIDs.count)
    for id in Self.ruleIDs {
      #expect(id.split(separator: ".").count == 2, "\(id) is not '<term>.<rule>'")
    }
  }
}
