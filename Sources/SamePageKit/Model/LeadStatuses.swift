/// `lead-statuses.yaml`: sub-states inside lifecycle stages that tell a rep what to do next.
public struct LeadStatuses: Sendable {
  public var header: TermHeader
  public var statuses: [Status]

  public enum Category: String, Sendable, CaseIterable, YAMLEnumeration {
    case open, working, converted, disqualified, recycle
  }

  public struct Status: Sendable {
    public var id: Located<Slug>
    public var label: Located<String>?
    public var definition: Located<String>?
    public var synonyms: [Located<String>]
    public var stage: Located<Slug>?
    public var category: Located<Category>?
    public var isDefault: Located<Bool>?
    public var reasons: [Located<String>]
    /// For recycle statuses: the earlier lifecycle stage the lead returns to.
    public var recycleTo: Located<Slug>?
    public var location: SourceLocation
  }
}
