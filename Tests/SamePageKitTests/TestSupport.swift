import Foundation
import SamePageKit

/// Paths into the repository, found from this file so tests run from any directory.
enum Repository {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let fixtures = root.appendingPathComponent("Tests/SamePageKitTests/Fixtures")
  static let glossary = root.appendingPathComponent("Glossary")
}

/// A scratch directory that removes itself.
final class TemporaryDirectory {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("samepage-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  /// Writes `name` (which may name subfolders, created as needed).
  func write(_ text: String, to name: String) throws {
    let file = url.appendingPathComponent(name)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: file)
  }

  /// For bytes a String cannot hold (invalid UTF-8).
  func write(bytes: [UInt8], to name: String) throws {
    try Data(bytes).write(to: url.appendingPathComponent(name))
  }

  func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// The starter glossary in a temporary directory, with some files replaced.
struct GlossaryUnderTest {
  let directory: TemporaryDirectory

  init(overlay: URL? = nil, replacing files: [String: String] = [:]) throws {
    directory = try TemporaryDirectory()
    _ = try StarterGlossary.write(to: directory.url, mode: .intoEmpty)
    if let overlay {
      for name in try FileManager.default.contentsOfDirectory(atPath: overlay.path) {
        let target = directory.url.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.copyItem(at: overlay.appendingPathComponent(name), to: target)
      }
    }
    for (name, text) in files { try directory.write(text, to: name) }
  }

  /// Loads and, when loading succeeded, validates; paths in diagnostics are bare file names.
  /// With `againstStarter`, as `check --base` against the unchanged starter: the change rules run too.
  func check(againstStarter: Bool = false) -> (result: GlossaryLoader.Result, diagnostics: [Diagnostic]) {
    let result = GlossaryLoader().load(directory: directory.url, displayDirectory: ".")
    var diagnostics = result.diagnostics + (result.glossary.map { Validator.validate($0) } ?? [])
    if againstStarter, let head = result.glossary, let base = Self.starter() {
      diagnostics += Validator.validate(GlossaryComparison(base: base, head: head))
    }
    return (result, diagnostics.sorted())
  }

  static func starter() -> Glossary? {
    guard let starter = try? GlossaryUnderTest() else { return nil }
    return GlossaryLoader().load(directory: starter.directory.url, displayDirectory: "starter").glossary
  }

  /// Whether a rule judges a change (and so needs a base to report anything).
  static func isChangeRule(_ id: String) -> Bool {
    RuleCatalogue.ruleTypes.contains { $0.id == id && $0 is any ChangeRule.Type }
  }
}

/// Where a fixture says a diagnostic belongs: lines ending in `# expect: <rule-id>`.
struct ExpectedFinding: Hashable, CustomStringConvertible {
  var file: String
  var line: Int
  var id: String

  var description: String { "\(file):\(line) [\(id)]" }

  static func markers(in directory: URL) throws -> Set<ExpectedFinding> {
    var found: Set<ExpectedFinding> = []
    // Files in subfolders (translations/pl-PL.yaml) are named by their relative path.
    let names = (FileManager.default.enumerator(atPath: directory.path)?.allObjects as? [String] ?? [])
      .filter {
        !$0.hasSuffix("/")
          && FileManager.default.isReadableFile(atPath: directory.appendingPathComponent($0).path)
      }
    for name in names {
      var isDirectory: ObjCBool = false
      FileManager.default.fileExists(
        atPath: directory.appendingPathComponent(name).path, isDirectory: &isDirectory)
      if isDirectory.boolValue { continue }
      let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
      for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        guard let range = line.range(of: "# expect: ") else { continue }
        found.insert(ExpectedFinding(file: name, line: index + 1, id: String(line[range.upperBound...])))
      }
    }
    return found
  }
}
