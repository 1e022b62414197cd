import ArgumentParser
import SamePageKit

/// `samepage rules`: the rule catalogue, generated from the rules' doc comments.
struct Rules: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List every consistency rule with its id, severity and documentation.")

  @Flag(help: "Print the catalogue as Markdown (the README's rule table comes from this).")
  var markdown = false

  @Flag(name: .shortAndLong, help: "Print each rule's full documentation, not only its summary.")
  var verbose = false

  func run() {
    let rules = RuleCatalogue.descriptions.sorted { $0.id < $1.id }
    if markdown {
      print(RuleCatalogue.markdownTable(), terminator: "")
      return
    }
    let width = rules.map(\.id.count).max() ?? 0
    for rule in rules {
      let padding = String(repeating: " ", count: width - rule.id.count)
      print(
        "\(rule.id)\(padding)  \(rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(rule.summary)"
      )
      if verbose {
        for line in rule.documentation.split(separator: "\n", omittingEmptySubsequences: false).dropFirst() {
          print("    \(line)")
        }
        print()
      }
    }
  }
}
