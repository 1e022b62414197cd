import Foundation
import SamePageKit
import Testing

/// Behaviour of rules beyond their one failing fixture.
@Suite struct RuleBehaviourTests {
  func findings(_ file: String, _ transform: (String) -> String) throws -> [Diagnostic] {
    let starter = try String(contentsOf: Repository.glossary.appendingPathComponent(file), encoding: .utf8)
    return try GlossaryUnderTest(replacing: [file: transform(starter)]).check().diagnostics
  }

  @Test func invalidExcludedCountryIsReportedOnceNotPerSegment() throws {
    let diagnostics = try findings("icp.yaml") {
      $0.replacingOccurrences(of: "countries: [RU, BY, IR, KP, CU, SY]", with: "countries: [RU, Cuba]")
    }
    #expect(diagnostics.map(\.id) == ["icp.range-valid"])
    #expect(diagnostics.first?.summary == "'Cuba' is not a two-letter country code")
  }

  @Test func unknownReferenceWithNoNearMatchListsTheDefinedIDs() throws {
    let diagnostics = try findings("lead-statuses.yaml") {
      $0.replacingOccurrences(
        of: "    stage: sql\n    category: working\n", with: "    stage: pipeline\n    category: working\n")
    }
    #expect(diagnostics.map(\.id) == ["status.stage-exists"])
    #expect(diagnostics.first?.notes.isEmpty == true)
    #expect(diagnostics.first?.fix?.contains("defined: subscriber, lead, mql") == true)
  }

  @Test func handRaiseFasterThanStandardInOtherUnitsPasses() throws {
    // 30 minutes against 4 business hours: different units, compared in working minutes.
    let diagnostics = try findings("sla.yaml") {
      $0.replacingOccurrences(
        of: "    quantity: 5\n    unit: minutes\n", with: "    quantity: 30\n    unit: minutes\n")
    }
    #expect(diagnostics.isEmpty)
  }

  @Test func thresholdWithinTheCapIsReachableWhenRepeatableRulesExist() throws {
    let diagnostics = try findings("lead-scoring.yaml") {
      $0.replacingOccurrences(of: "    engagement: 100\n", with: "    engagement: 150\n")
    }
    #expect(diagnostics.isEmpty)
    let beyondCap = try findings("lead-scoring.yaml") {
      $0.replacingOccurrences(of: "    engagement: 100\n", with: "    engagement: 151\n")
    }
    #expect(beyondCap.map(\.id) == ["scoring.threshold-reachable"])
  }
}
