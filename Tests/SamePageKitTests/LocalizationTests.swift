import Foundation
import SamePageKit
import Testing

/// Documents in the glossary's language: CLDR plural forms, locale dates and numbers, `<html
/// lang>`, catalogues that a team can extend, and no English left in a Polish SLA.
@Suite struct LocalizationTests {
  static let bundled: TemplateSet = {
    guard case .loaded(let set) = TemplateSet.bundled() else { fatalError("bundled templates do not load") }
    return set
  }()

  func localizer(_ locale: String) throws -> Localizer {
    try #require(Self.bundled.localizer(for: locale), "no catalogue for \(locale)")
  }

  @Test(arguments: [
    ("pl", 1.0, PluralCategory.one), ("pl", 2, .few), ("pl", 4, .few), ("pl", 5, .many), ("pl", 12, .many),
    ("pl", 14, .many), ("pl", 21, .many), ("pl", 22, .few), ("pl", 25, .many), ("pl", 0, .many),
    ("pl", 1.5, .other), ("pl", 112, .many), ("pl", 104, .few),
    ("en", 1, .one), ("en", 0, .other), ("en", 2, .other), ("en", 1.5, .other),
    ("tr", 1, .one), ("tr", 2, .other), ("th", 1, .other), ("th", 5, .other),
  ])
  func cldrPluralCategories(_ language: String, _ value: Double, _ expected: PluralCategory) {
    #expect(PluralRules.category(of: value, language: language) == expected)
  }

