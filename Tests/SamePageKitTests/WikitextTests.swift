import Foundation
import Testing

@testable import SamePageKit

/// Wikitext from the CommonMark tree: structure as markup, every user character as text.
@Suite struct WikitextTests {
  func wikitext(
    _ markdown: String, titles: [String: String] = ["lead-statuses.html": "Acme glossary – Lead statuses"]
  )
    -> String
  {
    let document = CommonMarkDocument(markdown: markdown)
    document.sanitize(rewriteLink: DocumentRenderer.htmlLink)
    return document.renderWikitext(pageTitles: titles)
  }

  @Test func headingsListsEmphasisAndCodeBecomeWikitext() {
    let text = wikitext(
      "# Title\n\n## Part\n\nSome *soft* and **strong** `code`.\n\n- one\n- two\n  1. nested\n\n```\nx < y\n```\n\n---\n"
    )
    #expect(
      text
        == "= Title =\n\n== Part ==\n\nSome ''soft'' and '''strong''' <code>code</code>.\n\n* one\n* two\n*# nested\n\n<pre>x &lt; y</pre>\n\n----"
    )
  }

  @Test func linksToPagesAndAnchorsUseTheWikiTitles() {
    let text = wikitext(
      "<a id=\"mql\"></a>\n\nSee [New](lead-statuses.md#status-new), [here](#mql), [out](https://example.com/a b) and [gone](other.md).\n"
    )
    #expect(text.hasPrefix("<span id=\"mql\"></span>\n\n"))
    #expect(text.contains("[[Acme glossary – Lead statuses#status-new|New]]"))
    #expect(text.contains("[[#mql|here]]"))
    #expect(text.contains("gone"))
    #expect(!text.contains("other"))
  }

  @Test func userTextCannotBecomeMarkup() {
    let text = wikitext(
      "{{SomeTemplate}} [[Category:X]] <script>alert(1)</script> ]]> ~~~~ \\_\\_NOTOC\\_\\_ | = ' # * : ; https://x.example\n"
    )
    for markup in ["{{", "}}", "[[", "]]", "<script", "~~~", "__", "|", "=", "''", "https:"] {
      #expect(!text.contains(markup), "\(markup) survived in \(text)")
    }
    #expect(text.contains("&#123;&#123;SomeTemplate&#125;&#125;"))
    #expect(text.contains("&lt;script&gt;"))
  }

  @Test func aParagraphThatLooksLikeAListOrHeadingStaysText() {
    let text = wikitext("\\* not a list\n\n\\# not numbered\n\n\\= not a heading =\n")
    #expect(
      !text.split(separator: "\n").contains { $0.hasPrefix("*") || $0.hasPrefix("#") || $0.hasPrefix("=") })
  }

  @Test func theBundledPagesHaveNoUnescapedUserMarkup() throws {
    guard case .loaded(let templates) = TemplateSet.bundled() else {
      Issue.record("the bundled templates do not load")
      return
    }
    let (pages, _) = DocumentRenderer(templates: templates).render(GlossaryLoader.starterGlossary)
    let wikiPages = MediaWikiPublisher.pages(
      pages, titles: try WikiTitles(prefix: "Acme"), category: "Acme agreement", glossaryVersion: "2.3.0")
    #expect(wikiPages.count == 13)
    for page in wikiPages {
      #expect(!page.wikitext.contains("{{"), "\(page.title)")
      #expect(page.wikitext.hasSuffix("[[Category:Acme agreement]]"))
    }
  }

  @Test func aParagraphStartingWithDashesIsNotARule() {
    let text = wikitext("----x\n")
    #expect(text == "&#45;---x")
  }

  @Test func pipeTablesBecomeWikitextTablesWithEscapedCells() {
    let document = CommonMarkDocument(
      markdown: "| Term | Meaning |\n| --- | ---: |\n| **MQL** | a \\| b !! c |\n", tables: true)
    document.sanitize()
    let text = document.renderWikitext(pageTitles: [:])
    #expect(
      text
        == "{| class=\"wikitable\"\n|-\n! Term\n! style=\"text-align: right\" | Meaning\n|-\n| '''MQL'''\n| style=\"text-align: right\" | a &#124; b &#33;&#33; c\n|}"
    )
  }
}
