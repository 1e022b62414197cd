import Foundation
import Testing

@testable import SamePageKit

/// A plain value placed by a template prints exactly as written, wherever the template puts
/// it — inside a sentence, at the start of a line, in a list item, in a heading — while the
/// Markdown escapes only what would change the meaning there.
@Suite struct MarkdownEscapingTests {
  static let tricky = [
    "Version 2.3.0", "+30", "-5 points", "1. first", "2) second", "1.5", "100.", "# heading", "#1 lead",
    "###### six", "####### seven", "> quote", "a > b", "- item", "+ item", "+", "-", "--", "---", "***",
    "___",
    "==", "= x", "~~~", "~~ x", "snake_case_name", "_emph_", "a_", "*bold*", "**x**", "`code`", "[link](x)",
    "![img](x)", "!important", "<b>x</b>", "<http://x.example>", "AT&T", "&amp;", "&#35;", "&#x23;", "&copy;",
    "Fish & Chips", "50% | 60%", "{{name}}", "a\\b", "ends with \\", "\\*", "C#", "foo #", "foo \\#",
    "Lifecycle & <States>", "Tier 1 — core", "price: $5", "x ~~y~~", "zwrócono-brak-gotowości",
    "ırmak İstanbul",
    "ลีดที่ผ่านเกณฑ์", "a  b", "\"quoted\" 'single'", "back`tick", "[", "]", "!", "\\", "&", "#", "<", ">",
  ]

  /// Deterministic strings over the characters that matter, for what the list misses.
  static let generated: [String] = {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    let alphabet = Array("ab1 #*_-+=.)>!&;[]`\\<~x9")
    return (0..<3000).map { _ in
      var text = ""
      for _ in 0..<(1 + Int(state % 9)) {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        text.append(alphabet[Int(state >> 33) % alphabet.count])
      }
      return text.trimmingCharacters(in: .whitespaces)
    }.filter { !$0.isEmpty }
  }()

  static func html(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }

  static func rendered(_ markdown: String) -> String {
    CommonMarkDocument(markdown: markdown).renderHTML()
  }

  func expectPrintsAsWritten(_ value: String) {
    let escaped = MarkdownContentType.escape(value)
    let text = Self.html(value)
    let contexts: [(markdown: String, html: String)] = [
      (escaped, "<p>\(text)</p>\n"),
      ("Before \(escaped) after", "<p>Before \(text) after</p>\n"),
      ("- \(escaped)", "<ul>\n<li>\(text)</li>\n</ul>\n"),
      ("## \(escaped)", "<h2>\(text)</h2>\n"),
      ("**Label:** \(escaped)", "<p><strong>Label:</strong> \(text)</p>\n"),
      ("\(escaped)\nnext line", "<p>\(text)\nnext line</p>\n"),
    ]
    for context in contexts {
      #expect(
        Self.rendered(context.markdown) == context.html,
        "'\(value)' escaped as '\(escaped)' in '\(context.markdown)'")
    }
  }

  @Test(arguments: tricky)
  func trickyValuesPrintAsWritten(_ value: String) { expectPrintsAsWritten(value) }

  @Test func generatedValuesPrintAsWritten() {
    for value in Self.generated { expectPrintsAsWritten(value) }
  }

  /// What people paste into Notion, Google Docs or a GitHub comment reads clean.
  @Test(arguments: [
    ("Version 2.3.0", "Version 2.3.0"), ("+30", "+30"), ("AT&T", "AT&T"),
    ("snake_case_name", "snake_case_name"),
    ("-5 points", "-5 points"), ("C#", "C#"), ("a > b", "a > b"),
    ("{{name}}", "{{name}}"), ("!important", "!important"),
  ])
  func harmlessCharactersAreNotEscaped(_ value: String, _ expected: String) {
    #expect(MarkdownContentType.escape(value) == expected)
  }

  /// A pipe ends a table cell, and a value cannot know whether it lands in one.
  @Test func aPipeIsEscapedBecauseItMaySplitATableCell() {
    #expect(MarkdownContentType.escape("50% | 60%") == "50% \\| 60%")
    let cell = "| a |\n| --- |\n| \(MarkdownContentType.escape("50% | 60%")) |\n"
    let document = CommonMarkDocument(markdown: cell, tables: true)
    document.sanitize()
    #expect(document.renderHTML().contains("<p>50% | 60%</p>"))
  }

  /// The byte check that lets most values through unchanged must never let through a value the
  /// character-by-character escape would change: random values over the characters that
  /// matter at the start, inside and at the end of a line.
  @Test func theFastPathNeverSkipsAnEscape() {
    let alphabet: [Character] = Array("ab Z9_0.)#~>-+=`*[]<|\\&;x\n\r\tłı ")
    var generator = SystemRandomNumberGenerator()
    var plainSeen = 0
    for _ in 0..<20_000 {
      let length = Int.random(in: 0...6, using: &generator)
      let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
      if MarkdownContentType.isPlain(text) {
        plainSeen += 1
        #expect(MarkdownContentType.escapeEachCharacter(text) == text, "\(text.debugDescription)")
      }
    }
    #expect(plainSeen > 1000)
    for label in [
      "Marketing Qualified Lead", "Version 2.3.0", "AT&T", "snake_case", "1. Intro", "# x", "x #",
    ] {
      #expect(MarkdownContentType.escape(label) == MarkdownContentType.escapeEachCharacter(label))
    }
  }
}

