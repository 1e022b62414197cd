/// Which header in a team's export holds each of our columns (docs/SCORING.md, "Column
/// mappings"): RevOps teams score what their CRM exports, not our column names. A column the
/// mapping does not name is looked up by our name.
public struct ColumnMapping: Equatable, Sendable {
  public enum File: String, CaseIterable, Sendable {
    case leads, events, activities
  }

  /// Our column → the export's header, per file.
  public var leads: [String: String]
  public var events: [String: String]
  public var activities: [String: String]

  public init(
    leads: [String: String] = [:], events: [String: String] = [:], activities: [String: String] = [:]
  ) {
    self.leads = leads
    self.events = events
    self.activities = activities
  }

  public func renamed(for file: File) -> [String: String] {
    switch file {
    case .leads: leads
    case .events: events
    case .activities: activities
    }
  }

  /// The columns each file has, for checking a mapping's keys; lead attributes come from the
  /// config, so any other name is allowed for leads.
  public static let knownColumns: [File: [String]] = [
    .leads: ["id", "email", "created_at", "owner", "company", "domain", "country", "lead_type"],
    .events: ["lead_id", "type", "timestamp", "url"],
    .activities: ["lead_id", "rep", "channel", "disposition", "timestamp"],
  ]

  /// A HubSpot contacts export (Contacts → Export, default properties), by the labels HubSpot
  /// gives its default contact properties. HubSpot writes `Create Date` in the account's local
  /// time without an offset: score it with `--time-zone`.
  public static let hubSpotContacts = ColumnMapping(leads: [
    "id": "Record ID", "email": "Email", "created_at": "Create Date", "owner": "Contact owner",
    "company": "Company Name", "industry": "Industry", "employees": "Number of Employees",
    "annual_revenue_usd": "Annual Revenue", "country": "Country/Region", "title": "Job Title",
  ])

  /// A Salesforce leads report (Reports → Leads), by the standard Lead fields' labels.
  public static let salesforceLeads = ColumnMapping(leads: [
    "id": "Lead ID", "email": "Email", "created_at": "Created Date", "owner": "Lead Owner",
    "company": "Company / Account", "industry": "Industry",
    "employees": "No. of Employees", "annual_revenue_usd": "Annual Revenue", "country": "Country",
    "title": "Title",
  ])

  /// The mappings `--columns` knows by name.
  public static let bundled: [String: ColumnMapping] = [
    "hubspot-contacts": hubSpotContacts, "salesforce-leads": salesforceLeads,
  ]
}
