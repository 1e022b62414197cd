import Foundation
import SamePageKit
import SamePageScoring
import Testing

/// Each decision of docs/SCORING.md that issue 11 found open, on a few hand-made rows; one
/// suite per section of the contract. Calendar of the starter config: Monday to Friday
/// 08:00–17:00 America/Chicago (CDT −05:00 until 1 November 2026), first touch within 4
/// business hours (hand-raise: 5 minutes), accept within 24 business hours, 6 attempts within
/// 10 business days. Monday 5 October 2026 is a working day.
@Suite struct ScoringContractInputTests {
  @Test(arguments: [
    ("2026-10-05 14:03", "2026-10-05T19:03:00Z"),  // CDT
    ("2026-11-01T01:30:00", "2026-11-01T06:30:00Z"),  // occurs twice as DST ends: the earlier
    ("2026-11-01 02:30", "2026-11-01T08:30:00Z"),  // after the change, CST
    ("2026-10-05T14:03:00.250", "2026-10-05T19:03:00.250Z"),
    ("2026-10-05T14:03:00+02:00", "2026-10-05T12:03:00Z"),  // an offset wins over the zone
  ])
  func timestampsWithoutAnOffsetAreLocalTimeInTheGivenZone(_ text: String, _ utc: String) throws {
    let zone = try #require(LocalTimeZone(identifier: "America/Chicago"))
    #expect(Timestamp.parse(text, zone: zone).map(Timestamp.format) == utc)
    if !text.contains("+") { #expect(Timestamp.parse(text) == nil, "no zone, no offset: refused") }
  }

  @Test func aLocalTimeSkippedWhenDSTStartsIsRefused() throws {
    let zone = try #require(LocalTimeZone(identifier: "America/Chicago"))
    #expect(Timestamp.parse("2027-03-14 02:30", zone: zone) == nil)
    #expect(Timestamp.parse("2027-03-14 03:30", zone: zone).map(Timestamp.format) == "2027-03-14T08:30:00Z")
    #expect(LocalTimeZone(identifier: "CST") == nil, "abbreviations are guesses")
  }

  @Test(arguments: [
    ("12", 12.0), (" 12 ", 12), ("\t-3.5", -3.5), ("+5", 5), (".5", 0.5), ("5.", 5), ("0400", 400),
  ])
  func decimalNumbersRead(_ text: String, _ value: Double) {
    var text = text
    #expect(text.withUTF8 { FieldValue.number($0) } == value)
  }

  @Test(arguments: ["1,000", "1 000", "1e3", "nan", "NaN", "inf", "-", ".", "", "12abc", "1.2.3", "0x10"])
  func otherNumbersDoNotRead(_ text: String) {
    var text = text
    #expect(text.withUTF8 { FieldValue.number($0) } == nil)
  }

  @Test func declaredValuesIgnoreCaseAndSurroundingSpacesIdsDoNot() throws {
    let outcome = try ScoringCase(
      leads: ScoringCase.leads(
        ScoringCase.fitting("L1", type: " New-Business"), ScoringCase.fitting("l1", type: "PARTNER-REFERRAL")),
      events:
        "lead_id,type,timestamp,url\nL1,Form_Submission,2026-10-05T09:00:00-05:00,\nL1, WEBINAR_ATTENDED ,2026-10-05T10:00:00-05:00,\n",
      activities:
        "L1,rep-a,CALL,Connected ,2026-10-05T10:30:00-05:00\nL1,REP-A,call,no-answer,2026-10-05T10:40:00-05:00\n"
    ).run()
    #expect(outcome["L1"]?.stage == "mql")
    #expect(outcome["L1"]?.connected == true)
    #expect(outcome["L1"]?.attempts == 1, "rep 'REP-A' is not the owner 'rep-a'")
    #expect(
      outcome["l1"]?.stage == "mql", "a different lead: ids keep their case; partner referrals start at MQL")
  }

