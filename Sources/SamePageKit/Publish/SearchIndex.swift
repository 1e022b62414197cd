import Foundation

/// What the site's search box looks through: every term and entry, with its synonyms.
struct SearchEntry: Codable, Equatable {
  var title: String
  var kind: String
  var url: String
  var terms: [String]
  var summary: String
}

enum SearchIndex {
  static func entries(for glossary: Glossary) -> [SearchEntry] {
    var entries: [SearchEntry] = []
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
        SearchEntry(
          title: label, kind: kind, url: "glossary.html#\(anchor.id)", terms: terms,
          summary: Format.firstSentence(definition ?? "")))
    }
    let model = DocumentViewModel(glossary: glossary, page: .glossary)
    for kind in DocumentViewModel.termOrder {
      let header = model.header(kind)
      entries.append(
        SearchEntry(
          title: kind.title, kind: "Term", url: "\(kind.pageName).html", terms: [kind.rawValue],
          summary: Format.firstSentence(header.definition?.value ?? "")))
    }
    for stage in glossary.lifecycle.stages {
      add(
        stage.label?.value, stage.id.value, kind: "Lifecycle stage", anchor: .stage(stage.id.value),
        definition: stage.definition?.value, synonyms: stage.synonyms.map(\.value))
    }
    for status in glossary.leadStatuses.statuses {
      add(
        status.label?.value, status.id.value, kind: "Lead status", anchor: .status(status.id.value),
        definition: status.definition?.value, synonyms: status.synonyms.map(\.value))
    }
    for stage in glossary.dealStages.pipelines.flatMap(\.stages) {
      add(
        stage.label?.value, stage.id.value, kind: "Deal stage", anchor: .deal(stage.id.value),
        definition: stage.definition?.value, synonyms: stage.synonyms.map(\.value))
    }
    for type in glossary.leadTypes.types {
      add(
        type.label?.value, type.id.value, kind: "Lead type", anchor: .leadType(type.id.value),
        definition: type.definition?.value)
    }
    for segment in glossary.icp.segments {
      add(
        segment.label?.value, segment.id.value, kind: "ICP segment", anchor: .segment(segment.id.value),
        definition: segment.definition?.value)
    }
    for persona in glossary.personas.personas {
      add(
        persona.label?.value, persona.id.value, kind: "Persona", anchor: .persona(persona.id.value),
        definition: persona.bio?.value, synonyms: [persona.name?.value].compactMap { $0 })
    }
    for phase in glossary.journey.stages {
      add(
        phase.label?.value, phase.id.value, kind: "Journey phase", anchor: .journey(phase.id.value),
        definition: phase.definition?.value)
    }
    return entries
  }
}
