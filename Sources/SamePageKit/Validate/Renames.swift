/// Telling a rename from a typo, so an unknown reference is pointed at the id it was renamed to
/// rather than at the nearest spelling (`sal` renamed to `accepted` must not suggest `sql`).
///
/// A rename leaves a trace in the glossary itself: the new id is defined but nothing refers to it
/// yet, and it still carries the old name in its label or synonyms ("Sales-accepted lead (SAL)"),
/// or, for a stage whose id gave it its role, it lost that role while no other stage has it.
/// A typo leaves no such trace, so the nearest spelling stays the answer for it.
enum ReferenceKind: Sendable {
  case stage, status, segment, pipeline, event, attribute, channel
}

extension Glossary {
  /// How often each id of a kind is referred to anywhere in the glossary, dangling ids included.
  func referenceCounts(_ kind: ReferenceKind) -> [Slug: Int] {
    var references: [Located<Slug>] = []
    switch kind {
    case .stage:
      references += leadStatuses.statuses.compactMap(\.stage) + leadStatuses.statuses.compactMap(\.recycleTo)
      references += lifecycle.recycles.flatMap { [$0.from, $0.to] }
      references += journey.stages.flatMap(\.lifecycleStages)
      references += leadTypes.types.flatMap(\.skipsStages)
      references += scoring.thresholds.compactMap(\.stage) + scoring.handRaises.compactMap(\.stage)
    case .status:
      references += [
        sla.handoff?.acceptedStatus, sla.handoff?.rejectedStatus, connectAttempts.exhaustedStatus,
      ]
      .compactMap { $0 }
    case .segment: references += personas.personas.flatMap(\.segments)
    case .pipeline: references += leadTypes.types.compactMap(\.pipeline)
    case .event:
      references += (scoring.engagement.rules + scoring.fit.rules).compactMap(\.event)
      references += scoring.handRaises.map(\.event)
    case .attribute: references += (scoring.fit.rules + scoring.engagement.rules).compactMap(\.attribute)
    case .channel: references += connectAttempts.sequence?.steps.map(\.channel) ?? []
    }
    return references.reduce(into: [:]) { counts, reference in counts[reference.value, default: 0] += 1 }
  }

  /// Every defined id of a kind, with its label and synonyms.
  func definedIDs(_ kind: ReferenceKind) -> [(id: Located<Slug>, names: [String])] {
    func named(_ id: Located<Slug>, _ label: Located<String>?, _ synonyms: [Located<String>] = []) -> (
      id: Located<Slug>, names: [String]
    ) {
      (id, [label?.value].compactMap { $0 } + synonyms.map(\.value))
    }
    switch kind {
    case .stage: return lifecycle.stages.map { named($0.id, $0.label, $0.synonyms) }
    case .status: return leadStatuses.statuses.map { named($0.id, $0.label, $0.synonyms) }
    case .segment: return icp.segments.map { named($0.id, $0.label) }
    case .pipeline: return dealStages.pipelines.map { named($0.id, $0.label) }
    case .event: return scoring.events.map { named($0.id, $0.label) }
    case .attribute: return scoring.attributes.map { named($0.id, $0.label) }
    case .channel: return connectAttempts.channels.map { named($0.id, $0.label) }
    }
  }

  /// Lowercased words of letters and digits: `Sales-accepted lead (SAL)` → sales, accepted, lead, sal.
  static func words(_ text: String) -> [Substring] {
    text.lowercased().split { !($0.isLetter || $0.isNumber) }
  }
}

/// What a rule needs to recognise renames of one kind of id, built on first use and shared by
/// every unknown reference the rule reports, so a glossary with thousands of dangling
/// references costs one pass over the references and a dictionary lookup per missing id.
final class RenameIndex {
  let glossary: Glossary
  let kind: ReferenceKind
  private var built: Built?
  private var answers: [Slug: Located<Slug>?] = [:]
  private var nearestAnswers: [Slug: Located<Slug>?] = [:]