  @Test func anEmptyLeadTypeIsTheDefaultAndAnUndeclaredOneIsAnUnreadableRow() throws {
    let outcome = try ScoringCase(
      leads: ScoringCase.leads(ScoringCase.fitting("L1"), ScoringCase.fitting("L2", type: "reseller"))
    ).run()
    #expect(outcome["L1"] != nil && outcome["L2"] == nil)
    #expect(outcome.run.issues.map(\.line) == [3])
    #expect(outcome.run.issues.first?.reason.hasPrefix("unknown lead type 'reseller'") == true)
  }

  @Test func aRepeatedLeadIdIsReportedAndTheFirstReadableRowScored() throws {
    let poor = "L1,pat@small.example,2026-10-01T09:00:00-05:00,rep-a,,,retail,5,,US,Intern,\n"
    let unreadable = "L1,x@acme.example,2026-02-31T09:00:00-05:00,rep-a,,,retail,5,,US,Intern,\n"
    let outcome = try ScoringCase(leads: ScoringCase.leads(unreadable, ScoringCase.fitting("L1"), poor)).run()
    #expect(outcome["L1"]?.fit == 95)
    #expect(outcome.run.issues.map(\.line) == [2, 4])
    #expect(outcome.run.issues.last?.reason.hasPrefix("duplicate lead id 'L1'") == true)
  }

  @Test(arguments: [
    ("no-at-sign.example", ""), ("a@b@gmail.com", "personal-email"), ("kim@STATE.EDU", "excluded-suffix"),
    ("x@gmail.com@acme.example", ""),
  ])
  func theEmailDomainIsThePartAfterTheLastAt(_ email: String, _ exclusion: String) throws {
    let lead = "L1,\(email),2026-10-01T09:00:00-05:00,rep-a,Co,,manufacturing,400,,US,Maintenance Manager,\n"
    let outcome = try ScoringCase(leads: ScoringCase.leads(lead)).run()
    #expect(outcome["L1"]?.exclusion == exclusion)
  }
}

@Suite struct ScoringContractScoringTests {
  @Test func onlyCountedEventsSetTheTimeALaterEventMustNotPrecede() throws {
    let events = """
      lead_id,type,timestamp,url
      L1,form_submission,2026-10-05T09:00:00-05:00,
      L1,webinar_attended,2026-12-01T09:00:00-06:00,
      L1,email_open,2026-10-07T09:00:00-05:00,
      L1,email_click,2026-10-06T09:00:00-05:00,

      """
    // The webinar after as-of and the undeclared email_open do not make the click out of order.
    let outcome = try ScoringCase(
      leads: ScoringCase.leads(ScoringCase.fitting("L1")), events: events, asOf: "2026-10-20T12:00:00-05:00"
    ).run()
    #expect(outcome.summary.events.afterAsOf == 1 && outcome.summary.events.outOfOrder == 0)
    #expect(outcome["L1"]?.engagement == 33)
  }

  @Test func unscoredLeadTypesGetFitButNoEngagementAndFireNothing() throws {
    let outcome = try ScoringCase(
      leads: ScoringCase.leads(ScoringCase.fitting("L1", type: "existing-customer")),
      events: "lead_id,type,timestamp,url\n" + ScoringCase.mql("L1", at: "2026-10-05T10:00:00-05:00"),
      asOf: "2026-10-20T12:00:00-05:00"
    ).run()
    #expect(outcome["L1"]?.fit == 95 && outcome["L1"]?.engagement == 0)
    #expect(outcome.summary.events.used == 2)
    #expect(outcome["L1"]?.stage == "sql", "its start stage")
    #expect(outcome.summary.mqlsPerPeriod.isEmpty)
  }

