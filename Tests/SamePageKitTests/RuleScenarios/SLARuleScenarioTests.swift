import Foundation
import SamePageKit
import Testing

/// Every way the SLA rules can fail, one small edit each, and edits they must accept.
@Suite struct SLARuleScenarioTests {
  static func sla(_ at: String, _ id: String, _ summary: String) -> RuleScenario.Expected {
    .init(file: "sla.yaml", at: at, id: id, summary: summary)
  }

  static let calendarScenarios: [RuleScenario] = [
    RuleScenario(
      "a misspelt time zone, with the nearest real one", file: "sla.yaml",
      replacing: "time_zone: America/Chicago", with: "time_zone: America/Chicgo",
      expect: [
        sla(
          "time_zone:", "sla.calendar-valid",
          "'America/Chicgo' is not a known time zone; did you mean 'America/Chicago'?")
      ]),
    RuleScenario(
      "no working days", file: "sla.yaml",
      replacing: "working_days: [monday, tuesday, wednesday, thursday, friday]", with: "working_days: []",
      expect: [sla("time_zone:", "sla.calendar-valid", "the business calendar has no working days")]),
    RuleScenario(
      "a working day listed twice", file: "sla.yaml",
      replacing: "working_days: [monday, tuesday, wednesday, thursday, friday]",
      with: "working_days: [monday, tuesday, monday, thursday, friday]",
      expect: [sla("working_days:", "sla.calendar-valid", "'monday' is listed twice")]),
    RuleScenario(
      "working hours that end before they start", file: "sla.yaml",
      replacing: #"hours: {start: "08:00", end: "17:00"}"#, with: #"hours: {start: "08:00", end: "07:30"}"#,
      expect: [
        sla("hours:", "sla.calendar-valid", "working hours end at 07:30, not after they start at 08:00")
      ]),
    RuleScenario(
      "working hours that end when they start", file: "sla.yaml",
      replacing: #"hours: {start: "08:00", end: "17:00"}"#, with: #"hours: {start: "08:00", end: "08:00"}"#,
      expect: [
        sla("hours:", "sla.calendar-valid", "working hours end at 08:00, not after they start at 08:00")
      ]),
    RuleScenario(
      "a holiday listed twice, reported at the repeat", file: "sla.yaml",
      replacing: "{date: 2026-12-25, name: Christmas Day}", with: "{date: 2026-11-26, name: Christmas Day}",
      expect: [sla("Christmas Day", "sla.calendar-valid", "holiday 2026-11-26 is listed twice")]),
    RuleScenario(
      "a time zone abbreviation, with the region zone it stands for", file: "sla.yaml",
      replacing: "time_zone: America/Chicago", with: "time_zone: CST",
      expect: [
        sla(
          "time_zone:", "sla.calendar-valid",
          "'CST' is an abbreviation, not an IANA time zone; did you mean 'America/Chicago'?")
      ]),
    RuleScenario(
      "a Pacific abbreviation", file: "sla.yaml",
      replacing: "time_zone: America/Chicago", with: "time_zone: PST",
      expect: [
        sla(
          "time_zone:", "sla.calendar-valid",
          "'PST' is an abbreviation, not an IANA time zone; did you mean 'America/Los_Angeles'?")
      ]),
    RuleScenario(
      "a fixed offset", file: "sla.yaml",
      replacing: "time_zone: America/Chicago", with: "time_zone: GMT+1",
      expect: [sla("time_zone:", "sla.calendar-valid", "'GMT+1' is a fixed offset, not an IANA time zone")]),
    RuleScenario(
      "a fixed offset written with minutes", file: "sla.yaml",
      replacing: "time_zone: America/Chicago", with: #"time_zone: "UTC+01:00""#,
      expect: [
        sla("time_zone:", "sla.calendar-valid", "'UTC+01:00' is a fixed offset, not an IANA time zone")
      ]),
    RuleScenario(
      "UTC is accepted", file: "sla.yaml",
      replacing: "time_zone: America/Chicago", with: "time_zone: UTC", expect: []),
    RuleScenario(
      "another real time zone is accepted", file: "sla.yaml",
      replacing: "time_zone: America/Chicago", with: "time_zone: Europe/Berlin", expect: []),
    RuleScenario(
      "two holidays with the same name on different dates are accepted", file: "sla.yaml",
      replacing: "{date: 2026-12-25, name: Christmas Day}", with: "{date: 2026-12-25, name: Labor Day}",
      expect: []),
  ]

