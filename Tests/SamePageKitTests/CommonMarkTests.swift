import SamePageKit
import Testing

@Suite struct CommonMarkTests {
  func html(_ markdown: String) -> (html: String, document: CommonMarkDocument) {
    let document = CommonMarkDocument(markdown: markdown)
    document.sanitize()
    return (document.renderHTML(), document)
  }

  @Test func systemLibcmarkIsLinked() {
    let parts = CommonMarkDocument.libraryVersion.split(separator: ".").compactMap { Int($0) }
    #expect(parts.count == 3)
    #expect(parts.first == 0 && parts[1] >= 29)
  }

  @Test func scriptBlockBecomesVisibleText() {
    let (output, document) = html("Before\n\n<script>alert('x')</script>\n\nAfter\n")
    #expect(!output.contains("<script"))
    #expect(output.contains("&lt;script&gt;alert('x')&lt;/script&gt;"))
    #expect(document.escapedHTMLCount == 1)
  }

  @Test func inlineImageWithOnerrorBecomesText() {
    let (output, _) = html("A lead <img src=x onerror=alert(1)> here\n")
    #expect(!output.contains("<img"))
    #expect(output.contains("&lt;img src=x onerror=alert(1)&gt;"))
  }

  @Test(arguments: [
    "javascript:alert(1)", "JavaScript:alert(1)", "java\tscript:alert(1)", " javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox(1)", "file:///etc/passwd",
  ])
  func unsafeLinkLosesItsDestinationButKeepsItsText(_ url: String) {
    let (output, document) = html("[click me](<\(url)>) and ![logo](<\(url)>)\n")
    #expect(!output.contains("href"))
    #expect(!output.contains("<img"))
    #expect(output.contains("click me"))
    #expect(output.contains("logo"))
    #expect(document.neutralizedLinkCount == 2)
  }

  @Test func safeLinksSurviveAndRelativeOnesAreRewritten() {
    let document = CommonMarkDocument(
      markdown: "[a](https://example.com) [b](mailto:x@example.com) [c](glossary.md#mql) [d](#sql)\n")
    document.sanitize { $0.replacingOccurrences(of: ".md", with: ".html") }
    let output = document.renderHTML()
    #expect(output.contains("href=\"https://example.com\""))
    #expect(output.contains("href=\"mailto:x@example.com\""))
    #expect(output.contains("href=\"glossary.html#mql\""))
    #expect(
      document.links.map(\.url) == [
        "https://example.com", "mailto:x@example.com", "glossary.html#mql", "#sql",
      ])
  }

  @Test func templateAnchorLineBecomesAnAnchorButLooserHTMLDoesNot() {
    let (output, document) = html(
      "<a id=\"mql\"></a>\n\n### MQL\n\n<a id=\"x\" onclick=\"evil()\"></a>\n\n<a id=\"../etc\"></a>\n")
    #expect(document.anchors == ["mql"])
    #expect(output.hasPrefix("<a id=\"mql\"></a>\n<h3>MQL</h3>"))
    #expect(!output.contains("onclick=\"evil"))
    #expect(output.contains("&lt;a id=&quot;../etc&quot;&gt;&lt;/a&gt;"))
  }

  @Test func sanitizingTwiceChangesNothing() {
    let document = CommonMarkDocument(markdown: "<b>x</b> [y](javascript:z)\n\n<a id=\"k\"></a>\n")
    document.sanitize()
    let once = document.renderHTML()
    document.sanitize()
    #expect(document.renderHTML() == once)
    #expect(document.anchors == ["k"])
  }
}