  @Test func excludedLeadsWhoseTypeStartsAtMQLGetNoClockAndAreNoMQLs() throws {
    let lead =
      "L1,bob@gmail.com,2026-10-01T09:00:00-05:00,rep-a,Co,,manufacturing,400,,US,VP Sales,partner-referral\n"
    let outcome = try ScoringCase(
      leads: ScoringCase.leads(lead), activities: "L1,rep-a,call,connected,2026-10-02T10:00:00-05:00\n"
    ).run()
    #expect(outcome["L1"]?.exclusion == "personal-email")
    #expect(outcome["L1"]?.stage == "mql")
    #expect(outcome["L1"]?.clockStart == nil && outcome["L1"]?.priority == "")
    #expect(outcome.summary.mqlsPerPeriod.isEmpty)
    #expect(outcome.summary.activities.ignoredBy == ["lead without an SLA clock": 1])
  }
}

@Suite struct ScoringContractSLATests {
  @Test func aClockReachedOnASaturdayRunsFromMondaysOpeningAndAnEarlierTouchIsInTime() throws {
    let outcome = try ScoringCase(
      leads: ScoringCase.leads(ScoringCase.fitting("L1")),
      events: "lead_id,type,timestamp,url\n" + ScoringCase.mql("L1", at: "2026-10-10T10:00:00-05:00"),
      activities:
        "L1,rep-a,call,no-answer,2026-10-10T11:00:00-05:00\nL1,rep-a,call,connected,2026-10-21T11:00:00-05:00\n",
      asOf: "2026-10-20T12:00:00-05:00"
    ).run()
    let result = try #require(outcome["L1"])
    #expect(result.attempts == 1, "the touch before the opening is an attempt; the one after as-of is not")
    #expect(result.connected == false && outcome.summary.activities.afterAsOf == 1)
    #expect(result.stageReachedAt == instant("2026-10-10T10:00:00-05:00"))
    #expect(result.clockStart == instant("2026-10-12T08:00:00-05:00"))
    #expect(result.firstTouchDue == instant("2026-10-12T12:00:00-05:00"))
    #expect(result.firstTouchAt == instant("2026-10-10T11:00:00-05:00"))
    #expect(result.firstTouch == "done")
    #expect(outcome.summary.medianFirstTouchBusinessMinutes == 0)
  }

  /// MQL on Monday 5 October 10:00 (standard due 14:00), then a demo request.
  @Test(
    arguments: [
      // demo, touch before it, priority, due
      ("2026-10-05T10:30:00-05:00", nil, "hand_raise", "2026-10-05T10:35:00-05:00"),
      ("2026-10-05T10:30:00-05:00", "2026-10-05T10:15:00-05:00", "standard", "2026-10-05T14:00:00-05:00"),
      ("2026-10-05T16:58:00-05:00", nil, "standard", "2026-10-05T14:00:00-05:00"),  // 17:03 is later
      ("2026-10-05T10:00:00-05:00", "2026-10-05T10:00:00-05:00", "hand_raise", "2026-10-05T10:05:00-05:00"),
    ] as [(String, String?, String, String)])
  func aDemoRequestAfterMQLBeforeAnyTouchIsHeldToTheEarlierDeadline(
    _ demo: String, _ touch: String?, _ priority: String, _ due: String
  ) throws {
    let outcome = try ScoringCase(
      leads: ScoringCase.leads(ScoringCase.fitting("L1")),
      events: "lead_id,type,timestamp,url\n" + ScoringCase.mql("L1", at: "2026-10-05T10:00:00-05:00")
        + "L1,demo_request,\(demo),\n",
      activities: touch.map { "L1,rep-a,call,no-answer,\($0)\n" } ?? "", asOf: "2026-10-20T12:00:00-05:00"
    ).run()
    #expect(outcome["L1"]?.stage == "sql")
    #expect(outcome["L1"]?.priority == priority)
    #expect(outcome["L1"]?.firstTouchDue == instant(due))
    #expect(outcome["L1"]?.clockStart == instant("2026-10-05T10:00:00-05:00"))
  }

