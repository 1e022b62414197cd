import Foundation
import SamePageKit
import Testing

/// One agreement in two languages, as a translator works on it: the file `translations
/// update` writes, the documents rendered per locale, and the stale and missing reports.
@Suite struct TranslationTests {
  func samepage(_ arguments: String..., in folder: URL) throws -> ProcessRunner.Result {
    try ProcessRunner.run(CLITests.binary, arguments, currentDirectory: folder)
  }

  func edit(_ file: URL, _ old: String, _ new: String) throws {
    let text = try String(contentsOf: file, encoding: .utf8)
    try #require(text.contains(old), "'\(old)' not in \(file.lastPathComponent)")
    try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
  }

  @Test func aTranslatorFillsTheFileRendersBothLanguagesAndSeesStaleTextsAfterAnEdit() throws {
    let folder = try TemporaryDirectory()
    let glossary = folder.url.appendingPathComponent("Glossary")
    #expect(try samepage("init", in: folder.url).status == 0)
    try edit(
      glossary.appendingPathComponent("samepage.yaml"), "locale: en-US\n",
      "locale: en-US\ntranslations: [pl-PL]\n")

    let before = try samepage("check", in: folder.url)
    #expect(
      before.output.contains("warning: there is no translation file for pl-PL [translation.up-to-date]"))

    let update = try samepage("translations", "update", "--locale", "pl-PL", in: folder.url)
    #expect(update.status == 0, "\(update.error)")
    let file = glossary.appendingPathComponent("translations/pl-PL.yaml")
    let written = try String(contentsOf: file, encoding: .utf8)
    let count = try #require(GlossaryCheck(directory: glossary, displayDirectory: "G").glossary).texts.count
    #expect(update.output.contains("Glossary/translations/pl-PL.yaml: \(count) texts added to translate"))
    #expect(written.contains("  lifecycle-stages/stage/mql/label:\n    text: \"\"\n"))
    #expect(written.contains("    from: \"Marketing-qualified lead (MQL)\"\n"))

    // Untranslated texts are warnings at the source text, with the translation file as a note.
    let missing = try samepage("check", "--format", "json", in: folder.url)
    #expect(missing.status == 0)
    #expect(
      missing.output.contains("'lifecycle-stages/stage/mql/label' has no pl-PL translation")
        || missing.output.contains("more texts have no pl-PL translation"))

    try edit(
      file, "  lifecycle-stages/stage/mql/label:\n    text: \"\"",
      "  lifecycle-stages/stage/mql/label:\n    text: \"Lead kwalifikowany marketingowo (MQL)\"")
    let render = try samepage("render", "--out", "out", "--format", "markdown", in: folder.url)
    #expect(render.status == 0, "\(render.error)")
    let polish = try String(
      contentsOf: folder.url.appendingPathComponent("out/pl-PL/sla.md"), encoding: .utf8)
    let english = try String(contentsOf: folder.url.appendingPathComponent("out/sla.md"), encoding: .utf8)
    #expect(polish.hasPrefix("# Umowa o poziomie usług między marketingiem a sprzedażą"))
    #expect(polish.contains("### Lead kwalifikowany marketingowo (MQL)"))
    // Same ids, same anchors: the link target does not change with the language.
    #expect(polish.contains("[Lead kwalifikowany marketingowo (MQL)](glossary.md#mql)"))
    #expect(english.contains("### Marketing-qualified lead (MQL)"))

    // The source changes: the translation is stale, reported with both places.
    try edit(
      glossary.appendingPathComponent("lifecycle-stages.yaml"), "    label: Marketing-qualified lead (MQL)",
      "    label: Marketing qualified lead (MQL)")
    let stale = try samepage("check", in: folder.url)
    #expect(
      stale.output.contains(
        "warning: the pl-PL translation of 'lifecycle-stages/stage/mql/label' was made from an earlier text"))
    #expect(
      stale.output.contains(
        "Glossary/lifecycle-stages.yaml:27:12: note: the source text now reads: Marketing qualified lead (MQL)"
      ))
    let confirm = try samepage(
      "translations", "confirm", "--locale", "pl-PL", "lifecycle-stages/stage/mql/label", in: folder.url)
    #expect(confirm.output.contains("1 translations confirmed"))
    #expect(!(try samepage("check", in: folder.url)).output.contains("earlier text"))
    // The translator's text survived both commands.
    #expect(try String(contentsOf: file, encoding: .utf8).contains("Lead kwalifikowany marketingowo (MQL)"))
  }

  /// The reverse direction: a Polish agreement with an English translation for head office.
  @Test func aPolishGlossaryRendersItsEnglishTranslationInEnglishWordsAndFormats() throws {
    let folder = try TemporaryDirectory()
    let glossary = folder.url.appendingPathComponent("Glossary")
    #expect(try samepage("init", "--locale", "pl-PL", in: folder.url).status == 0)
    try edit(
      glossary.appendingPathComponent("samepage.yaml"), "locale: pl-PL\n",
      "locale: pl-PL\ntranslations: [en-GB]\n")
    #expect(try samepage("translations", "update", "--locale", "en-GB", in: folder.url).status == 0)
    let render = try samepage("render", "--out", "out", "--format", "markdown", in: folder.url)
    #expect(render.status == 0, "\(render.error)")
    let polish = try String(contentsOf: folder.url.appendingPathComponent("out/sla.md"), encoding: .utf8)
    let english = try String(
      contentsOf: folder.url.appendingPathComponent("out/en-GB/sla.md"), encoding: .utf8)
    #expect(polish.hasPrefix("# Umowa o poziomie usług między marketingiem a sprzedażą"))
    #expect(english.hasPrefix("# Service level agreement between marketing and sales"))
    // British dates for en-GB; the untranslated texts stay Polish until translated.
    #expect(english.contains("Effective 4 January 2027"), "\(english.prefix(400))")
    #expect(english.contains("## 4. Commitments"))
  }

  @Test func confirmRefusesAKeyTheGlossaryDoesNotHave() throws {
    let folder = try TemporaryDirectory()
    #expect(try samepage("init", in: folder.url).status == 0)
    try edit(
      folder.url.appendingPathComponent("Glossary/samepage.yaml"), "locale: en-US\n",
      "locale: en-US\ntranslations: [pl-PL]\n")
    let run = try samepage(
      "translations", "confirm", "--locale", "pl-PL", "lifecycle-stages/stage/mql/labl", in: folder.url)
    #expect(run.status == 2)
    #expect(run.error.contains("did you mean 'lifecycle-stages/stage/mql/label'?"))
    let unlisted = try samepage("translations", "update", "--locale", "de-DE", in: folder.url)
    #expect(unlisted.status == 1)
    #expect(unlisted.error.contains("does not list de-DE under 'translations:'"))
  }
}