/// The byte helpers that replaced Foundation calls on the render path must agree with them.
@Suite struct TextHelperTests {
  @Test func firstSentenceAgreesWithTheFoundationVersion() {
    func reference(_ markdown: String) -> String {
      let plain = markdown.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "\n", with: " ")
      guard let end = plain.range(of: ". ") else { return plain.trimmingCharacters(in: .whitespaces) }
      return String(plain[..<end.lowerBound]) + "."
    }
    let alphabet = Array("ab*. \n\tłı€")
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<5_000 {
      let length = Int.random(in: 0...12, using: &generator)
      let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
      #expect(Format.firstSentence(text) == reference(text), "\(text.debugDescription)")
    }
    #expect(Format.firstSentence("A **lead** is a contact. It has an email.") == "A lead is a contact.")
  }

  @Test func anchorsAreExactlyWhatTemplatesWrite() {
    #expect(CommonMarkDocument.anchorID(in: "<a id=\"mql\"></a>") == "mql")
    #expect(CommonMarkDocument.anchorID(in: "<a id=\"status-new\"></a>\n") == "status-new")
    #expect(CommonMarkDocument.anchorID(in: "<a id=\"mql\"></a>\u{A0}") == "mql")
    for notAnAnchor in [
      "<a id=\"MQL\"></a>", "<a id=\"\"></a>", "<a id=\"a\"b\"></a>", "<a id=\"x\"></a>junk",
      "<a id='x'></a>",
      "<b id=\"x\"></b>", "<a id=\"x\" onclick=\"y\"></a>",
    ] {
      #expect(CommonMarkDocument.anchorID(in: notAnAnchor) == nil, "\(notAnAnchor)")
    }
  }

  @Test func anOpenTagGivesTheSameAnchorAsTheWholeTag() {
    for tag in [
      "<a id=\"mql\">", "<a id=\"MQL\">", "<a id=\"\">", "<a id=\"a\"b\">", "<a id=\"x\" >", "<a id='x'>",
      "<b id=\"x\">",
      "<a id=\"status-new\">", "<a id=\"x\">y",
    ] {
      let fromBuffer = tag.withCString { CommonMarkDocument.anchorID(openTag: $0) }
      #expect(fromBuffer == CommonMarkDocument.anchorID(in: tag + "</a>"), "\(tag)")
    }
  }

  @Test func containsBytesFindsFragmentsAnywhere() {
    #expect("glossary.md#mql".containsBytes("#"))
    #expect("zły moment](x)".containsBytes("]("))
    #expect(!"zły moment".containsBytes("]("))
    #expect("abc"[...].dropFirst().containsBytes("bc"))
    #expect(!"ab".containsBytes("abc"))
    #expect("".containsBytes(""))
  }
}
