import Foundation

/// What the site's search box looks through: every term and entry, with its synonyms, and the
/// plain text of its definition. The site's script folds both sides by the page's language and
/// splits the text into words with the browser's ICU word breaker (`Intl.Segmenter`), which
/// finds the words of Thai, written without spaces.
struct SearchEntry: Codable, Equatable {
  var title: String
  var kind: String
  var url: String
  var terms: [String]
  var summary: String
  /// The definition without Markdown emphasis, for matching the start of any of its words.
  var text: String
}

enum SearchIndex {
  static func entries(for glossary: Glossary, localizer l: Localizer = .bundledEnglish) -> [SearchEntry] {
    var entries: [SearchEntry] = []
    func entry(title: String, kind: String, url: String, terms: [String], definition: String) -> SearchEntry {
      let plain = definition.replacingOccurrences(of: "**", with: "").replacingOccurrences(
        of: "\n", with: " ")
      return SearchEntry(
        title: title, kind: kind, url: url, terms: terms, summary: Format.firstSentence(definition),
        text: plain)
    }
    func add(
      _ title: String?, _ id: Slug, kind: String, anchor: AnchorRef, definition: String?,
      synonyms: [String] = []
    ) {
      let label = title ?? id.rawValue
      var terms = [id.rawValue] + synonyms
      // "Marketing-qualified lead (MQL)" is also found as "MQL".
      if let open = label.lastIndex(of: "("), label.hasSuffix(")") {
        terms.append(String(label[label.index(after: open)..<label.index(before: label.endIndex)]))
      }
      entries.append(
        entry(
          title: label, kind: l.text("search.kind.\(kind)"), url: "glossary.html#\(anchor.id)", terms: terms,
          definition: definition ?? ""))
    }
    for kind in DocumentViewModel.termOrder {
      let header = glossary.header(kind)
      entries.append(
        entry(
          title: l.text("term.\(kind.rawValue)"), kind: l.text("search.kind.term"),
          url: "\(kind.pageName).html",
          terms: [kind.rawValue], definition: header.definition?.value ?? ""))
    }
    for stage in glossary.lifecycle.stages {
      add(
        stage.label?.value, stage.id.value, kind: "stage", anchor: .stage(stage.id.value),
        definition: stage.definition?.value, synonyms: stage.synonyms.map(\.value))
    }
    for status in glossary.leadStatuses.statuses {
      add(
        status.label?.value, status.id.value, kind: "status", anchor: .status(status.id.value),
        definition: status.definition?.value, synonyms: status.synonyms.map(\.value))
    }
    for stage in glossary.dealStages.pipelines.flatMap(\.stages) {
      add(
        stage.label?.value, stage.id.value, kind: "deal", anchor: .deal(stage.id.value),
        definition: stage.definition?.value, synonyms: stage.synonyms.map(\.value))
    }
    for type in glossary.leadTypes.types {
      add(
        type.label?.value, type.id.value, kind: "lead_type", anchor: .leadType(type.id.value),
        definition: type.definition?.value)
    }
    for segment in glossary.icp.segments {
      add(
        segment.label?.value, segment.id.value, kind: "segment", anchor: .segment(segment.id.value),
        definition: segment.definition?.value)
    }
    for persona in glossary.personas.personas {
      add(
        persona.label?.value, persona.id.value, kind: "persona", anchor: .persona(persona.id.value),
        definition: persona.bio?.value, synonyms: [persona.name?.value].compactMap { $0 })
    }
    for phase in glossary.journey.stages {
      add(
        phase.label?.value, phase.id.value, kind: "phase", anchor: .journey(phase.id.value),
        definition: phase.definition?.value)
    }
    return entries
  }
}
