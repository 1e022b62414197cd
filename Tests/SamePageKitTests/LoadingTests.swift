import Foundation
import SamePageKit
import Testing

/// Bad input ends in a clear diagnostic with a place, never a crash or a hang.
@Suite struct LoadingTests {
  func parse(_ text: String) -> [Diagnostic] {
    parse(Array(text.utf8))
  }

  func parse(_ bytes: [UInt8]) -> [Diagnostic] {
    switch YAMLLoader().parse(bytes, displayPath: "Glossary/icp.yaml") {
    case .loaded: return []
    case .failed(let diagnostics): return diagnostics
    }
  }

  @Test func malformedYAMLIsASyntaxErrorWithLineAndColumn() throws {
    let diagnostics = parse("definition: x\nowner: shared\nsegments:\n  - id: a\n   label: [unclosed\n")
    let diagnostic = try #require(diagnostics.first)
    #expect(diagnostic.id == "yaml.syntax")
    #expect(diagnostic.location?.file == "Glossary/icp.yaml")
    #expect(diagnostic.location?.line == 5)
  }

  @Test func invalidUTF8PointsAtTheFirstBadByte() throws {
    let bytes = Array("definition: fine\nowner: caf".utf8) + [0xC3, 0x28] + Array("\n".utf8)
    let diagnostic = try #require(parse(bytes).first)
    #expect(diagnostic.id == "load.not-utf8")
    #expect(diagnostic.location?.line == 2)
    #expect(diagnostic.location?.column == 11)
  }

  @Test(arguments: ["", "   \n\n", "# only a comment\n"])
  func emptyFileIsAnError(_ text: String) throws {
    #expect(parse(text).map(\.id) == ["load.empty"])
  }

  @Test func fiftyMegabyteFileIsRefusedBeforeItIsRead() throws {
    let directory = try TemporaryDirectory()
    let url = directory.url.appendingPathComponent("icp.yaml")
    #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
    let handle = try FileHandle(forWritingTo: url)
    try handle.truncate(atOffset: 50 * 1024 * 1024)  // sparse: no 50 MB written to disk
    try handle.close()
    guard case .failed(let diagnostics) = YAMLLoader().load(contentsOf: url, displayPath: "icp.yaml") else {
      Issue.record("a 50 MB file was accepted")
      return
    }
    #expect(diagnostics.map(\.id) == ["load.too-large"])
    #expect(diagnostics[0].summary.contains("50 MB"))
  }

  @Test func billionLaughsIsStoppedByTheExpansionBudget() throws {
    var text = "definition: x\nowner: shared\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for level in 1..<10 {
      text +=
        "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
        + "]\n"
    }
    let diagnostics = parse(text)
    #expect(diagnostics.map(\.id) == ["yaml.alias-expansion"])
    #expect(diagnostics.first?.location?.line ?? 0 >= 3)
  }

  @Test func smallAliasesAreAllowed() {
    #expect(parse("shared: &countries [US, CA]\nagain: *countries\n").isEmpty)
  }

  @Test(arguments: [10_000, 1_100])
  func deepFlowNestingIsRefused(_ depth: Int) {
    let text =
      "definition: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
    #expect(parse(text).map(\.id) == ["yaml.too-deep"])
  }

  @Test func deepBlockNestingIsRefused() {
    let text = (0..<3000).map { String(repeating: " ", count: $0) + "k:\n" }.joined()
    #expect(parse(text).map(\.id) == ["yaml.too-deep"])
  }

  @Test func duplicateKeyIsReportedAtTheRepeatWithANoteAtTheFirst() throws {
    let diagnostic = try #require(parse("definition: x\nowner: shared\nsegments: []\nowner: sales\n").first)
    #expect(diagnostic.id == "yaml.duplicate-key")
    #expect(diagnostic.location?.line == 4)
    #expect(diagnostic.notes.first?.location?.line == 2)
  }

  /// Keys are read as text, so `100` and `"100"` are the same key to SamePage and must not both
  /// pass because a YAML resolver would call one an integer and the other a string.
  @Test func keysThatReadAsTheSameTextAreDuplicates() throws {
    let diagnostic = try #require(parse("points:\n  100: a\n  \"100\": b\n").first)
    #expect(diagnostic.id == "yaml.duplicate-key")
    #expect(diagnostic.summary.contains("100"), "\(diagnostic.summary)")
  }

  @Test func byteOrderMarkIsIgnored() {
    #expect(parse([0xEF, 0xBB, 0xBF] + Array("definition: x\n".utf8)).isEmpty)
  }

  @Test func keysAndValuesKeepTheirPositions() throws {
    guard
      case .loaded(let file) = YAMLLoader().parse(
        Array("a: 1\nlist:\n  - id: x\n".utf8), displayPath: "f.yaml"),
      case .mapping(let entries) = file.root.content, case .sequence(let items) = entries[1].value.content,
      case .mapping(let item) = items[0].content
    else {
      Issue.record("unexpected shape")
      return
    }
    #expect(entries[1].keyLocation == SourceLocation(file: "f.yaml", line: 2, column: 1))
    #expect(item[0].keyLocation == SourceLocation(file: "f.yaml", line: 3, column: 5))
    #expect(item[0].value.location == SourceLocation(file: "f.yaml", line: 3, column: 9))
  }
}

