import Foundation
import SamePageKit
import SamePageScoring
import Testing

/// A scoring run over hand-made files, as a user would hand them to `samepage score`: whole
/// CSV (or JSON Lines) texts, header included, and the options of the command.
struct ScoringCase {
  var leads: String
  var events = "lead_id,type,timestamp,url\n"
  var activities: String? = nil
  var asOf = "2026-11-20T12:00:00-06:00"
  var config = ScoringEngineTests.starterConfig
  var columns = ColumnMapping()
  var timeZone: String? = nil
  var maxErrors = 1_000
  var leadsName = "leads.csv"

  static let activityHeader = "lead_id,rep,channel,disposition,timestamp\n"

  /// The leads' header followed by these rows.
  static func leads(_ rows: String...) -> String { ScoringEngineTests.leadHeader + rows.joined() }
  static func fitting(
    _ id: String, owner: String = "rep-a", type: String = "", created: String = "2026-10-01T09:00:00-05:00"
  )
    -> String
  {
    ScoringEngineTests.fittingLead(id, created: created, type: type).replacingOccurrences(
      of: ",rep-a,", with: ",\(owner),")
  }
  /// Events that make a fitting lead an MQL at `at` (a form an hour earlier, then a webinar:
  /// 30 + 40 ≥ 50), on the same local day.
  static func mql(_ id: String, at webinar: String) -> String {
    let form = Timestamp.format(Timestamp.parse(webinar)! - 3_600_000)
    return "\(id),form_submission,\(form),\n\(id),webinar_attended,\(webinar),\n"
  }

  struct Outcome {
    var run: ScoringRun
    var results: [String: ScoringRun.LeadResult]
    var summary: ScoringRun.Summary
    subscript(_ id: String) -> ScoringRun.LeadResult? { results[id] }
  }

  func run() throws -> Outcome {
    let directory = try TemporaryDirectory()
    try directory.write(leads, to: leadsName)
    try directory.write(events, to: "events.csv")
    let run = try ScoringRun(
      config: config,
      options: .init(
        asOf: try #require(Timestamp.parse(asOf)), maxErrors: maxErrors, maxSkippedPercent: 100,
        columns: columns, timeZone: timeZone.flatMap(LocalTimeZone.init(identifier:))))
    try run.loadLeads(directory.url.appendingPathComponent(leadsName))
    try run.scoreEvents(directory.url.appendingPathComponent("events.csv"))
    if let activities {
      try directory.write(Self.activityHeader + activities, to: "activities.csv")
      try run.countActivities(directory.url.appendingPathComponent("activities.csv"))
    } else {
      try run.countActivities(nil)
    }
    var results: [String: ScoringRun.LeadResult] = [:]
    for lead in 0..<run.leadCount { results[run.result(lead).id] = run.result(lead) }
    return Outcome(run: run, results: results, summary: run.summary())
  }
}

func instant(_ text: String) -> Int64? { Timestamp.parse(text) }

