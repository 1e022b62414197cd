/// `lead-types.yaml`: leads on different paths, and what differs for each.
public struct LeadTypes: Sendable {
  public var header: TermHeader
  public var types: [LeadType]

  public struct LeadType: Sendable {
    public var id: Located<Slug>
    public var label: Located<String>?
    public var definition: Located<String>?
    public var isDefault: Located<Bool>?
    /// The deal pipeline its opportunities go into.
    public var pipeline: Located<Slug>?
    /// Lifecycle stages this type skips (an upsell does not start as a subscriber).
    public var skipsStages: [Located<Slug>]
    /// Whether lead scoring applies; existing customers are routed, not scored.
    public var scored: Located<Bool>?
    /// Whether the SLA's first-touch clocks apply.
    public var slaApplies: Located<Bool>?
    public var location: SourceLocation
  }
}
