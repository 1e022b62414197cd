import Foundation
import SamePageKit
import Testing

/// Every option of every subcommand is run by some CLI test. The command tree comes from the
/// binary (`--experimental-dump-help`, ArgumentParser's JSON), so a new option is found at once.
///
/// Why the test sources are read rather than the invocations recorded at run time: Swift
/// Testing runs suites in parallel and in no fixed order, so a test that compared recorded
/// invocations would run before some of the tests it judges and pass or fail by scheduling.
/// Reading the sources is deterministic. It is made as strict as a static reading can be: an
/// option counts for a subcommand only when one declaration (a test, or a helper it calls) both
/// runs the binary and holds the subcommand's name and the option as string literals, such as
/// `samepage("rules", "--verbose")`. A literal in a comment, or in code that never runs the
/// binary, does not count.
@Suite struct OptionCoverageTests {
  /// Options no test needs to run, each with the reason.
  static let exempt: Set<String> = [
    // ArgumentParser's own help and version flags, on every command: their output is the
    // library's, not SamePage's. (The root's --version is run below.)
    "--help",
    "--version",
  ]

  /// What runs the binary in a test: the CLI tests' helpers and the binary's path.
  static let invocationMarkers = ["samepage(", "samepageArguments(", "CLITests.binary", "Self.binary"]

  /// Long option names by subcommand, from the binary's own description of itself.
  static func commandTree() throws -> [String: Set<String>] {
    let run = try ProcessRunner.run(CLITests.binary, ["--experimental-dump-help"])
    try #require(run.status == 0, "\(run.error)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
    let root = try #require(json["command"] as? [String: Any])
    var tree: [String: Set<String>] = [:]
    for command in root["subcommands"] as? [[String: Any]] ?? [] {
      let name = try #require(command["commandName"] as? String)
      guard name != "help" else { continue }  // ArgumentParser's `help` subcommand
      var options: Set<String> = []
      for argument in command["arguments"] as? [[String: Any]] ?? [] {
        guard argument["kind"] as? String != "positional" else { continue }
        for spelling in argument["names"] as? [[String: Any]] ?? []
        where spelling["kind"] as? String == "long" {
          options.insert("--" + (spelling["name"] as? String ?? ""))
        }
      }
      tree[name] = options
    }
    return tree
  }

  /// The test sources cut into member-level declarations (`@Test` functions and helpers), with
  /// comments removed, keeping only those that run the binary.
  static func invokingDeclarations() throws -> [String] {
    let directory = Repository.root.appendingPathComponent("Tests/SamePageKitTests")
    var declarations: [String] = []
    for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    where name.hasSuffix(".swift") && name != "OptionCoverageTests.swift" {
      let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
      var current = ""
      for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        let trimmed = line.drop { $0 == " " }
        if trimmed.hasPrefix("//") { continue }
        let indent = line.count - trimmed.count
        if indent == 2,
          trimmed.hasPrefix("@Test") || trimmed.hasPrefix("func ") || trimmed.hasPrefix("static func ")
        {
          declarations.append(current)
          current = ""
        }
        current += line + "\n"
      }
      declarations.append(current)
    }
    return declarations.filter { declaration in invocationMarkers.contains { declaration.contains($0) } }
  }

  @Test func everyOptionOfEverySubcommandIsRunBySomeCLITest() throws {
    let tree = try Self.commandTree()
    #expect(tree.count >= 10, "the command tree is smaller than expected: \(tree.keys.sorted())")
    let declarations = try Self.invokingDeclarations()
    #expect(declarations.count >= 20, "the source scan found too few CLI tests to be trusted")
    var unused: [String] = []
    for (command, options) in tree.sorted(by: { $0.key < $1.key }) {
      let running = declarations.filter { $0.contains("\"\(command)\"") }
      if running.isEmpty { unused.append("\(command) (never run)") }
      for option in options.subtracting(Self.exempt).sorted()
      where !running.contains(where: { $0.contains("\"\(option)\"") }) {
        unused.append("\(command) \(option)")
      }
    }
    #expect(unused.isEmpty, "options no CLI test runs: \(unused.joined(separator: ", "))")
  }

  @Test func theRootVersionFlagPrintsTheVersion() throws {
    let run = try ProcessRunner.run(CLITests.binary, ["--version"])
    #expect(run.status == 0)
    #expect(run.output.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(run.output)")
  }
}
