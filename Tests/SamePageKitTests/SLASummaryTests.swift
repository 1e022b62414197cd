import Foundation
import SamePageKit
import SamePageScoring
import Testing

/// The SLA half of `score` on seven hand-made leads, every figure worked out by hand below from
/// the starter SLA: business hours Monday to Friday 08:00–17:00 America/Chicago (9 h a day;
/// CDT −05:00 until 1 November 2026, then CST −06:00), first touch within 4 business hours,
/// accept or reject within 24 business hours, 6 attempts within 10 business days, 120 MQLs a
/// month, acceptance target 90 %.
///
/// Each lead fits (fit 95) and becomes an MQL at its webinar, an hour after a form submission;
/// that instant starts its SLA clock. As of Friday 20 November 12:00 CST every deadline and
/// window has passed.
///
/// | lead | owner | MQL (clock start) | first touch by the owner | business minutes | touch | accept due, in time? |
/// | L1 | rep-a | Mon 5 Oct 10:00 | Mon 5 Oct 10:30, connected | 30 | done (due 14:00) | Wed 7 Oct 16:00, yes |
/// | L2 | rep-a | Mon 5 Oct 10:00 | Mon 5 Oct 16:00, no answer | 360 | breached | Wed 7 Oct 16:00, yes |
/// | L3 | rep-b | Thu 8 Oct 09:00 | Mon 12 Oct 09:00 | 8 h Thu + 9 h Fri + 1 h Mon = 1080 | breached (due Thu 13:00) | 8 + 9 + 7 h: Mon 12 Oct 15:00, yes |
/// | L4 | rep-b | Mon 5 Oct 10:00 | never | — | breached | Wed 7 Oct 16:00, no |
/// | L5 | none | Tue 3 Nov 10:00 CST | never: rep-z's call on Tue 3 Nov 11:00 does not count (with `ownerOnly`, a lead nobody owns has no counted activity) | — | breached | Thu 5 Nov 16:00, no |
/// | L6 | rep-a | never an MQL (no events) | — | — | no clock | — |
/// | L7 | rep-b | Mon 5 Oct 10:00 | Mon 5 Oct 11:00, then daily to Mon 12 Oct: 6 attempts, none connected | 60 | done | Wed 7 Oct 16:00, yes |
///
/// - MQLs per period (the clock start's month in Chicago): 2026-10: L1–L4, L7 = 5; 2026-11:
///   L5 = 1; both below 120, so missed.
/// - Acceptance: 6 due, 4 in time (all but L4 and L5): 4 / 6 = 66.67 %, printed 66.7%.
/// - Median first touch over [30, 60, 360, 1080] business minutes: an even count, so the mean
///   of the middle two, (60 + 360) / 2 = 210.
/// - First touch: done 2 (L1, L7), breached 4 (L2, L3, L4, L5), pending 0.
/// - Attempts (all windows ended): L1 connected, L7 exhausted (6 attempts, none connected),
///   L2, L3, L4, L5 breached (fewer than 6): 2 of 6 compliant.
/// - Per rep (compliant = connected or 6 attempts): rep-a owns 3 leads, 2 with an SLA clock
///   (L6 never became an MQL), 1 in time, 1 breached, 2 windows ended, 1 compliant (L1
///   connected; L2 made 1 attempt); rep-b 3 leads, all with a clock, 1 in time, 2 breached,
///   3 ended, 1 compliant (L7: 6 attempts in its window of 10 business days, to Mon 19 Oct
///   10:00); "(unassigned)" 1 lead (L5), breached, 1 ended, 0 compliant.
@Suite struct SLASummaryTests {
  static let leads: String = {
    var text = ScoringEngineTests.leadHeader
    for (id, owner) in [
      ("L1", "rep-a"), ("L2", "rep-a"), ("L3", "rep-b"), ("L4", "rep-b"), ("L5", ""), ("L6", "rep-a"),
      ("L7", "rep-b"),
    ] {
      text += ScoringEngineTests.fittingLead(id).replacingOccurrences(of: ",rep-a,", with: ",\(owner),")
    }
    return text
  }()

  static func mql(_ id: String, form: String, webinar: String) -> String {
    "\(id),form_submission,\(form),\n\(id),webinar_attended,\(webinar),\n"
  }

  static let events =
    "lead_id,type,timestamp,url\n"
    + mql("L1", form: "2026-10-05T09:00:00-05:00", webinar: "2026-10-05T10:00:00-05:00")
    + mql("L2", form: "2026-10-05T09:00:00-05:00", webinar: "2026-10-05T10:00:00-05:00")
    + mql("L3", form: "2026-10-08T08:00:00-05:00", webinar: "2026-10-08T09:00:00-05:00")
    + mql("L4", form: "2026-10-05T09:00:00-05:00", webinar: "2026-10-05T10:00:00-05:00")
    + mql("L5", form: "2026-11-03T09:00:00-06:00", webinar: "2026-11-03T10:00:00-06:00")
    + mql("L7", form: "2026-10-05T09:00:00-05:00", webinar: "2026-10-05T10:00:00-05:00")