  @Test func polishUnitsTakeTheirCLDRFormsAndTheGenitiveAfterWithin() throws {
    let pl = try localizer("pl-PL")
    let hours = [1.0, 2, 5, 22, 1.5].map { pl.duration(Deadline(amount: $0, unit: .businessHours)) }
    #expect(
      hours == [
        "1 godzina robocza", "2 godziny robocze", "5 godzin roboczych", "22 godziny robocze",
        "1,5 godziny roboczej",
      ])
    let within = [1.0, 4, 10].map { pl.duration(Deadline(amount: $0, unit: .businessDays), within: true) }
    #expect(within == ["1 dnia roboczego", "4 dni roboczych", "10 dni roboczych"])
    #expect(pl.plural("unit.mqls", count: 120) == "120 leadów MQL")
    #expect(pl.plural("unit.mqls", count: 3) == "3 leady MQL")
    // English has no declined forms: `within` falls back to the plain ones.
    let en = try localizer("en-US")
    #expect(en.duration(Deadline(amount: 1, unit: .businessHours), within: true) == "1 business hour")
    #expect(en.duration(Deadline(amount: 4, unit: .businessHours)) == "4 business hours")
  }

  @Test func datesAndNumbersFollowTheLocale() throws {
    let date = try #require(CalendarDate("2026-10-01"))
    #expect(try localizer("en-US").date(date) == "October 1, 2026")
    #expect(try localizer("en-GB").date(date) == "1 October 2026")
    #expect(try localizer("pl-PL").date(date) == "1 października 2026")
    #expect(try localizer("en-US").number(10_000) == "10,000")
    // Polish groups thousands with a no-break space and writes a decimal comma.
    #expect(try localizer("pl-PL").number(10_000) == "10\u{00A0}000")
    #expect(try localizer("pl-PL").number(2.5) == "2,5")
    #expect(try localizer("en-US").percent(90) == "90%")
  }

  @Test func moneyIsWrittenInTheLocaleWithItsCurrency() throws {
    #expect(try localizer("en-US").money(10_000_000, currency: "USD") == "$10 million")
    #expect(try localizer("en-US").money(750_000, currency: "USD") == "$750,000")
    #expect(try localizer("en-US").money(2_000_000_000, currency: "PLN") == "PLN\u{00A0}2 billion")
    #expect(try localizer("pl-PL").money(10_000_000, currency: "PLN") == "10 mln zł")
    #expect(try localizer("pl-PL").money(750_000, currency: "PLN") == "750\u{00A0}000\u{00A0}zł")
    #expect(try localizer("th-TH").money(5_000_000, currency: "USD") == "5 ล้านดอลลาร์สหรัฐ")
  }

  @Test func revenueCarriesAnISOCurrencyAndTheOldFieldIsReadWithAWarning() throws {
    let icp = try String(contentsOf: Repository.glossary.appendingPathComponent("icp.yaml"), encoding: .utf8)
    let current = "annual_revenue: {min: 10000000, max: 2000000000, currency: USD}"
    try #require(icp.contains(current))
    func check(_ replacement: String) throws -> [Diagnostic] {
      try GlossaryUnderTest(replacing: ["icp.yaml": icp.replacingOccurrences(of: current, with: replacement)])
        .check().diagnostics
    }
    let legacy = try check("annual_revenue_usd: {min: 10000000, max: 2000000000}")
    #expect(legacy.map(\.id) == ["glossary.deprecated-field"])
    #expect(legacy.first?.fix == "replace it with 'annual_revenue: {min: …, max: …, currency: USD}'")
    let misspelt = try check("annual_revenue: {min: 10000000, max: 2000000000, currency: PLX}")
    #expect(misspelt.map(\.summary) == ["'PLX' is not an ISO 4217 currency code; did you mean 'PLN'?"])
    #expect(try check("annual_revenue: {min: 10000000, max: 2000000000, currency: eur}").isEmpty)
    let missing = try check("annual_revenue: {min: 10000000, max: 2000000000}")
    #expect(missing.map(\.id) == ["glossary.missing-key"])
  }

  func renderedSLA(locale: String, templates: URL? = nil) throws -> (RenderedPage?, [Diagnostic]) {
    let glossary = try GlossaryUnderTest()
    try RenderTests().replace(in: glossary, "samepage.yaml", "locale: en-US", with: "locale: \(locale)")
    let loaded = try #require(glossary.check().result.glossary)
    let set: TemplateSet
    if let templates {
      guard case .loaded(let custom) = TemplateSet.load(directory: templates, displayDirectory: "Templates")
      else {
        Issue.record("templates did not load")
        return (nil, [])
      }
      set = custom
    } else {
      set = Self.bundled
    }
    let (pages, diagnostics) = DocumentRenderer(templates: set).render(loaded)
    return (pages.first { $0.page == .sla }, diagnostics)
  }

  @Test func aPolishSLAHasNoEnglishPhraseFromTheCatalogue() throws {
    let (page, diagnostics) = try renderedSLA(locale: "pl-PL")
    #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.summary))")
    let sla = try #require(page)
    #expect(sla.markdown.hasPrefix("# Umowa o poziomie usług między marketingiem a sprzedażą"))
    #expect(
      sla.markdown.contains("**Pierwszy kontakt z każdym innym leadem MQL w ciągu 4 godzin roboczych**"))
    #expect(sla.markdown.contains("Obowiązuje od 1 października 2026"))
    #expect(sla.standaloneHTML.contains("<html lang=\"pl-PL\">"))
    // The starter's own text is English, so only the catalogue's phrases are looked for, and
    // only those no glossary file contains (their words are the company's, not SamePage's).
    let glossaryText = try FileManager.default.contentsOfDirectory(atPath: Repository.glossary.path)
      .filter { $0.hasSuffix(".yaml") }
      .map { try String(contentsOf: Repository.glossary.appendingPathComponent($0), encoding: .utf8) }
      .joined(separator: "\n")
    let english = try #require(Self.bundled.catalogues["en"])
    var phrases: [String] = []
    for case .text(let text) in english.messages.values {
      for fragment in text.components(separatedBy: "{{") {
        let literal = fragment.split(separator: "}}", maxSplits: 1).last.map(String.init) ?? fragment
        let trimmed = literal.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
        if trimmed.count >= 12, !glossaryText.contains(trimmed) { phrases.append(trimmed) }
      }
    }
    #expect(phrases.count > 50, "too few phrases to trust the test: \(phrases.count)")
    let found = phrases.filter { sla.markdown.contains($0) }
    #expect(found.isEmpty, "English in the Polish SLA: \(found)")
  }

  @Test func everyBundledCatalogueHasEveryMessageWithTheFormsItsLanguageNeeds() throws {
    let english = try #require(Self.bundled.catalogues["en"])
    for (language, catalogue) in Self.bundled.catalogues where language != "en" {
      let missing = english.messages.keys.filter { catalogue.messages[$0] == nil }.sorted()
      #expect(missing.isEmpty, "\(language) lacks \(missing)")
      let extra = catalogue.messages.keys.filter {
        english.messages[$0] == nil && !$0.hasPrefix("unit.within.")
      }
      #expect(extra.isEmpty, "\(language) has keys English does not: \(extra.sorted())")
      let needed: Set<PluralCategory> = Set(
        [1.0, 2, 5, 1.5].map { PluralRules.category(of: $0, language: language) })
      for case (let key, .plural(let forms)) in catalogue.messages {
        #expect(
          needed.isSubset(of: Set(forms.keys)), "\(language) \(key) lacks \(needed.subtracting(forms.keys))")
      }
    }
  }

  @Test func aLocaleWithoutACatalogueIsAnErrorAtTheManifest() throws {
    let (page, diagnostics) = try renderedSLA(locale: "de-DE")
    #expect(page == nil)
    #expect(diagnostics.map(\.id) == ["render.unknown-locale"])
    #expect(
      diagnostics.first?.summary.hasPrefix("no message catalogue for locale 'de-DE' (catalogues: en, pl")
        == true)
    #expect(diagnostics.first?.location?.file == "samepage.yaml")
  }

  @Test func aTeamCatalogueOverridesMessagesKeyByKeyAndCanAddALanguage() throws {
    let templates = try TemporaryDirectory()
    try templates.write(
      "messages:\n  sla.title: Umowa SLA firmy\n", to: "locales/pl.yaml")
    let (page, diagnostics) = try renderedSLA(locale: "pl-PL", templates: templates.url)
    #expect(!diagnostics.hasErrors)
    let sla = try #require(page).markdown
    #expect(sla.hasPrefix("# Umowa SLA firmy\n"))
    #expect(sla.contains("## 4. Zobowiązania"))  // every other message from the bundled Polish

    // A language SamePage does not bundle: the team's catalogue is used, and what it lacks is
    // an error naming the template line, never English.
    try templates.write("messages:\n  sla.title: Dienstleistungsvereinbarung\n", to: "locales/de.yaml")
    let (_, german) = try renderedSLA(locale: "de-DE", templates: templates.url)
    #expect(german.contains { $0.id == "template.unknown-message" })
    #expect(!german.contains { $0.id == "render.unknown-locale" })
  }

  @Test func aMalformedCatalogueNamesTheFileAndLine() throws {
    let templates = try TemporaryDirectory()
    try templates.write(
      "messages:\n  unit.minutes: {one: \"{{n}} minuta\", several: \"{{n}} minut\"}\n", to: "locales/pl.yaml")
    guard
      case .failed(let diagnostics) = TemplateSet.load(
        directory: templates.url, displayDirectory: "Templates")
    else {
      Issue.record("a malformed catalogue loaded")
      return
    }
    #expect(diagnostics.map(\.id).contains("catalogue.malformed"))
    let problem = try #require(diagnostics.first { $0.summary.contains("'several'") })
    #expect(problem.location?.file == "Templates/locales/pl.yaml" && problem.location?.line == 2)
  }

  @Test(arguments: [
    ("zwrócono-brak-gotowości", "fix: use 'zwrocono-brak-gotowosci'"), ("łódź", "fix: use 'lodz'"),
    ("Straße", "fix: use 'strasse'"), ("ırmak-İzmir", "fix: use 'irmak-izmir'"),
    (
      "ส่งคืน",
      "choose an id in ASCII letters (for example the English or transliterated name) and keep 'ส่งคืน' as the label"
    ),
  ])
  func anIdSuggestionTransliteratesAndAThaiIdAsksForASCII(_ id: String, _ fix: String) throws {
    let statuses = try String(
      contentsOf: Repository.glossary.appendingPathComponent("lead-statuses.yaml"), encoding: .utf8)
    try #require(statuses.contains("  - id: returned-not-ready\n"))
    let edited = statuses.replacingOccurrences(of: "  - id: returned-not-ready\n", with: "  - id: \(id)\n")
    let diagnostics = try GlossaryUnderTest(replacing: ["lead-statuses.yaml": edited]).check().diagnostics
    let invalid = try #require(diagnostics.first { $0.id == "glossary.invalid-id" })
    #expect(invalid.fix.map { "fix: \($0)" } == "fix: " + fix.replacingOccurrences(of: "fix: ", with: ""))
  }
}