/// The published site in two languages: a folder per translation, each page linking to the same
/// page in the other language, words and `lang` from the page's language.
@Suite struct LocalizedSiteTests {
  @Test func eachLanguageHasItsFolderItsWordsAndALinkToTheSamePageInTheOther() throws {
    let folder = try TemporaryDirectory()
    func samepage(_ arguments: String...) throws -> ProcessRunner.Result {
      try ProcessRunner.run(CLITests.binary, arguments, currentDirectory: folder.url)
    }
    #expect(try samepage("init", "--locale", "pl-PL").status == 0)
    let manifest = folder.url.appendingPathComponent("Glossary/samepage.yaml")
    let text = try String(contentsOf: manifest, encoding: .utf8)
    try text.replacingOccurrences(of: "locale: pl-PL\n", with: "locale: pl-PL\ntranslations: [en-US]\n")
      .write(
        to: manifest, atomically: true, encoding: .utf8)
    #expect(try samepage("translations", "update", "--locale", "en-US").status == 0)
    let publish = try samepage("publish", "--to", "site", "site")
    #expect(publish.status == 0, "\(publish.error)")
    func page(_ path: String) throws -> String {
      try String(contentsOf: folder.url.appendingPathComponent("site/\(path)"), encoding: .utf8)
    }
    let polish = try page("lead-statuses.html")
    let english = try page("en-US/lead-statuses.html")
    #expect(polish.contains("<html lang=\"pl-PL\">"))
    #expect(polish.contains("placeholder=\"Szukaj pojęć i synonimów\""))
    #expect(
      polish.contains(
        "<a class=\"language\" lang=\"en-US\" hreflang=\"en-US\" href=\"en-US/lead-statuses.html\">"))
    #expect(english.contains("<html lang=\"en-US\">"))
    #expect(english.contains("placeholder=\"Search terms and synonyms\""))
    #expect(english.contains("href=\"../lead-statuses.html\">pl-PL</a>"))
    let index = try page("search-index.json")
    #expect(index.contains("\"kind\" : \"Status leada\""))
    #expect(try page("en-US/search-index.json").contains("\"kind\" : \"Lead status\""))
  }
}