  static let commitmentsScenarios: [RuleScenario] = [
    RuleScenario(
      "a commitment without a party", file: "sla.yaml",
      replacing: "  - id: mql-volume\n    party: marketing\n", with: "  - id: mql-volume\n",
      expect: [
        sla("id: mql-volume", "sla.commitment-complete", "commitment 'mql-volume' does not name its party")
      ]),
    RuleScenario(
      "a commitment without a quantity or a unit names both", file: "sla.yaml",
      replacing: "    quantity: 120\n    unit: mqls\n", with: "",
      expect: [
        sla(
          "id: mql-volume", "sla.commitment-complete",
          "commitment 'mql-volume' does not name its quantity, unit")
      ]),
    RuleScenario(
      "an MQL volume counted in percent", file: "sla.yaml",
      replacing: "    unit: mqls\n", with: "    unit: percent  # mql volume\n",
      expect: [
        sla(
          "# mql volume", "sla.commitment-complete",
          "commitment 'mql-volume' counts MQLs but its unit is 'percent'")
      ]),
    RuleScenario(
      "an MQL volume counted in leads is accepted", file: "sla.yaml",
      replacing: "    unit: mqls\n", with: "    unit: leads\n", expect: []),
    RuleScenario(
      "an MQL volume without a period", file: "sla.yaml",
      replacing: "    unit: mqls\n    per: month\n", with: "    unit: mqls\n",
      expect: [sla("id: mql-volume", "sla.commitment-complete", "commitment 'mql-volume' has no period")]),
    RuleScenario(
      "an acceptance rate counted in MQLs", file: "sla.yaml",
      replacing: "    quantity: 90\n    unit: percent\n", with: "    quantity: 90\n    unit: mqls  # rate\n",
      expect: [
        sla(
          "# rate", "sla.commitment-complete",
          "commitment 'acceptance-rate' is a rate but its unit is 'mqls'")
      ]),
    RuleScenario(
      "a first-touch deadline counted in attempts", file: "sla.yaml",
      replacing: "    quantity: 5\n    unit: minutes\n",
      with: "    quantity: 5\n    unit: attempts  # touch\n",
      expect: [
        sla(
          "# touch", "sla.commitment-complete",
          "commitment 'first-touch-hand-raise' is a deadline but its unit 'attempts' is not a unit of time")
      ]),
    RuleScenario(
      "an accept-or-reject deadline counted in percent", file: "sla.yaml",
      replacing: "    quantity: 24\n    unit: business_hours\n",
      with: "    quantity: 24\n    unit: percent  # accept\n",
      expect: [
        sla(
          "# accept", "sla.commitment-complete",
          "commitment 'accept-or-reject' is a deadline but its unit 'percent' is not a unit of time")
      ]),
    RuleScenario(
      "an accept-or-reject deadline in calendar days is accepted", file: "sla.yaml",
      replacing: "    quantity: 24\n    unit: business_hours\n", with: "    quantity: 1\n    unit: days\n",
      expect: []),
    RuleScenario(
      "a first touch that does not say which leads it covers", file: "sla.yaml",
      replacing: "    kind: first_touch\n    priority: hand_raise\n", with: "    kind: first_touch\n",
      expect: [
        sla(
          "id: first-touch-hand-raise", "sla.commitment-complete",
          "commitment 'first-touch-hand-raise' does not say which leads it covers")
      ]),
    RuleScenario(
      "connect attempts counted in MQLs", file: "sla.yaml",
      replacing: "    unit: attempts\n", with: "    unit: mqls  # attempts\n",
      expect: [
        sla(
          "# attempts", "sla.commitment-complete",
          "commitment 'connect-attempts' counts attempts but its unit is 'mqls'")
      ]),
    RuleScenario(
      "connect attempts without a window", file: "sla.yaml",
      replacing: "    within: 10 business days\n", with: "",
      expect: [
        sla("id: connect-attempts", "sla.commitment-complete", "commitment 'connect-attempts' has no window")
      ]),
  ]

