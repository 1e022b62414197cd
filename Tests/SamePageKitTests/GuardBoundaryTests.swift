import Foundation
import SamePageKit
import Testing

/// Guards checked at their boundary, cheaply enough that `Scripts/mutation-check` can run them
/// with the guard removed: without it these tests fail rather than hang or fill memory.
@Suite struct GuardBoundaryTests {
  @Test func replacingAFileSwapsInANewOneAndNeverRewritesTheOldOneInPlace() throws {
    let directory = try TemporaryDirectory()
    let target = directory.url.appendingPathComponent("page.html")
    try AtomicFile.write(Data("old page\n".utf8), to: target)
    // A reader that opened the old file (a web server, a sync client) must go on seeing it
    // whole: an atomic replacement renames a new file over the name, so the old one is intact.
    let reader = try FileHandle(forReadingFrom: target)
    defer { try? reader.close() }
    try AtomicFile.write(Data("the new page, longer than the old one\n".utf8), to: target)
    #expect(String(decoding: try reader.readToEnd() ?? Data(), as: UTF8.self) == "old page\n")
    #expect(try String(contentsOf: target, encoding: .utf8) == "the new page, longer than the old one\n")
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.url.path)
    #expect(names == ["page.html"], "no temporary file is left: \(names)")
  }

  /// `a0` holds 1 000 scalars (1 001 values with its list). Each `*a0` copies all 1 001, and only
  /// copies count against the budget of 1 000 000: 999 copies are 999 999 values, 1 000 copies
  /// are 1 001 000.
  static func aliases(_ copies: Int) -> [UInt8] {
    let list = "[" + Array(repeating: "x", count: 1_000).joined(separator: ", ") + "]"
    let refs = "[" + Array(repeating: "*a0", count: copies).joined(separator: ", ") + "]"
    return Array("definition: x\nowner: shared\na0: &a0 \(list)\na1: \(refs)\n".utf8)
  }

  @Test func aliasesExpandingJustPastTheBudgetAreRefusedAndJustBelowAccepted() {
    switch YAMLLoader().parse(Self.aliases(999), displayPath: "icp.yaml") {
    case .loaded: break
    case .failed(let diagnostics):
      Issue.record("999 999 copied values were refused: \(diagnostics.map(\.id))")
    }
    switch YAMLLoader().parse(Self.aliases(1_000), displayPath: "icp.yaml") {
    case .loaded: Issue.record("1 001 000 copied values were accepted")
    case .failed(let diagnostics): #expect(diagnostics.map(\.id) == ["yaml.alias-expansion"])
    }
  }
}
