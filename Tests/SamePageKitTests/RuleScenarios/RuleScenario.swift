import Foundation
import SamePageKit
import Testing

/// A small edit of the starter glossary and every finding it must produce, in the manner of
/// swift-format's rule tests: each expected finding names the line it must appear on (by text
/// that occurs on exactly one line of the edited file) and its exact summary, and a scenario
/// with no expected findings is one the rules must stay quiet on.
struct RuleScenario: CustomTestStringConvertible, Sendable {
  struct Edit: Sendable {
    var file: String
    var original: String
    var replacement: String
  }

  struct Finding: Hashable, Sendable, CustomStringConvertible {
    var file: String
    var line: Int
    var id: String
    var summary: String

    var description: String { "\(file):\(line) \(summary) [\(id)]" }
  }

  struct Expected: Sendable {
    var file: String
    /// Text that occurs on exactly one line of the edited file, or is exactly one line once
    /// trimmed, or (starting with `^`) starts exactly one line: the line of the finding.
    var at: String
    var id: String
    var summary: String
  }

  var name: String
  var edits: [Edit]
  var expected: [Expected]

  var testDescription: String { name }

  /// One edit of one file.
  init(
    _ name: String, file: String, replacing original: String, with replacement: String,
    expect expected: [Expected]
  ) {
    self.init(name, edits: [Edit(file: file, original: original, replacement: replacement)], expect: expected)
  }

  init(_ name: String, edits: [Edit], expect expected: [Expected]) {
    self.name = name
    self.edits = edits
    self.expected = expected
  }

  /// Applies the edits to the starter glossary, checks it, and compares every diagnostic
  /// (file, line, id and summary) with the expected ones.
  func run() throws {
    var files: [String: String] = [:]
    for edit in edits {
      let text =
        try files[edit.file]
        ?? String(contentsOf: Repository.glossary.appendingPathComponent(edit.file), encoding: .utf8)
      let occurrences = text.components(separatedBy: edit.original).count - 1
      try #require(occurrences == 1, "'\(edit.original)' occurs \(occurrences) times in \(edit.file)")
      files[edit.file] = text.replacingOccurrences(of: edit.original, with: edit.replacement)
    }
    var expectedFindings: Set<Finding> = []
    for finding in expected {
      let text =
        try files[finding.file]
        ?? String(contentsOf: Repository.glossary.appendingPathComponent(finding.file), encoding: .utf8)
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      var matches = lines.indices.filter { lines[$0].contains(finding.at) }
      if finding.at.hasPrefix("^") {
        matches = lines.indices.filter { lines[$0].hasPrefix(finding.at.dropFirst()) }
      } else if matches.count > 1 {
        // Text that is also part of longer lines names the line that is exactly it.
        matches = matches.filter { lines[$0].trimmingCharacters(in: .whitespaces) == finding.at }
      }
      try #require(matches.count == 1, "'\(finding.at)' is on \(matches.count) lines of \(finding.file)")
      expectedFindings.insert(
        Finding(file: finding.file, line: matches[0] + 1, id: finding.id, summary: finding.summary))
    }
    let (_, diagnostics) = try GlossaryUnderTest(replacing: files).check()
    let actual = Set(
      diagnostics.map {
        Finding(file: $0.location?.file ?? "-", line: $0.location?.line ?? 0, id: $0.id, summary: $0.summary)
      })
    #expect(
      actual == expectedFindings,
      "missing: \(expectedFindings.subtracting(actual).sorted { $0.description < $1.description }); unexpected: \(actual.subtracting(expectedFindings).sorted { $0.description < $1.description })"
    )
  }
}