  static let otherSLARulesScenarios: [RuleScenario] = [
    RuleScenario(
      "the SLA promises fewer attempts than the sequence requires", file: "sla.yaml",
      replacing: "    quantity: 6\n", with: "    quantity: 5  # promised\n",
      expect: [
        sla(
          "# promised", "sla.attempts-agree",
          "the SLA promises 5 attempts but the sequence requires 6")
      ]),
    RuleScenario(
      "the SLA gives attempts another window than the sequence", file: "sla.yaml",
      replacing: "    within: 10 business days\n", with: "    within: 12 business days\n",
      expect: [
        sla(
          "within: 12 business days", "sla.attempts-agree",
          "the SLA gives attempts 12 business days but the sequence's window is 10 business days")
      ]),
    RuleScenario(
      "no standard first touch", file: "sla.yaml",
      replacing: "    priority: standard\n", with: "    priority: hand_raise\n",
      expect: [
        sla(
          "definition: >-", "sla.first-touch-order", "the SLA sets no first-touch deadline for standard MQLs")
      ]),
    RuleScenario(
      "a hand-raise first touch slower than the standard one", file: "sla.yaml",
      replacing: "    quantity: 5\n    unit: minutes\n",
      with: "    quantity: 5\n    unit: business_hours  # slow\n",
      expect: [
        sla(
          "quantity: 5", "sla.first-touch-order",
          "hand-raise first touch (5 business hours) is slower than standard first touch (4 business hours)")
      ]),
    RuleScenario(
      "a hand-raise first touch as fast as the standard one is accepted", file: "sla.yaml",
      replacing: "    quantity: 5\n    unit: minutes\n", with: "    quantity: 4\n    unit: business_hours\n",
      expect: []),
    RuleScenario(
      "the SLA without sales as a party", file: "sla.yaml",
      replacing:
        "  - party: sales\n    team: Sales\n    signatory: {name: Marcus Oyelaran, title: VP Sales}\n",
      with: "",
      expect: [sla("definition: >-", "sla.signatories", "the SLA does not name sales as a party")]),
    RuleScenario(
      "marketing listed twice", file: "sla.yaml",
      replacing: "  - party: sales\n    team: Sales\n",
      with: "  - party: marketing  # twice\n    team: Field marketing\n",
      expect: [
        sla("# twice", "sla.signatories", "marketing is listed twice as a party"),
        sla("definition: >-", "sla.signatories", "the SLA does not name sales as a party"),
      ]),
    RuleScenario(
      "a party without a signatory", file: "sla.yaml",
      replacing: "    signatory: {name: Marcus Oyelaran, title: VP Sales}\n", with: "",
      expect: [sla("- party: sales", "sla.signatories", "sales has no signatory")]),
    RuleScenario(
      "a signatory with a blank name", file: "sla.yaml",
      replacing: "{name: Marcus Oyelaran, title: VP Sales}", with: #"{name: " ", title: VP Sales}"#,
      expect: [sla("- party: sales", "sla.signatories", "sales has no signatory")]),
    RuleScenario(
      "a hand-off accepting into a recycle status", file: "sla.yaml",
      replacing: "accepted_status: attempting", with: "accepted_status: rejected",
      expect: [
        sla(
          "accepted_status:", "sla.status-exists",
          "the hand-off's accepted status 'rejected' has category 'recycle', expected 'working'")
      ]),
    RuleScenario(
      "a hand-off rejecting into a status that does not exist", file: "sla.yaml",
      replacing: "rejected_status: rejected", with: "rejected_status: rejectd",
      expect: [
        sla(
          "rejected_status:", "sla.status-exists",
          "the hand-off's rejected status 'rejectd' is not a lead status")
      ]),
    RuleScenario(
      "a sales-accepted stage without an accept-or-reject deadline", file: "sla.yaml",
      replacing: "    kind: accept_reject\n", with: "    kind: other\n",
      expect: [
        .init(
          file: "lifecycle-stages.yaml", at: "id: sal", id: "lifecycle.sal-deadline",
          summary: "stage 'sal' needs a deadline, but the SLA has no 'accept_reject' commitment")
      ]),
    RuleScenario(
      "the parties in the other order are accepted", file: "sla.yaml",
      replacing:
        "  - party: marketing\n    team: Marketing\n    signatory: {name: Dana Whitfield, title: VP Marketing}\n"
        + "  - party: sales\n    team: Sales\n    signatory: {name: Marcus Oyelaran, title: VP Sales}\n",
      with: "  - party: sales\n    team: Sales\n    signatory: {name: Marcus Oyelaran, title: VP Sales}\n"
        + "  - party: marketing\n    team: Marketing\n    signatory: {name: Dana Whitfield, title: VP Marketing}\n",
      expect: []),
    RuleScenario(
      "a hand-off rejecting into another recycle status is accepted", file: "sla.yaml",
      replacing: "rejected_status: rejected", with: "rejected_status: no-response", expect: []),
  ]

