/// A party's signature on one exact version of the agreement, as `samepage sign` records it in
/// `Glossary/signatures.yaml`.
public struct Signature: Sendable {
  public var party: Located<Party>
  public var name: Located<String>
  public var title: Located<String>?
  public var date: Located<CalendarDate>
  /// The glossary version at signing, for people; `content` is what binds.
  public var version: Located<String>?
  /// The glossary's content hash (`GlossaryHash`) when it was signed.
  public var content: Located<String>
  public var location: SourceLocation
}

/// Who has signed the agreement as it stands. The one place that decides whether the SLA is
/// still a draft: `check` reports from it and the SLA document's watermark comes from it.
public struct SignOff: Sendable {
  public enum State: Sendable {
    /// Signed this exact content.
    case signed(Signature)
    /// The party's latest signature is for other content: the agreement changed since.
    case stale(Signature)
    case unsigned
  }

  public struct PartyState: Sendable {
    public var party: Party
    public var state: State
  }

  public let parties: [PartyState]

  /// Every party of the agreement, marketing then sales; a party's latest signature counts.
  public init(signatures: [Signature], contentHash: String) {
    parties = Party.allCases.map { party in
      let signed = signatures.filter { $0.party.value == party }
      if let current = signed.last(where: { $0.content.value == contentHash }) {
        return PartyState(party: party, state: .signed(current))
      }
      if let latest = signed.last { return PartyState(party: party, state: .stale(latest)) }
      return PartyState(party: party, state: .unsigned)
    }
  }

  public init(_ glossary: Glossary) {
    self.init(signatures: glossary.signatures, contentHash: glossary.contentHash)
  }

  /// True when every party has signed this content: only then is the SLA no longer a draft.
  public var isComplete: Bool {
    parties.allSatisfy { if case .signed = $0.state { true } else { false } }
  }

  public var currentSignatures: [Signature] {
    parties.compactMap { if case .signed(let signature) = $0.state { signature } else { nil } }
  }
}