  @Test func aDeadlineThatUsesUpTheDayIsItsClosingTime() throws {
    // MQL 13:00 + 4 business hours = 17:00 the same day, not 08:00 the next; due is inclusive.
    let events =
      "lead_id,type,timestamp,url\n" + ScoringCase.mql("L1", at: "2026-10-05T13:00:00-05:00")
      + ScoringCase.mql("L2", at: "2026-10-05T13:00:00-05:00")
    let outcome = try ScoringCase(
      leads: ScoringCase.leads(ScoringCase.fitting("L1"), ScoringCase.fitting("L2")), events: events,
      activities:
        "L1,rep-a,call,no-answer,2026-10-05T17:00:00.000-05:00\nL2,rep-a,call,no-answer,2026-10-05T17:00:00.001-05:00\n",
      asOf: "2026-10-20T12:00:00-05:00"
    ).run()
    #expect(outcome["L1"]?.firstTouchDue == instant("2026-10-05T17:00:00-05:00"))
    #expect(outcome["L1"]?.firstTouch == "done")
    #expect(outcome["L2"]?.firstTouch == "breached")
  }

  @Test func aDSTChangeInsideWorkingHoursMakesThatDayAnHourLonger() throws {
    // Sundays 01:00–05:00 in Chicago: on 1 November 2026 01:00 CDT is 06:00Z, 05:00 CST 11:00Z.
    let clock = try BusinessClock(
      .init(timeZone: "America/Chicago", workingDays: [7], start: "01:00", end: "05:00", holidays: []))
    let open = try #require(instant("2026-11-01T06:00:00Z"))
    #expect(
      clock.businessMilliseconds(from: open, to: try #require(instant("2026-11-01T12:00:00Z"))) == 5
        * 3_600_000)
    #expect(
      clock.due(.init(amount: 4, unit: "business_hours"), from: open) == instant("2026-11-01T10:00:00Z"))
    // A business day stays the calendar's 4 hours: one business day from that opening ends
    // 4 elapsed hours later, at 04:00 CST.
    #expect(clock.due(.init(amount: 1, unit: "business_days"), from: open) == instant("2026-11-01T10:00:00Z"))
    #expect(clock.workingDayMilliseconds == 4 * 3_600_000)
  }

  @Test func theConnectWindowsEndIsInclusive() throws {
    // Window: 10 business days from Monday 5 October 10:00 → Monday 19 October 10:00.
    let days = ["05", "06", "07", "08", "09"]
    var activities = days.map { "L1,rep-a,call,no-answer,2026-10-\($0)T11:00:00-05:00\n" }.joined()
    activities += "L1,rep-a,call,no-answer,2026-10-19T10:00:00.000-05:00\n"
    activities += days.map { "L2,rep-a,call,no-answer,2026-10-\($0)T11:00:00-05:00\n" }.joined()
    activities += "L2,rep-a,call,no-answer,2026-10-19T10:00:00.001-05:00\n"
    let events =
      "lead_id,type,timestamp,url\n" + ScoringCase.mql("L1", at: "2026-10-05T10:00:00-05:00")
      + ScoringCase.mql("L2", at: "2026-10-05T10:00:00-05:00")
    let outcome = try ScoringCase(
      leads: ScoringCase.leads(ScoringCase.fitting("L1"), ScoringCase.fitting("L2")), events: events,
      activities: activities, asOf: "2026-10-20T12:00:00-05:00"
    ).run()
    #expect(outcome["L1"]?.windowEnd == instant("2026-10-19T10:00:00-05:00"))
    #expect(outcome["L1"]?.attempts == 6 && outcome["L1"]?.attemptsResult == "exhausted")
    #expect(outcome["L1"]?.status == "no-response")
    #expect(outcome["L2"]?.attempts == 5 && outcome["L2"]?.attemptsResult == "breached")
  }

  @Test func leadsWithoutAnSLAHaveNoCountedActivity() throws {
    let outcome = try ScoringCase(
      leads: ScoringCase.leads(ScoringCase.fitting("L1", type: "existing-customer")),
      activities: "L1,rep-a,call,connected,2026-10-02T10:00:00-05:00\n"
    ).run()
    #expect(outcome["L1"]?.status == "new", "the default status: never handed off through the SLA")
    #expect(outcome["L1"]?.firstTouch == "" && outcome["L1"]?.firstTouchAt == nil)
    #expect(outcome["L1"]?.attemptsResult == "")
    #expect(outcome.summary.activities.used == 0)
  }

  @Test func aLeadThatConnectsEarlyIsCompliantWithFewAttempts() throws {
    let outcome = try ScoringCase(
      leads: ScoringCase.leads(ScoringCase.fitting("L1")),
      events: "lead_id,type,timestamp,url\n" + ScoringCase.mql("L1", at: "2026-10-05T10:00:00-05:00"),
      activities:
        "L1,rep-a,call,no-answer,2026-10-05T11:00:00-05:00\nL1,rep-a,call,connected,2026-10-06T11:00:00-05:00\n",
      asOf: "2026-10-07T12:00:00-05:00"
    ).run()
    #expect(outcome["L1"]?.attemptsResult == "connected", "judged at once, before the window ends")
    #expect(outcome["L1"]?.status == "attempting")
    #expect(outcome.summary.reps.first { $0.rep == "rep-a" }?.attemptsCompliant == 1)
  }
}