  static let datesScenarios: [RuleScenario] = [
    RuleScenario(
      "a version that is not semantic versioning", file: "samepage.yaml",
      replacing: "glossary_version: 2.3.0", with: "glossary_version: 02.3.0",
      expect: [
        .init(
          file: "samepage.yaml", at: "glossary_version:", id: "sla.dates-agree",
          summary: "glossary_version '02.3.0' is not a semantic version"),
        sla(
          "version: 2.3.0", "sla.dates-agree",
          "the newest change is version 2.3.0, but the manifest is at 02.3.0"),
      ]),
    RuleScenario(
      "a manifest ahead of its change log", file: "samepage.yaml",
      replacing: "glossary_version: 2.3.0", with: "glossary_version: 2.4.0",
      expect: [
        sla(
          "version: 2.3.0", "sla.dates-agree",
          "the newest change is version 2.3.0, but the manifest is at 2.4.0")
      ]),
    RuleScenario(
      "the newest change dated other than the effective date", file: "sla.yaml",
      replacing: "{version: 2.3.0, date: 2026-10-01,", with: "{version: 2.3.0, date: 2026-09-20,",
      expect: [
        sla(
          "version: 2.3.0", "sla.dates-agree",
          "the change for 2.3.0 is dated 2026-09-20, but the agreement takes effect on 2026-10-01")
      ]),
    RuleScenario(
      "a next review on the effective date", file: "sla.yaml",
      replacing: "next_review: 2027-01-15", with: "next_review: 2026-10-01",
      expect: [
        sla(
          "next_review:", "sla.dates-agree",
          "the next review, 2026-10-01, is not after the effective date 2026-10-01")
      ]),
    RuleScenario(
      "a holiday before the effective date", file: "sla.yaml",
      replacing: "{date: 2026-11-26, name: Thanksgiving Day}",
      with: "{date: 2026-09-07, name: Labor Day 2026}",
      expect: [
        sla(
          "Labor Day 2026", "sla.holidays-in-period",
          "holiday 2026-09-07 is before the agreement takes effect on 2026-10-01")
      ]),
    RuleScenario(
      "a holiday a year after the next review is accepted", file: "sla.yaml",
      replacing: "{date: 2027-09-06, name: Labor Day}", with: "{date: 2028-01-15, name: Labor Day}",
      expect: []),
  ]