  /// The nearest spelling, once per missing id: a rename leaves the same old id in many places.
  func nearest(to missing: Slug, in candidates: [Located<Slug>]) -> Located<Slug>? {
    if let answer = nearestAnswers[missing] { return answer }
    let answer = Self.nearest(to: missing, in: candidates)
    nearestAnswers[missing] = answer
    return answer
  }

  /// The defined id `Suggestion.nearest` picks for a missing one.
  static func nearest(to missing: Slug, in candidates: [Located<Slug>]) -> Located<Slug>? {
    let nearest = Suggestion.nearest(to: missing.rawValue, in: candidates.map(\.value.rawValue))
    return nearest.flatMap { name in candidates.first { $0.value.rawValue == name } }
  }

  private struct Built {
    var counts: [Slug: Int]
    var unreferenced: [Located<Slug>]
    /// The words of each unreferenced id's label and synonyms, by position in `unreferenced`.
    var names: [[[Substring]]]
    /// Positions in `unreferenced` whose names contain a word, for a lookup by the old id's first word.
    var byWord: [Substring: Set<Int>]
    /// For stages: positions of unreferenced stages without a role, and the roles some stage has.
    var roleless: [Int]
    var roles: Set<LifecycleStages.Role>
  }

  init(_ glossary: Glossary, _ kind: ReferenceKind) {
    self.glossary = glossary
    self.kind = kind
  }

  var counts: [Slug: Int] { index().counts }

  private func index() -> Built {
    if let built { return built }
    let counts = glossary.referenceCounts(kind)
    let defined = glossary.definedIDs(kind)
    let unreferenced = defined.filter { counts[$0.id.value] == nil }
    let names = unreferenced.map { $0.names.map(Glossary.words) }
    var byWord: [Substring: Set<Int>] = [:]
    for (position, lists) in names.enumerated() {
      for word in lists.joined() { byWord[word, default: []].insert(position) }
    }
    let roleless: [Int]
    if kind == .stage {
      let withoutRole = Set(glossary.lifecycle.stages.filter { $0.role == nil }.map(\.id.value))
      roleless = unreferenced.indices.filter { withoutRole.contains(unreferenced[$0].id.value) }
    } else {
      roleless = []
    }
    let result = Built(
      counts: counts, unreferenced: unreferenced.map(\.id), names: names, byWord: byWord, roleless: roleless,
      roles: Set(glossary.lifecycle.stages.compactMap { $0.role?.value }))
    built = result
    return result
  }

  /// The defined id that `missing` was most likely renamed to, or nil when nothing says so.
  func renamed(_ missing: Slug) -> Located<Slug>? {
    if let answer = answers[missing] { return answer }
    let index = index()
    let oldWords = Glossary.words(missing.rawValue)
    var claimants = Set(
      (oldWords.first.flatMap { index.byWord[$0] } ?? []).filter { position in
        index.names[position].contains { $0.containsRun(oldWords) }
      })
    // A stage whose id gave it its role loses the role with the id.
    if kind == .stage, let role = LifecycleStages.Role(rawValue: missing.rawValue),
      !index.roles.contains(role)
    {
      claimants.formUnion(index.roleless)
    }
    var answer: Located<Slug>?
    if claimants.count == 1 {
      answer = index.unreferenced[claimants.first!]
    } else if claimants.isEmpty, index.unreferenced.count == 1, (index.counts[missing] ?? 0) >= 2 {
      // Referred to from several places, all dangling, and one id nothing refers to: a rename.
      answer = index.unreferenced[0]
    }
    answers[missing] = answer
    return answer
  }
}

extension Array where Element == Substring {
  /// Whether `run` occurs here as consecutive words.
  func containsRun(_ run: [Substring]) -> Bool {
    guard !run.isEmpty, run.count <= count else { return false }
    return (0...(count - run.count)).contains { Array(self[$0..<($0 + run.count)]) == run }
  }
}
