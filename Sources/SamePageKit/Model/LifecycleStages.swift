/// `lifecycle-stages.yaml`: the ordered stages of the funnel and the only ways back.
public struct LifecycleStages: Sendable {
  public var header: TermHeader
  public var stages: [Stage]
  public var recycles: [Recycle]

  /// The meaning a stage has for SamePage's rules and scoring, whatever its id.
  public enum Role: String, Sendable, CaseIterable, YAMLEnumeration {
    case subscriber, lead, mql, sal, sql, opportunity, customer, evangelist, other
  }

  public struct Stage: Sendable {
    public var id: Located<Slug>
    public var label: Located<String>?
    public var definition: Located<String>?
    /// Other words people use for it ("hot lead", the CRM's internal id); the wiki search finds them.
    public var synonyms: [Located<String>]
    /// The stage's weight: stages are strictly ordered by it and movement is forward only.
    public var order: Located<Int>?
    /// Taken from `role:`, or from the id when the id names a role (`mql`, `sql`…).
    public var role: Located<Role>?
    public var owner: Located<TermOwner>?
    public var entryCriteria: [Located<String>]
    public var exitCriteria: [Located<String>]
    public var optional: Located<Bool>?
    public var outOfFunnel: Located<Bool>?
    public var terminal: Located<Bool>?
    public var location: SourceLocation

    public var isOptional: Bool { optional?.value ?? false }
    public var isOutOfFunnel: Bool { outOfFunnel?.value ?? false }
    public var isTerminal: Bool { terminal?.value ?? false }
  }

  /// A declared move backwards, such as SQL → MQL when sales returns a lead that is not ready.
  public struct Recycle: Sendable {
    public var from: Located<Slug>
    public var to: Located<Slug>
    public var reason: Located<String>?
    public var location: SourceLocation
  }
}
