/// `buyer-journey.yaml`: awareness, consideration, decision, each mapped onto lifecycle stages.
public struct BuyerJourney: Sendable {
  public var header: TermHeader
  public var stages: [Stage]

  public struct Stage: Sendable {
    public var id: Located<Slug>
    public var label: Located<String>?
    public var definition: Located<String>?
    public var buyerFocus: Located<String>?
    public var lifecycleStages: [Located<Slug>]
    public var content: [Located<String>]
    public var location: SourceLocation
  }
}