/// Reading the typed model: unknown keys, wrong types, invalid ids and missing files.
@Suite struct ReadingTests {
  func check(_ file: String, _ transform: (String) -> String) throws -> [Diagnostic] {
    let starter = try String(contentsOf: Repository.glossary.appendingPathComponent(file), encoding: .utf8)
    let changed = transform(starter)
    #expect(changed != starter, "the edit did not apply")
    return try GlossaryUnderTest(replacing: [file: changed]).check().diagnostics
  }

  @Test func unknownKeySuggestsTheNearestField() throws {
    let diagnostics = try check("lead-statuses.yaml") {
      $0.replacingOccurrences(of: "    category: converted", with: "    categroy: converted")
    }
    #expect(diagnostics.map(\.id) == ["glossary.unknown-key"])
    #expect(diagnostics[0].summary == "unknown field 'categroy'; did you mean 'category'?")
    #expect(diagnostics[0].location?.column == 5)
  }

  @Test func wrongTypeNamesTheExpectedType() throws {
    let diagnostics = try check("lead-statuses.yaml") {
      $0.replacingOccurrences(of: "default: true", with: "default: yes")
    }
    #expect(diagnostics.map(\.id) == ["glossary.wrong-type"])
    #expect(diagnostics[0].summary == "'default' must be true or false, found 'yes'")
  }

  @Test func listWhereAMappingBelongsIsAWrongType() throws {
    let diagnostics = try check("sla.yaml") {
      $0.replacingOccurrences(
        of: "  hours: {start: \"08:00\", end: \"17:00\"}", with: "  hours: [\"08:00\", \"17:00\"]")
    }
    #expect(diagnostics.map(\.id) == ["glossary.wrong-type"])
    #expect(diagnostics[0].summary.contains("must be a mapping of fields, found a list"))
  }

  @Test func pathTraversalIDIsRefusedWithAPlace() throws {
    let diagnostics = try check("personas.yaml") {
      $0.replacingOccurrences(of: "  - id: purchasing-agent", with: "  - id: ../../etc")
    }
    #expect(diagnostics.map(\.id) == ["glossary.invalid-id"])
    #expect(diagnostics[0].summary == "'../../etc' is not a valid id")
    #expect(diagnostics[0].location?.file == "personas.yaml")
  }

  @Test func misspeltEnumerationValueGetsASuggestion() throws {
    let diagnostics = try check("sla.yaml") {
      $0.replacingOccurrences(of: "cadence: quarterly", with: "cadence: quartrly")
    }
    #expect(diagnostics.map(\.id) == ["glossary.invalid-value"])
    #expect(diagnostics[0].summary.hasSuffix("did you mean 'quarterly'?"))
  }

  @Test func misspeltKeyIsNotAlsoReportedMissing() throws {
    let diagnostics = try check("icp.yaml") {
      $0.replacingOccurrences(of: "  - id: utilities-water", with: "  - idd: utilities-water")
    }
    #expect(diagnostics.map(\.id) == ["glossary.unknown-key"])
  }

  @Test func missingTermFileNamesTheTerm() throws {
    let glossary = try GlossaryUnderTest()
    try FileManager.default.removeItem(at: glossary.directory.url.appendingPathComponent("deal-stages.yaml"))
    let diagnostics = glossary.check().diagnostics
    #expect(diagnostics.map(\.id) == ["glossary.missing-file"])
    #expect(
      diagnostics[0].summary
        == "deal stages is missing: no file ./deal-stages.yaml".replacingOccurrences(of: "./", with: ""))
  }

  @Test func strayYAMLFileIsAWarningWithASuggestion() throws {
    let diagnostics = try GlossaryUnderTest(replacing: ["lead-status.yaml": "a: 1\n"]).check().diagnostics
    #expect(diagnostics.map(\.id) == ["glossary.unknown-file"])
    #expect(diagnostics[0].severity == .warning)
    #expect(diagnostics[0].summary.contains("did you mean 'lead-statuses.yaml'?"))
  }

  /// A file that cannot be loaded does not stop the others from loading: two broken files,
  /// two different diagnostics, each at its own file.
  @Test func eachFileIsLoadedIndependently() throws {
    let glossary = try GlossaryUnderTest(replacing: ["icp.yaml": "a: [\n"])
    try glossary.directory.write(bytes: [0x64, 0x3A, 0x20, 0xFF, 0x0A], to: "sla.yaml")
    let diagnostics = glossary.check().diagnostics
    #expect(
      diagnostics.map { "\($0.location.map(\.description) ?? "-") [\($0.id)]" } == [
        "icp.yaml:2:1 [yaml.syntax]", "sla.yaml:1:4 [load.not-utf8]",
      ])
    #expect(glossary.check().result.hasUnreadableInput)
  }

  /// Reading the typed model does not stop at the first file with a mistake either.
  @Test func eachFileIsResolvedIndependently() throws {
    let statuses = try String(
      contentsOf: Repository.glossary.appendingPathComponent("lead-statuses.yaml"), encoding: .utf8)
    let sla = try String(contentsOf: Repository.glossary.appendingPathComponent("sla.yaml"), encoding: .utf8)
    let diagnostics = try GlossaryUnderTest(replacing: [
      "lead-statuses.yaml": statuses.replacingOccurrences(
        of: "    category: converted", with: "    categroy: converted"),
      "sla.yaml": sla.replacingOccurrences(of: "cadence: quarterly", with: "cadence: quartrly"),
    ]).check().diagnostics
    #expect(
      diagnostics.map { "\($0.location.map(\.description) ?? "-") [\($0.id)]" } == [
        "lead-statuses.yaml:74:5 [glossary.unknown-key]", "sla.yaml:101:12 [glossary.invalid-value]",
      ])
  }
}
