import Foundation
import SamePageKit
import SamePageScoring
import Testing

/// `score --columns` and `--time-zone` on files in the shape real CRMs export (docs/SCORING.md,
/// "Column mappings"), through the binary as a RevOps team would run it.
@Suite struct ColumnMappingTests {
  /// A HubSpot contacts export: HubSpot's default property labels, extra columns we ignore,
  /// and `Create Date` in the account's local time without an offset.
  static let hubSpotContacts = """
    Record ID,First Name,Last Name,Email,Phone Number,Contact owner,Create Date,Lifecycle Stage,Lead Status,Company Name,Industry,Number of Employees,Annual Revenue,Country/Region,Job Title
    1001,Ana,Diaz,ana@acme.example,,Jane Roe,2026-10-01 09:00,lead,New,Acme,manufacturing,400,,US,Maintenance Manager
    1002,Ben,Ito,ben@gmail.com,,Jane Roe,2026-10-02 14:30,subscriber,,,retail,12,,US,Buyer

    """

  /// A Salesforce leads report: the standard Lead field labels, ISO date-times with `+0000`.
  static let salesforceLeads = """
    Lead ID,First Name,Last Name,Title,Company / Account,Email,Lead Owner,Created Date,Industry,No. of Employees,Annual Revenue,Country,Lead Status,Lead Source
    00Q5g00000AbCdE,Ana,Diaz,Maintenance Manager,Acme,ana@acme.example,Jane Roe,2026-10-01T14:00:00.000+0000,manufacturing,400,25000000,US,Open - Not Contacted,Web
    00Q5g00000AbCde,Ben,Ito,Buyer,Small Co,ben@small.example,Jane Roe,2026-10-02T19:30:00.000+0000,retail,12,,US,Open - Not Contacted,Web

    """

  static let events = """
    lead_id,type,timestamp,url
    1001,form_submission,2026-10-05T09:00:00-05:00,
    1001,webinar_attended,2026-10-05T10:00:00-05:00,

    """

  /// The files of a run in a fresh folder, and the config emitted from the bundled glossary.
  func prepare(_ leads: String, named: String = "leads.csv", events: String = Self.events) throws
    -> (work: TemporaryDirectory, arguments: [String])
  {
    let work = try TemporaryDirectory()
    try work.write(leads, to: named)
    try work.write(events, to: "events.csv")
    let config = work.path("config.json")
    let emitted = try ProcessRunner.run(
      CLITests.binary, ["emit-config", "--glossary", Repository.glossary.path, "--out", config])
    try #require(emitted.status == 0, "\(emitted.error)")
    return (
      work,
      [
        "--config", config, "--leads", work.path(named), "--events", work.path("events.csv"),
        "--as-of", "2026-10-20T12:00:00-05:00", "--out", work.path("out"),
      ]
    )
  }

  static func rows(_ work: TemporaryDirectory) -> [[String: String]] {
    guard let text = try? String(contentsOfFile: work.path("out/leads.csv"), encoding: .utf8) else {
      return []
    }
    let lines = text.split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
  }

  func score(_ leads: String, named: String = "leads.csv", events: String = Self.events, _ options: [String])
    throws
    -> (run: ProcessRunner.Result, leads: [[String: String]])
  {
    let (work, arguments) = try prepare(leads, named: named, events: events)
    let run = try ProcessRunner.run(CLITests.binary, ["score"] + arguments + options)
    return (run, Self.rows(work))
  }

  @Test func aHubSpotContactsExportScoresWithTheBundledMappingAndItsTimeZone() throws {
    let (work, arguments) = try prepare(Self.hubSpotContacts)
    let run = try ProcessRunner.run(
      CLITests.binary,
      ["score"] + arguments + ["--columns", "hubspot-contacts", "--time-zone", "America/Chicago"])
    let leads = Self.rows(work)
    #expect(run.status == 0, "\(run.error)")
    #expect(run.output.hasPrefix("scored 2 leads, 2 events"))
    #expect(leads.map { $0["id"] } == ["1001", "1002"])
    #expect(leads.first?["fit"] == "95" && leads.first?["stage"] == "mql")
    #expect(leads.last?["excluded"] == "personal-email")
    // Local 2026-10-01 09:00 in Chicago is 14:00Z; 1002 never moved, so its stage time is its creation.
    #expect(leads.last?["stage_reached_at"] == "2026-10-02T19:30:00Z")
  }