/// The seven bugs of issue 11, each as a user met it: the contract (docs/SCORING.md) was
/// clear, the core did something else.
@Suite struct ScoringRegressionTests {
  /// 1. A number that is not one was silently kept (the fit rule skipped, nothing said).
  @Test(arguments: ["abc", "\"1,000\"", "100abc", "nan", "1e3", "inf"])
  func aNumberThatIsNotOneIsReportedAndTheLeadKeptWithoutIt(_ employees: String) throws {
    let row = Self.fittingWith(employees: employees)
    let outcome = try ScoringCase(
      leads: ScoringCase.leads(row),
      events: "lead_id,type,timestamp,url\nL1,webinar_attended,2026-10-02T10:00:00-05:00,\n",
      asOf: "2026-10-20T12:00:00-05:00"
    ).run()
    let shown = employees.replacingOccurrences(of: "\"", with: "")
    #expect(outcome.run.issues.map(\.line) == [2])
    #expect(outcome.run.issues.first?.reason.hasPrefix("employees '\(shown)' is not a number") == true)
    #expect(outcome.summary.leads.invalidValues == 1 && outcome.summary.leads.malformed == 0)
    #expect(
      outcome.run.humanSummary(outcome.summary).contains(
        "skipped 0 unreadable rows, kept 1 leads whose number was not one (scored without it) (first: line 2 of leads.csv: employees"
      ))
    // Kept: scored without the size rule (95 − 25), and its event still counts.
    #expect(outcome["L1"]?.fit == 70)
    #expect(outcome["L1"]?.engagement == 40)
  }

  static func fittingWith(employees: String) -> String {
    "L1,l1@acme.example,2026-10-01T09:00:00-05:00,rep-a,Acme,acme.example,manufacturing,\(employees),,US,Maintenance Manager,\n"
  }

  @Test func aReportedNumberCountsTowardsMaxErrors() throws {
    let rows = (1...3).map {
      Self.fittingWith(employees: "n/a").replacingOccurrences(of: "L1", with: "L\($0)")
    }
    #expect(throws: ScoringRun.Failure.self) {
      try ScoringCase(leads: ScoringEngineTests.leadHeader + rows.joined(), maxErrors: 2).run()
    }
  }

  /// 2. An undeclared channel or disposition made the row unreadable: the lead's attempts were
  /// lost and, past --max-errors, the run aborted.
  @Test func undeclaredChannelsAndDispositionsAreCountedNeverErrors() throws {
    let outcome = try ScoringCase(
      leads: ScoringCase.leads(ScoringCase.fitting("L1")),
      events: "lead_id,type,timestamp,url\n" + ScoringCase.mql("L1", at: "2026-10-05T10:00:00-05:00"),
      activities: """
        L1,rep-a,sms,connected,2026-10-05T10:10:00-05:00
        L1,rep-a,whatsapp,connected,2026-10-05T10:20:00-05:00
        L1,rep-a,call,left-vm,2026-10-05T10:30:00-05:00
        L1,rep-a,call,left-vm,2026-10-06T10:30:00-05:00

        """, maxErrors: 0
    ).run()
    #expect(outcome.summary.activities.malformed == 0)
    #expect(
      outcome.summary.activities.ignoredBy == [
        "undeclared channel 'sms'": 1, "undeclared channel 'whatsapp'": 1,
      ])
    #expect(outcome.summary.activities.undeclaredDispositions == ["left-vm": 2])
    // The channel decides what counts; an undeclared disposition is an attempt, not a connection.
    #expect(outcome["L1"]?.firstTouchAt == instant("2026-10-05T10:30:00-05:00"))
    #expect(outcome["L1"]?.firstTouch == "done")
    #expect(outcome["L1"]?.attempts == 2)
    #expect(outcome["L1"]?.connected == false)
  }

  /// 3. Impossible dates were accepted and rolled over (in the core's reader and in the SQL).
  @Test(arguments: ["2026-11-31T10:00:00Z", "2026-02-29T10:00:00Z", "2026-10-05T23:59:60Z"])
  func impossibleDatesAreUnreadableRowsNotRolledOver(_ stamp: String) throws {
    let outcome = try ScoringCase(
      leads: ScoringCase.leads(ScoringCase.fitting("L1")),
      events: "lead_id,type,timestamp,url\nL1,webinar_attended,\(stamp),\n", asOf: "2026-12-20T12:00:00-06:00"
    ).run()
    #expect(outcome.summary.events.malformed == 1 && outcome.summary.events.used == 0)
    #expect(
      outcome.run.issues.first?.reason.hasPrefix("timestamp '\(stamp)' is not an ISO 8601 timestamp") == true)
    #expect(outcome["L1"]?.engagement == 0)
  }

  /// 4. Fractions of a second were truncated: 0.9 s after the deadline was "done", and an
  /// event 0.8 s before the previous one was in order.
  @Test func millisecondsDecideDeadlinesAndTimeOrder() throws {
    // MQL Monday 5 October 10:00 CDT: standard first touch due 14:00:00.000.
    let events =
      "lead_id,type,timestamp,url\n" + ScoringCase.mql("L1", at: "2026-10-05T10:00:00-05:00")
      + ScoringCase.mql("L2", at: "2026-10-05T10:00:00-05:00")
      + "L3,webinar_attended,2026-10-02T10:00:00.800-05:00,\nL3,form_submission,2026-10-02T10:00:00.000-05:00,\n"
    let outcome = try ScoringCase(
      leads: ScoringCase.leads(
        ScoringCase.fitting("L1"), ScoringCase.fitting("L2"), ScoringCase.fitting("L3")),
      events: events,
      activities:
        "L1,rep-a,call,no-answer,2026-10-05T14:00:00.900-05:00\nL2,rep-a,call,no-answer,2026-10-05T14:00:00.000-05:00\n",
      asOf: "2026-10-20T12:00:00-05:00"
    ).run()
    #expect(outcome["L1"]?.firstTouchDue == instant("2026-10-05T14:00:00-05:00"))
    #expect(outcome["L1"]?.firstTouch == "breached")
    #expect(outcome["L2"]?.firstTouch == "done")
    #expect(outcome.summary.events.outOfOrder == 1)
    #expect(outcome["L3"]?.engagement == 40, "the form 0.8 s before the webinar is out of order")
    #expect(outcome["L1"]?.firstTouchAt.map(Timestamp.format) == "2026-10-05T19:00:00.900Z")
  }

  /// 5. A hand-raise that crossed the MQL threshold on the same event got standard priority.
  @Test func aHandRaiseThatCrossesTheMQLThresholdOnTheSameEventIsAHandRaise() throws {
    var config = ScoringEngineTests.starterConfig
    config.engagement.rules.append(
      .init(
        id: "demo", attribute: nil, event: "demo_request", anyOf: [], containsAny: [], atLeast: nil,
        atMost: nil, points: 30, frequency: nil))
    // 30 (form) + 30 (demo) = 60 ≥ 50 at the demo request, which is also a hand-raise.
    let outcome = try ScoringCase(
      leads: ScoringCase.leads(ScoringCase.fitting("L1")),
      events:
        "lead_id,type,timestamp,url\nL1,form_submission,2026-10-05T09:00:00-05:00,\nL1,demo_request,2026-10-05T10:00:00-05:00,\n",
      config: config
    ).run()
    #expect(outcome["L1"]?.stage == "sql")
    #expect(outcome["L1"]?.priority == "hand_raise")
    #expect(outcome["L1"]?.firstTouchDue == instant("2026-10-05T10:05:00-05:00"))
  }

  /// 6. With ownerOnly, a lead without an owner accepted any rep's activity.
  @Test func withOwnerOnlyALeadWithoutAnOwnerHasNoCountedActivity() throws {
    let outcome = try ScoringCase(
      leads: ScoringCase.leads(ScoringCase.fitting("L1", owner: "")),
      events: "lead_id,type,timestamp,url\n" + ScoringCase.mql("L1", at: "2026-10-05T10:00:00-05:00"),
      activities: "L1,rep-z,call,connected,2026-10-05T10:30:00-05:00\n"
    ).run()
    #expect(outcome["L1"]?.firstTouchAt == nil)
    #expect(outcome["L1"]?.firstTouch == "breached")
    #expect(outcome["L1"]?.connected == false)
    #expect(outcome.summary.activities.ignoredBy == ["lead without an owner": 1])
  }

  /// 7. MQL volume left out scored lead types whose SLA does not apply.
  @Test func mqlVolumeCountsScoredLeadTypesWithoutAnSLA() throws {
    var config = ScoringEngineTests.starterConfig
    let service = try #require(config.leadTypes.firstIndex { $0.id == "service" })
    config.leadTypes[service].slaApplies = false
    let events =
      "lead_id,type,timestamp,url\n" + ScoringCase.mql("L1", at: "2026-10-05T10:00:00-05:00")
      + ScoringCase.mql("L2", at: "2026-10-06T10:00:00-05:00")
    let outcome = try ScoringCase(
      leads: ScoringCase.leads(ScoringCase.fitting("L1"), ScoringCase.fitting("L2", type: "service")),
      events: events, config: config
    ).run()
    #expect(outcome["L2"]?.stage == "mql" && outcome["L2"]?.priority == "")
    #expect(outcome.summary.mqlsPerPeriod.map(\.mqls) == [2])
  }
}