  static let escalationAndReportingScenarios: [RuleScenario] = [
    RuleScenario(
      "an escalation owner without a delay", file: "sla.yaml",
      replacing: "  rejection_review:", with: "  escalation_owner: Director of Sales\n  rejection_review:",
      expect: [
        sla(
          "escalation_owner: Director of Sales", "sla.escalation-chain",
          "the escalation owner 'Director of Sales' has no delay")
      ]),
    RuleScenario(
      "an escalation delay without an owner", file: "sla.yaml",
      replacing: "  rejection_review:", with: "  escalate_after: 4 business hours\n  rejection_review:",
      expect: [
        sla(
          "escalate_after: 4 business hours", "sla.escalation-chain",
          "escalation after 4 business hours names nobody to escalate to")
      ]),
    RuleScenario(
      "the one-tier shorthand before the tiers must wait less than them", file: "sla.yaml",
      replacing: "  rejection_review:",
      with: "  escalation_owner: Director of Sales\n  escalate_after: 3 business days\n  rejection_review:",
      expect: [
        sla(
          "{after: 8 business hours", "sla.escalation-chain",
          "escalation to Sales manager of the territory after 8 business hours does not wait longer than the tier before it (3 business days)"
        )
      ]),
    RuleScenario(
      "tiers out of order", file: "sla.yaml",
      replacing: "{after: 2 business days, to: VP Sales", with: "{after: 1 business hour, to: VP Sales",
      expect: [
        sla(
          "{after: 1 business hour", "sla.escalation-chain",
          "escalation to VP Sales after 1 business hour does not wait longer than the tier before it (8 business hours)"
        )
      ]),
    RuleScenario(
      "an escalation before the standard first touch is due", file: "sla.yaml",
      replacing: "{after: 8 business hours,", with: "{after: 3 business hours,",
      expect: [
        sla(
          "{after: 3 business hours", "sla.escalation-chain",
          "escalation after 3 business hours comes before the first-touch deadline 'first-touch-standard' (4 business hours) has passed"
        )
      ]),
    RuleScenario(
      "an escalation exactly at the first-touch deadline is accepted", file: "sla.yaml",
      replacing: "{after: 8 business hours,", with: "{after: 4 business hours,", expect: []),
    RuleScenario(
      "no escalation at all is accepted", file: "sla.yaml",
      replacing:
        "    - {after: 8 business hours, to: Sales manager of the territory, backup: Director of Revenue Operations}\n    - {after: 2 business days, to: VP Sales, backup: VP Marketing}\n",
      with: "    []\n", expect: []),
    RuleScenario(
      "a measurable commitment left out of the reporting", file: "sla.yaml",
      replacing: "[mql_volume, acceptance_rate, first_touch, connect_attempts]",
      with: "[mql_volume, acceptance_rate, first_touch]",
      expect: [
        sla(
          "kind: connect_attempts", "sla.reporting-covers-commitments",
          "commitment 'connect-attempts' is measurable but not among the reported figures")
      ]),
    RuleScenario(
      "a figure with no commitment to measure it against", file: "sla.yaml",
      replacing: "  - id: acceptance-rate\n    party: marketing\n    kind: acceptance_rate\n",
      with: "  - id: acceptance-rate\n    party: marketing\n    kind: other\n",
      expect: [
        sla(
          "figures:", "sla.reporting-covers-commitments",
          "figure acceptance_rate is reported, but no commitment sets a target for it")
      ]),
    RuleScenario(
      "no reporting section", file: "sla.yaml",
      replacing:
        "reporting:\n  system_of_record: the CRM\n  prepared_by: Revenue Operations\n  cadence: weekly\n  reviewed_in: the monthly revenue meeting\n  figures: [mql_volume, acceptance_rate, first_touch, connect_attempts]\n",
      with: "",
      expect: [
        sla(
          "^definition:", "sla.reporting-covers-commitments",
          "the SLA does not say how its figures are reported")
      ]),
  ]

  @Test(arguments: escalationAndReportingScenarios) func escalationAndReporting(_ scenario: RuleScenario)
    throws
  {
    try scenario.run()
  }

  @Test(arguments: datesScenarios) func datesAndHolidays(_ scenario: RuleScenario) throws {
    try scenario.run()
  }
  @Test(arguments: calendarScenarios) func calendarValid(_ scenario: RuleScenario) throws {
    try scenario.run()
  }
  @Test(arguments: commitmentsScenarios) func commitmentComplete(_ scenario: RuleScenario) throws {
    try scenario.run()
  }
  @Test(arguments: otherSLARulesScenarios) func otherSLARules(_ scenario: RuleScenario) throws {
    try scenario.run()
  }
}