  @Test func localTimesWithoutATimeZoneAreRefusedWithWhatToDo() throws {
    let (run, _) = try score(Self.hubSpotContacts, ["--columns", "hubspot-contacts"])
    #expect(run.status == 2)
    #expect(run.error.contains("created_at '2026-10-01 09:00' is not an ISO 8601 timestamp with an offset"))
    #expect(run.error.contains("give --time-zone"))
  }

  @Test func aSalesforceLeadsReportScoresWithTheBundledMapping() throws {
    let events = Self.events.replacingOccurrences(of: "1001,", with: "00Q5g00000AbCdE,")
    let (run, leads) = try score(Self.salesforceLeads, events: events, ["--columns", "salesforce-leads"])
    #expect(run.status == 0, "\(run.error)")
    // Salesforce ids differ only in case: two leads, not one.
    #expect(leads.map { $0["id"] } == ["00Q5g00000AbCdE", "00Q5g00000AbCde"])
    #expect(leads.first?["fit"] == "95" && leads.first?["stage"] == "mql")
    #expect(leads.last?["stage"] == "lead")
  }

  @Test func aMappingFileRenamesColumnsOfEveryFile() throws {
    let work = try TemporaryDirectory()
    try work.write(
      """
      # Our column: the header in our exports.
      leads:
        id: Contact ID
        created_at: Created
      events:
        lead_id: Contact ID
        type: Activity Type
        timestamp: When

      """, to: "mapping.yaml")
    let leads =
      ScoringEngineTests.leadHeader.replacingOccurrences(of: "id,", with: "Contact ID,", options: .anchored)
      .replacingOccurrences(of: "created_at", with: "CREATED ") + ScoringEngineTests.fittingLead("L1")
    let events =
      "Contact ID,Activity Type,When,url\n" + ScoringCase.mql("L1", at: "2026-10-05T10:00:00-05:00")
    let (run, rows) = try score(leads, events: events, ["--columns", work.path("mapping.yaml")])
    #expect(run.status == 0, "\(run.error)")
    #expect(rows.first?["stage"] == "mql")
  }

  @Test(arguments: [
    ("lead:\n  id: Contact ID\n", "mapping.yaml:1:1: unknown section 'lead'"),
    ("events:\n  kind: Type\n", "mapping.yaml:2:3: 'kind' is not a column of events"),
    (
      "leads:\n  id: Email\n  email: email\n", "mapping.yaml:3:10: 'email' is mapped to both 'id' and 'email'"
    ),
    ("leads:\n  id: [a, b]\n", "mapping.yaml:2:7: the header for 'id' must be"),
    ("leads: [\n", "mapping.yaml:"),
  ])
  func aMappingThatCannotBeMeantIsRefusedWithItsPlace(_ yaml: String, _ message: String) throws {
    let work = try TemporaryDirectory()
    try work.write(yaml, to: "mapping.yaml")
    let (run, _) = try score(
      ScoringEngineTests.leadHeader + ScoringEngineTests.fittingLead("L1"),
      ["--columns", work.path("mapping.yaml")])
    #expect(run.status == 2)
    #expect(run.error.contains(message), "\(run.error)")
  }

  @Test func aMissingMappedColumnNamesBothNames() throws {
    let (run, _) = try score(
      ScoringEngineTests.leadHeader + ScoringEngineTests.fittingLead("L1"), ["--columns", "hubspot-contacts"])
    #expect(run.status == 2)
    #expect(run.error.contains("no column 'Record ID' (id)"), "\(run.error)")
  }

  @Test func anUnknownTimeZoneOrMappingNameIsAUsageError() throws {
    let (zone, _) = try score(ScoringEngineTests.leadHeader, ["--time-zone", "CST"])
    #expect(zone.status == 2 && zone.error.contains("--time-zone 'CST' is not an IANA time zone"))
    let (name, _) = try score(ScoringEngineTests.leadHeader, ["--columns", "pipedrive"])
    #expect(name.status == 2 && name.error.contains("neither a file nor a bundled mapping"))
  }
}
