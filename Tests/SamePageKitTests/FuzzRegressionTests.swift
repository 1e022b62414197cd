import Foundation
import SamePageFuzzing
import SamePageKit
import Testing

/// Every input in `Fuzz/regressions/` (crashes the fuzzers or the issues found, each fixed)
/// goes through its fuzz entry point again; a crash fails the whole run, which is the point.
@Suite struct FuzzRegressionTests {
  static func inputs(_ target: String) -> [String] {
    FuzzReplay.files(at: Repository.root.appendingPathComponent("Fuzz/regressions/\(target)").path)
      .filter { !$0.hasSuffix("/.keep") }
      .map { String($0.split(separator: "/").last!) }
  }

  @Test func eachTargetHasRegressionInputs() {
    #expect(Self.inputs("glossary").count >= 5)
    #expect(Self.inputs("scoring-input").count >= 5)
  }

  @Test(arguments: inputs("glossary"))
  func glossaryInputIsReportedWithoutACrash(_ name: String) throws {
    let data = try Data(
      contentsOf: Repository.root.appendingPathComponent("Fuzz/regressions/glossary/\(name)"))
    GlossaryFuzzing.run(Array(data))
  }

  @Test(arguments: inputs("scoring-input"))
  func scoringInputIsReportedWithoutACrash(_ name: String) throws {
    let data = try Data(
      contentsOf: Repository.root.appendingPathComponent("Fuzz/regressions/scoring-input/\(name)"))
    ScoringInputFuzzing.run(Array(data))
  }

  /// The harness itself reaches past validation: the starter's own files, in corpus form, pass
  /// check and go on to the config and the documents without stopping the process.
  @Test(arguments: GlossaryFileKind.allCases)
  func starterFilesGoThroughTheWholeHarness(_ kind: GlossaryFileKind) throws {
    let text = try #require(StarterGlossary.contents(of: kind))
    GlossaryFuzzing.run(GlossaryFuzzing.input(replacing: kind, with: text))
  }
}
