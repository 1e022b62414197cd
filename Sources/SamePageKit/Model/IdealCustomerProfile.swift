/// `icp.yaml`: the companies that fit, in tiers, and who is excluded outright.
public struct IdealCustomerProfile: Sendable {
  public var header: TermHeader
  public var segments: [Segment]
  public var exclusions: Exclusions

  public struct Segment: Sendable {
    public var id: Located<Slug>
    public var label: Located<String>?
    public var definition: Located<String>?
    public var tier: Located<Int>?
    public var industries: [Located<String>]
    public var employees: NumberRange?
    public var annualRevenue: NumberRange?
    /// The ISO 4217 code of `annualRevenue` (USD for the older `annual_revenue_usd`).
    public var revenueCurrency: Located<String>?
    public var countries: [Located<String>]
    public var technologies: [Located<String>]
    public var location: SourceLocation
  }

  public struct Exclusions: Sendable {
    /// Personal mail providers: gmail.com, yahoo.com, hotmail.com.
    public var emailDomains: [Located<String>]
    /// Whole suffixes such as `.edu` (students).
    public var emailSuffixes: [Located<String>]
    public var competitorDomains: [Located<String>]
    /// ISO 3166-1 alpha-2 codes of countries the company does not sell to.
    public var countries: [Located<String>]
  }
}
