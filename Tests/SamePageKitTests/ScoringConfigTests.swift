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
