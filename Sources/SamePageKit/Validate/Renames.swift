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

  /// The names a defined id is also known by: its label and synonyms.
  func otherNames(of id: Slug, kind: ReferenceKind) -> [String] {
    switch kind {
    case .stage:
      stage(id).map { [$0.label?.value].compactMap { $0 } + $0.synonyms.map(\.value) } ?? []
    case .status: status(id).map { [$0.label?.value].compactMap { $0 } + $0.synonyms.map(\.value) } ?? []
    case .segment: icp.segments.first { $0.id.value == id }?.label.map { [$0.value] } ?? []
    case .pipeline: dealStages.pipelines.first { $0.id.value == id }?.label.map { [$0.value] } ?? []
    case .event: scoring.events.first { $0.id.value == id }?.label.map { [$0.value] } ?? []
    case .attribute: scoring.attributes.first { $0.id.value == id }?.label.map { [$0.value] } ?? []
    case .channel: connectAttempts.channels.first { $0.id.value == id }?.label.map { [$0.value] } ?? []
    }
  }

  /// The defined id that `missing` was most likely renamed to, or nil when nothing says so.
  func renamedID(for missing: Slug, kind: ReferenceKind, candidates: [Located<Slug>]) -> Located<Slug>? {
    let counts = referenceCounts(kind)
    let unreferenced = candidates.filter { counts[$0.value] == nil }
    let oldWords = Self.words(missing.rawValue)
    let claimants = unreferenced.filter { candidate in
      if otherNames(of: candidate.value, kind: kind).contains(where: { Self.words($0).containsRun(oldWords) })
      {
        return true
      }
      // A stage whose id gave it its role loses the role with the id.
      if kind == .stage, let role = LifecycleStages.Role(rawValue: missing.rawValue),
        stage(role: role) == nil, stage(candidate.value)?.role == nil
      {
        return true
      }
      return false
    }
    if claimants.count == 1 { return claimants[0] }
    // Referred to from several places, all dangling, and one id nothing refers to: a rename.
    if claimants.isEmpty, unreferenced.count == 1, (counts[missing] ?? 0) >= 2 { return unreferenced[0] }
    return nil
  }

  /// Lowercased words of letters and digits: `Sales-accepted lead (SAL)` → sales, accepted, lead, sal.
  static func words(_ text: String) -> [Substring] {
    text.lowercased().split { !($0.isLetter || $0.isNumber) }
  }
}

extension Array where Element == Substring {
  /// Whether `run` occurs here as consecutive words.
  func containsRun(_ run: [Substring]) -> Bool {
    guard !run.isEmpty, run.count <= count else { return false }
    return (0...(count - run.count)).contains { Array(self[$0..<($0 + run.count)]) == run }
  }
}
