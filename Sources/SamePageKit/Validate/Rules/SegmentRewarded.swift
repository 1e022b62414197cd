/// Every country and industry of a tier-1 ICP segment is rewarded by a fit rule on `country`
/// or `industry` that awards positive points.
///
/// A tier-1 segment says "these are our best accounts"; if no fit rule rewards its industry,
/// its leads score no better than anyone's and reach MQL late or never. Tier-2 (nurture)
/// segments are left out on purpose: they are the partial fit that scoring ranks lower. A
/// warning, because a team may reward the segment another way (title, size).
///
/// Fails (no fit rule rewards mining):
///
///     - {id: core-industrial, tier: 1, industries: [manufacturing, mining]}
public struct SegmentRewarded: GlossaryRule {
  public static let id = "icp.segment-rewarded"
  public static let severity = Severity.warning
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    let rewarding = glossary.scoring.fit.rules.filter { ($0.points?.value ?? 0) > 0 }
    func rewarded(_ value: String, attribute: String) -> Bool {
      let lowered = value.lowercased()
      return rewarding.contains { rule in
        rule.attribute?.value.rawValue == attribute
          && (rule.condition.anyOf.contains { $0.value.lowercased() == lowered }
            || rule.condition.containsAny.contains { lowered.contains($0.value.lowercased()) })
      }
    }
    for segment in glossary.icp.segments where (segment.tier?.value ?? 1) == 1 {
      for (attribute, values) in [("country", segment.countries), ("industry", segment.industries)] {
        // Without any rule on the attribute the team does not score it at all: nothing to align.
        guard
          rewarding.contains(where: { $0.attribute?.value.rawValue == attribute && $0.condition.isTextual })
        else { continue }
        for value in values where !rewarded(value.value, attribute: attribute) {
          findings.report(
            at: value.location,
            "tier-1 segment '\(segment.id.value)' targets \(attribute) '\(value.value)', which no fit rule rewards",
            fix: "add '\(value.value)' to the fit rule on \(attribute), or move the segment to tier 2")
        }
      }
    }
  }
}
