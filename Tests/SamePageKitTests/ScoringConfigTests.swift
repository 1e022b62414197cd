import Foundation
import SamePageKit
import SamePageScoring
import Testing

@Suite struct ScoringConfigTests {
  func emit(_ glossary: GlossaryUnderTest) throws -> Data {
    let loaded = try #require(glossary.check().result.glossary)
    return ScoringConfigEmitter.config(for: loaded).encoded()
  }

  @Test func sameGlossaryYieldsByteIdenticalConfig() throws {
    let first = try emit(GlossaryUnderTest())
    let second = try emit(GlossaryUnderTest())
    #expect(first == second)
  }

  @Test func configRoundTripsThroughTheLoader() throws {
    let data = try emit(GlossaryUnderTest())
    let config = try ScoringConfig.load(data)
    #expect(config.encoded() == data)
    #expect(config.lifecycle.stages.map(\.id).prefix(3) == ["subscriber", "lead", "mql"])
    #expect(config.exclusions.emailSuffixes == [".edu"])
    #expect(config.calendar.workingDays == [1, 2, 3, 4, 5])
    #expect(
      config.sla.firstTouch.first { $0.priority == "hand_raise" }?.within == .init(amount: 5, unit: "minutes")
    )
    #expect(config.thresholds.first { $0.id == "mql" }?.fit == 40)
  }

  @Test func configFromANewerSamePageIsRefusedClearly() throws {
    var json = try #require(
      try JSONSerialization.jsonObject(with: emit(GlossaryUnderTest())) as? [String: Any])
    json["schemaVersion"] = 2
    let data = try JSONSerialization.data(withJSONObject: json)
    #expect(throws: ScoringConfig.LoadError.unsupportedSchemaVersion(2)) { try ScoringConfig.load(data) }
    let message = ScoringConfig.LoadError.unsupportedSchemaVersion(2).description
    #expect(message.contains("schema version 2") && message.contains("emit-config"))
  }

  @Test func configMissingAFieldNamesIt() throws {
    var json = try #require(
      try JSONSerialization.jsonObject(with: emit(GlossaryUnderTest())) as? [String: Any])
    json["calendar"] = nil
    let data = try JSONSerialization.data(withJSONObject: json)
    #expect(throws: ScoringConfig.LoadError.invalid("missing 'calendar'")) { try ScoringConfig.load(data) }
  }

  @Test func valuesTheCoreCannotComputeWithAreRefusedByField() throws {
    let starter = ScoringEngineTests.starterConfig
    let edits: [(String, (inout ScoringConfig) -> Void)] = [
      ("fit.cap is 10000000000", { $0.fit.cap = 10_000_000_000 }),
      ("fit.rules[0].points is 5000000000", { $0.fit.rules[0].points = 5_000_000_000 }),
      ("engagement.floor (200) is above engagement.cap (150)", { $0.engagement.floor = 200 }),
      ("engagement.decay.percent is 150.0", { $0.engagement.decay?.percent = 150 }),
      ("engagement.decay.everyDays is 0", { $0.engagement.decay?.everyDays = 0 }),
      (
        "engagement.rules[0].frequency.max is 70000",
        { $0.engagement.rules[0].frequency = .init(max: 70_000, per: "day") }
      ),
      ("thresholds[0].engagement is -2000000000", { $0.thresholds[0].engagement = -2_000_000_000 }),
      ("handRaises[0].minimumFit is 9223372036854775807", { $0.handRaises[0].minimumFit = .max }),
      (
        "handRaises[1] names the event type 'demo_request' again (handRaises[0] has it)",
        {
          $0.handRaises = [
            $0.handRaises[0], .init(event: $0.handRaises[0].event, stage: "sql", minimumFit: 0),
          ]
        }
      ),
      ("sla.acceptReject.amount is 1e+300", { $0.sla.acceptReject = .init(amount: 1e300, unit: "hours") }),
      ("calendar.holidays has '2026-11-31'", { $0.calendar.holidays.append("2026-11-31") }),
      ("calendar.start '9:00 am'", { $0.calendar.start = "9:00 am" }),
    ]
    #expect(starter.firstProblem == nil)
    for (message, edit) in edits {
      var config = starter
      edit(&config)
      #expect {
        try ScoringConfig.load(config.encoded())
      } throws: { error in
        "\(error)".contains(message)
          && "\(error)".hasSuffix("correct it in the glossary and emit the config again")
      }
      // A config built in code cannot skip the check: the run refuses it before any row.
      #expect(throws: ScoringRun.Failure.self, "\(message)") {
        try ScoringRun(config: config, options: .init(asOf: 0))
      }
    }
  }

  @Test func glossaryHashFollowsTheFilesContent() throws {
    let hash = { (glossary: GlossaryUnderTest) throws -> String in
      GlossaryHash.of(try #require(glossary.check().result.glossary).files)
    }
    let original = try hash(GlossaryUnderTest())
    #expect(original.hasPrefix("sha256:") && original.count == 71)
    #expect(try hash(GlossaryUnderTest()) == original)
    let starter = try String(
      contentsOf: Repository.glossary.appendingPathComponent("icp.yaml"), encoding: .utf8)
    let changed = try GlossaryUnderTest(replacing: ["icp.yaml": starter + "# a comment\n"])
    #expect(try hash(changed) != original)
  }

  /// The scoring core depends on the config format only: it could move to another repository.
  @Test func scoringModuleImportsNothingOfTheGlossaryModel() throws {
    let directory = Repository.root.appendingPathComponent("Sources/SamePageScoring")
    let enumerator = try #require(
      FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil))
    var checked = 0
    for case let url as URL in enumerator where url.pathExtension == "swift" {
      let source = try String(contentsOf: url, encoding: .utf8)
      #expect(!source.contains("import SamePageKit"), "\(url.lastPathComponent) imports SamePageKit")
      checked += 1
    }
    #expect(checked > 0)
  }
}