  static let activities =
    "lead_id,rep,channel,disposition,timestamp\n"
    + "L1,rep-a,call,connected,2026-10-05T10:30:00-05:00\n"
    + "L2,rep-a,call,no-answer,2026-10-05T16:00:00-05:00\n"
    + "L3,rep-b,call,no-answer,2026-10-12T09:00:00-05:00\n"
    + "L5,rep-z,call,no-answer,2026-11-03T11:00:00-06:00\n"
    + ["05", "06", "07", "08", "09", "12"].map { "L7,rep-b,call,no-answer,2026-10-\($0)T11:00:00-05:00\n" }
    .joined()

  static let asOf = "2026-11-20T12:00:00-06:00"

  /// rep: leads (with an SLA clock), first touch in time / breached / pending, windows ended,
  /// attempts compliant.
  static let expectedReps = [
    "(unassigned): 1 leads (1), 0/1/0, 1 ended, 0 compliant",
    "rep-a: 3 leads (2), 1/1/0, 2 ended, 1 compliant",
    "rep-b: 3 leads (3), 1/2/0, 3 ended, 1 compliant",
  ]

  static func describe(_ rep: ScoringRun.Summary.Rep) -> String {
    "\(rep.rep): \(rep.leads) leads (\(rep.slaLeads)), \(rep.firstTouchInTime)/\(rep.firstTouchBreached)/\(rep.firstTouchPending), "
      + "\(rep.windowsEnded) ended, \(rep.attemptsCompliant) compliant"
  }

  func write(into directory: TemporaryDirectory) throws {
    try directory.write(Self.leads, to: "leads.csv")
    try directory.write(Self.events, to: "events.csv")
    try directory.write(Self.activities, to: "activities.csv")
  }

  func check(_ summary: ScoringRun.Summary) {
    #expect(
      summary.mqlsPerPeriod.map {
        "\($0.period): \($0.mqls) of \($0.commitment ?? -1), met \($0.met ?? true)"
      } == [
        "2026-10: 5 of 120.0, met false", "2026-11: 1 of 120.0, met false",
      ])
    #expect(summary.acceptanceDue == 6)
    #expect(
      abs((summary.acceptanceRate ?? 0) - 400.0 / 6) < 1e-9, "\(String(describing: summary.acceptanceRate))")
    #expect(summary.acceptanceTarget == 90)
    #expect(summary.medianFirstTouchBusinessMinutes == 210)
    #expect(summary.firstTouch == ["done": 2, "breached": 4])
    #expect(summary.attempts == ["connected": 1, "exhausted": 1, "breached": 4])
    #expect(summary.reps.map(Self.describe) == Self.expectedReps)
    #expect(summary.stages["lead"] == 1, "L6 never reached MQL: \(summary.stages)")
    #expect(summary.leads.used == 7 && summary.events.used == 12 && summary.activities.used == 9)
    #expect(summary.activities.ignoredBy == ["lead without an owner": 1])
  }

  @Test func summaryComputesAcceptanceMedianFirstTouchPeriodsAndRepsAsWorkedOutByHand() throws {
    let directory = try TemporaryDirectory()
    try write(into: directory)
    let run = try ScoringRun(
      config: ScoringEngineTests.starterConfig,
      options: .init(asOf: try #require(Timestamp.parse(Self.asOf)), maxErrors: 10, maxSkippedPercent: 1))
    try run.loadLeads(directory.url.appendingPathComponent("leads.csv"))
    try run.scoreEvents(directory.url.appendingPathComponent("events.csv"))
    try run.countActivities(directory.url.appendingPathComponent("activities.csv"))
    check(run.summary())
  }

  @Test func scoreWritesTheSameSummaryToSummaryJSONAndPrintsIt() throws {
    let work = try TemporaryDirectory()
    try write(into: work)
    let config = work.path("config.json")
    let emitted = try ProcessRunner.run(
      CLITests.binary, ["emit-config", "--glossary", Repository.glossary.path, "--out", config])
    try #require(emitted.status == 0, "\(emitted.error)")
    let run = try ProcessRunner.run(
      CLITests.binary,
      [
        "score", "--config", config, "--leads", work.path("leads.csv"), "--events", work.path("events.csv"),
        "--activities", work.path("activities.csv"), "--as-of", Self.asOf, "--out", work.path("out"),
      ])
    #expect(run.status == 0, "\(run.error)")
    #expect(
      run.output == """
        scored 7 leads, 12 events, 9 activities as of 2026-11-20T18:00:00Z
        ignored activities: 1 lead without an owner
        MQLs 2026-10: 5 of 120 committed, missed
        MQLs 2026-11: 1 of 120 committed, missed
        accepted in time: 66.7% of 6 (target 90%)
        median time to first touch: 210 business minutes
        first touch: 2 in time, 4 breached, 0 pending
        connect attempts: 2 of 6 compliant (1 connected, 1 sequence completed without a connection, 4 too few attempts), 0 windows still open
        wrote \(work.path("out"))/leads.csv and \(work.path("out"))/summary.json

        """)
    let data = try Data(contentsOf: URL(fileURLWithPath: work.path("out/summary.json")))
    check(try JSONDecoder().decode(ScoringRun.Summary.self, from: data))
    // The keys a dashboard reads, by name, so a renamed field fails here too.
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(abs((json["acceptanceRate"] as? Double ?? 0) - 400.0 / 6) < 1e-9)
    #expect(json["medianFirstTouchBusinessMinutes"] as? Double == 210)
    #expect(
      (json["reps"] as? [[String: Any]])?.map { $0["rep"] as? String } == ["(unassigned)", "rep-a", "rep-b"])
  }
}
