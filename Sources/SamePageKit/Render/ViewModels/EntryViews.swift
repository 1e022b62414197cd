// The shapes templates see. Every value is present (empty text or false, never nil): in
// Mustache a nil falls through to the enclosing context, which would print the wrong value.

struct PersonView {
  var name: String
  var title: String
  var hasTitle: Bool
  var email: String
  var hasEmail: Bool

  init(_ person: Person?) {
    name = person?.name.value ?? ""
    title = person?.title?.value ?? ""
    hasTitle = !title.isEmpty
    email = person?.email?.value ?? ""
    hasEmail = !email.isEmpty
  }
}

struct TermView {
  var title: String
  var anchor: String
  var link: String
  var page: String
  var definition: String
  /// The definition's first sentence, as plain text, for lists of terms.
  var summary: String
  var owner: String
}

struct StageView {
  var anchor: String
  var label: String
  var definition: String
  var synonyms: String
  var hasSynonyms: Bool
  var owner: String
  var position: String
  var entry: String
  var hasEntry: Bool
  var exit: String
  var hasExit: Bool
  var isOptional: Bool
  var isOutOfFunnel: Bool
  var isTerminal: Bool
  var statuses: [LinkView]
  var hasStatuses: Bool
}

struct RecycleView {
  var from: LinkView
  var to: LinkView
  var reason: String
  var hasReason: Bool
}

struct StatusView {
  var anchor: String
  var label: String
  var definition: String
  var synonyms: String
  var hasSynonyms: Bool
  var stage: LinkView
  var category: String
  var isDefault: Bool
  var reasons: [String]
  var hasReasons: Bool
  var recyclesTo: [LinkView]
}

struct PipelineView {
  var anchor: String
  var label: String
  var stages: [DealStageView]
}

struct DealStageView {
  var anchor: String
  var label: String
  var definition: String
  var synonyms: String
  var hasSynonyms: Bool
  var probability: String
  var forecast: String
  var outcome: String
  var hasOutcome: Bool
  var staleAfter: String
  var hasStaleAfter: Bool
  var lostReasons: String
  var hasLostReasons: Bool
}

struct SegmentView {
  var anchor: String
  var label: String
  var definition: String
  var criteria: [CriterionView]
}

struct CriterionView {
  var name: String
  var value: String
}

struct PersonaView {
  var anchor: String
  var label: String
  var name: String
  var bio: String
  var facts: [CriterionView]
  var lists: [NamedListView]
  var segments: [LinkView]
}

struct NamedListView {
  var name: String
  var items: [String]
}

struct JourneyPhaseView {
  var anchor: String
  var label: String
  var definition: String
  var buyerFocus: String
  var hasBuyerFocus: Bool
  var stages: [LinkView]
  var content: String
  var hasContent: Bool
}

struct LeadTypeView {
  var anchor: String
  var label: String
  var definition: String
  var isDefault: Bool
  var facts: [CriterionView]
}

struct ScoringRuleView {
  var label: String
  var points: String
  var condition: String
  /// For engagement rules: the URL condition, shown after the label.
  var detail: String
  var hasDetail: Bool
  var frequency: String
  var hasFrequency: Bool
}

struct ThresholdView {
  var stage: LinkView
  var requirement: String
}

struct HandRaiseView {
  var event: String
  var stage: LinkView
  var requirement: String
}

struct CommitmentView {
  var headline: String
  var description: String
  var hasDescription: Bool
}

struct StepView {
  var day: Int
  var channel: String
  var note: String
  var hasNote: Bool
}

struct DispositionView {
  var anchor: String
  var label: String
  var counts: String
}

struct SignatoryView {
  var party: String
  var team: String
  var person: PersonView
  /// Signed this exact content (see `SignOff`); otherwise the document keeps blank lines.
  var isSigned: Bool
  var signedOn: String
  var signedVersion: String
}

struct ChangeView {
  var version: String
  var date: String
  var summary: String
}
