/// `personas.yaml`: the semi-fictional people at ICP companies that sales and marketing serve.
public struct BuyerPersonas: Sendable {
  public var header: TermHeader
  public var personas: [Persona]

  public enum DecisionRole: String, Sendable, CaseIterable, YAMLEnumeration {
    case decisionMaker = "decision_maker"
    case influencer
    case champion
    case user
    case gatekeeper
  }

  public enum Seniority: String, Sendable, CaseIterable, YAMLEnumeration {
    case individual, manager, director, vp, executive
  }

  public struct Persona: Sendable {
    public var id: Located<Slug>
    public var name: Located<String>?
    public var label: Located<String>?
    public var bio: Located<String>?
    public var titlePatterns: [Located<String>]
    public var seniority: Located<Seniority>?
    public var location: Located<String>?
    public var experienceYears: Located<Int>?
    public var behaviours: [Located<String>]
    public var interests: [Located<String>]
    public var needs: [Located<String>]
    public var painPoints: [Located<String>]
    public var decisionRole: Located<DecisionRole>?
    public var segments: [Located<Slug>]
    public var sourceLocation: SourceLocation
  }
}
