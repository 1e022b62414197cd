import Foundation
import SamePageKit
import Testing

/// Pipe tables as the templates write them, through libcmark: cells are CommonMark, the
/// sanitizer reaches into them, and nothing that is not a table becomes one.
@Suite struct PipeTableTests {
  func html(_ markdown: String) -> String {
    let document = CommonMarkDocument(markdown: markdown, tables: true)
    document.sanitize(rewriteLink: { $0.replacingOccurrences(of: ".md", with: ".html") })
    return document.renderHTML().replacingOccurrences(of: "\n", with: "")
  }

  @Test func aTableBecomesHeaderAndBodyRowsWithCommonMarkCells() {
    let output = html("| Term | Meaning |\n| --- | ---: |\n| [MQL](glossary.md#mql) | **fit** 40 |\n")
    #expect(
      output
        == "<table><thead><tr><th><p>Term</p></th><th style=\"text-align: right\"><p>Meaning</p></th></tr></thead>"
        + "<tbody><tr><td><p><a href=\"glossary.html#mql\">MQL</a></p></td><td style=\"text-align: right\"><p><strong>fit</strong> 40</p></td></tr></tbody></table>"
    )
  }

  @Test func anEscapedPipeStaysInItsCellAndShortRowsArePadded() {
    let output = html("| a | b |\n| :-: | :-- |\n| x \\| y |\n")
    #expect(
      output.contains(
        "<td style=\"text-align: center\"><p>x | y</p></td><td style=\"text-align: left\"></td>"))
  }

  @Test func unsafeLinksInCellsAreNeutralisedAndRawHTMLIsText() {
    let output = html("| a |\n| --- |\n| [x](javascript:alert(1)) <b>bold</b> |\n")
    #expect(!output.contains("javascript:"))
    #expect(output.contains("&lt;b&gt;bold&lt;/b&gt;"))
  }

  @Test func proseCodeAndHalfTablesStayWhatTheyAre() {
    // Prose with pipes, a table in a code fence, a header without a delimiter row, and a
    // table that does not start a paragraph.
    for markdown in [
      "a | b\n--- | ---\n", "```\n| a |\n| --- |\n```\n", "| a | b |\n| not a delimiter |\n",
      "Some text\n| a |\n| --- |\n", "| a | b |\n| --- |\n",
    ] {
      #expect(!html(markdown).contains("<table>"), "\(markdown)")
    }
  }

  @Test func linesAfterATableKeepTheirNumbersForLinkChecks() {
    let document = CommonMarkDocument(
      markdown: "| a |\n| --- |\n| [one](one.md) |\n| [two](two.md) |\n\n[three](three.md)\n", tables: true)
    document.sanitize()
    #expect(document.links.map(\.line) == [3, 4, 6])
  }

  @Test func aPipeInAPlainValueIsEscapedSoItCannotSplitACell() throws {
    let statuses = try String(
      contentsOf: Repository.glossary.appendingPathComponent("icp.yaml"), encoding: .utf8)
    let edited = try GlossaryUnderTest(replacing: [
      "icp.yaml": statuses.replacingOccurrences(of: "gmail.com", with: "gmail.com|evil")
    ])
    try #require(statuses.contains("gmail.com"))
    let (pages, _) = try RenderTests().render(edited)
    let sla = try RenderTests().page(pages, .sla)
    #expect(sla.markdown.contains("| Personal email domains | gmail.com\\|evil, yahoo.com"))
    #expect(sla.htmlBody.contains("<p>gmail.com|evil, yahoo.com, hotmail.com, outlook.com</p>"))
  }
}
