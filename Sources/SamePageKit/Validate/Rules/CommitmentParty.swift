/// Each commitment is made by the party that does the work: MQL volume and acceptance rate are
/// marketing's; first touch, accept/reject and connect attempts are sales's.
///
/// Marketing cannot promise how fast sales calls, and sales cannot promise how many leads
/// marketing generates. A commitment signed by the wrong side binds nobody, and the SLA report
/// blames the team that never made the promise.
///
/// Fails:
///
///     - {id: first-touch-standard, party: marketing, kind: first_touch, priority: standard,
///        quantity: 4, unit: business_hours}
public struct CommitmentParty: GlossaryRule {
  public static let id = "sla.commitment-party"
  public static let severity = Severity.error
  public init() {}

  /// The party that does the work each kind of commitment measures.
  static func owner(of kind: Commitment.Kind) -> Party? {
    switch kind {
    case .mqlVolume, .acceptanceRate: .marketing
    case .firstTouch, .acceptReject, .connectAttempts: .sales
    case .other: nil
    }
  }

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    for commitment in glossary.sla.commitments {
      guard let party = commitment.party, let owner = Self.owner(of: commitment.kind.value),
        party.value != owner
      else { continue }
      findings.report(
        at: party.location,
        "commitment '\(commitment.id.value)' (\(commitment.kind.value.rawValue)) is \(owner.rawValue)'s to make, not \(party.value.rawValue)'s",
        notes: [Diagnostic.Note(location: commitment.kind.location, message: "its kind is set here")],
        fix: "set 'party: \(owner.rawValue)', or use 'kind: other' for a promise of another kind")
    }
  }
}
