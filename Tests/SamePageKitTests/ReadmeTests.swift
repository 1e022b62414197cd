import Foundation
import SamePageKit
import Testing

@Suite struct ReadmeTests {
  @Test func readmeRuleTableMatchesTheCatalogue() throws {
    let readme = try String(contentsOf: Repository.root.appendingPathComponent("README.md"), encoding: .utf8)
    let start = try #require(readme.range(of: "<!-- rules:begin -->\n"))
    let end = try #require(readme.range(of: "<!-- rules:end -->"))
    #expect(
      String(readme[start.upperBound..<end.lowerBound]) == RuleCatalogue.markdownTable(),
      "run: swift run samepage rules --markdown, and paste between the markers")
  }
}