@Suite struct ScoringContractAggregateTests {
  @Test func acceptanceCountsFirstTouchesByTheAcceptDeadline() throws {
    // Accept due 24 business hours after Monday 5 October 10:00: Wednesday 7 October 16:00.
    let events =
      "lead_id,type,timestamp,url\n" + ScoringCase.mql("L1", at: "2026-10-05T10:00:00-05:00")
      + ScoringCase.mql("L2", at: "2026-10-05T10:00:00-05:00")
    let outcome = try ScoringCase(
      leads: ScoringCase.leads(ScoringCase.fitting("L1"), ScoringCase.fitting("L2")), events: events,
      activities:
        "L1,rep-a,call,no-answer,2026-10-07T16:00:00-05:00\nL2,rep-a,call,no-answer,2026-10-07T16:30:00-05:00\n",
      asOf: "2026-10-20T12:00:00-05:00"
    ).run()
    #expect(outcome.summary.acceptanceDue == 2)
    #expect(outcome.summary.acceptanceRate == 50)
  }

  @Test func mqlsAreBucketedByWhenTheyBecameMQLsInTheCalendarsZone() throws {
    // 2026-11-01T03:00Z is 31 October 22:00 in Chicago: an October MQL.
    let outcome = try ScoringCase(
      leads: ScoringCase.leads(
        ScoringCase.fitting("L1"),
        ScoringCase.fitting("L2", type: "partner-referral", created: "2026-11-02T09:00:00-06:00")),
      events: "lead_id,type,timestamp,url\n" + ScoringCase.mql("L1", at: "2026-11-01T03:00:00Z")
    ).run()
    #expect(outcome.summary.mqlsPerPeriod.map { "\($0.period): \($0.mqls)" } == ["2026-10: 1", "2026-11: 1"])
  }

  @Test func repsOwnEveryLeadAndTheMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() throws {
    let events =
      "lead_id,type,timestamp,url\n" + ScoringCase.mql("L1", at: "2026-10-05T10:00:00-05:00")
      + ScoringCase.mql("L2", at: "2026-10-05T10:00:00-05:00")
    let outcome = try ScoringCase(
      leads: ScoringCase.leads(
        ScoringCase.fitting("L1"), ScoringCase.fitting("L2"), ScoringCase.fitting("L3")),
      events: events,
      activities:
        "L1,rep-a,call,no-answer,2026-10-05T10:30:00-05:00\nL2,rep-a,call,no-answer,2026-10-05T11:00:00-05:00\n",
      asOf: "2026-10-20T12:00:00-05:00"
    ).run()
    let rep = try #require(outcome.summary.reps.first)
    #expect(rep.rep == "rep-a" && rep.leads == 3 && rep.slaLeads == 2)
    #expect(outcome.summary.medianFirstTouchBusinessMinutes == 45)
  }
}