/// The starters in Polish, Turkish and Thai: each passes `check --strict`, `init --locale`
/// writes it, and its SLA and glossary match golden files a native reader has read.
@Suite struct LocalizedStarterTests {
  static let locales = ["pl-PL", "tr-TR", "th-TH"]

  func starter(_ locale: String) throws -> TemporaryDirectory {
    let folder = try TemporaryDirectory()
    let run = try ProcessRunner.run(
      CLITests.binary, ["init", "--locale", locale, "Glossary"], currentDirectory: folder.url)
    try #require(run.status == 0, "\(run.error)")
    return folder
  }

  @Test(arguments: locales)
  func theStarterChecksCleanAndSaysItsLocale(_ locale: String) throws {
    let folder = try starter(locale)
    let check = try ProcessRunner.run(CLITests.binary, ["check", "--strict"], currentDirectory: folder.url)
    #expect(check.status == 0, "\(check.output)")
    #expect(check.output.hasSuffix("no problems found in 11 files\n"))
    let manifest = try String(
      contentsOf: folder.url.appendingPathComponent("Glossary/samepage.yaml"), encoding: .utf8)
    #expect(manifest.contains("locale: \(locale)"))
    #expect(
      FileManager.default.fileExists(
        atPath: folder.url.appendingPathComponent("Glossary/schemas/sla.schema.json").path))
  }

  @Test(arguments: locales)
  func goldenSLAAndGlossary(_ locale: String) throws {
    let folder = try starter(locale)
    let loaded = try #require(
      GlossaryCheck(directory: folder.url.appendingPathComponent("Glossary"), displayDirectory: "Glossary")
        .validGlossary)
    let (pages, diagnostics) = DocumentRenderer(templates: LocalizationTests.bundled).render(loaded)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.summary))")
    for page in pages where [.sla, .glossary].contains(page.page) {
      #expect(page.standaloneHTML.contains("<html lang=\"\(locale)\">"))
      let golden = Repository.fixtures.appendingPathComponent("Golden/\(locale)/\(page.page.fileName)")
      if RenderTests.updatingGoldenFiles {
        try FileManager.default.createDirectory(
          at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
        try page.markdown.write(to: golden, atomically: true, encoding: .utf8)
      }
      #expect(
        page.markdown == (try String(contentsOf: golden, encoding: .utf8)),
        "\(locale)/\(page.page.fileName) differs")
    }
  }

  @Test func anUnknownStarterLocaleNamesTheOnesThereAre() throws {
    let folder = try TemporaryDirectory()
    let run = try ProcessRunner.run(
      CLITests.binary, ["init", "--locale", "pl-PK"], currentDirectory: folder.url)
    #expect(run.status == 2)
    #expect(
      run.error.contains(
        "there is no starter in 'pl-PK'; did you mean 'pl-PL'? (starters: en-US, pl-PL, th-TH, tr-TR"))
  }
}
