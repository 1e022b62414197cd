import Foundation
import SamePageKit
import Testing

/// Every way the deal-stage and connect-attempt rules can fail, and edits they must accept.
@Suite struct DealAndConnectRuleScenarioTests {
  static func deal(_ at: String, _ id: String, _ summary: String) -> RuleScenario.Expected {
    .init(file: "deal-stages.yaml", at: at, id: id, summary: summary)
  }

  static func connect(_ at: String, _ id: String, _ summary: String) -> RuleScenario.Expected {
    .init(file: "connect-attempts.yaml", at: at, id: id, summary: summary)
  }

  static let serviceWon =
    "      - id: service-won\n        label: Closed won\n        probability: 100\n        forecast: closed\n"
    + "        closed: true\n        won: true\n        definition: Service contract signed.\n"
  static let serviceLost =
    "      - id: service-lost\n        label: Closed lost\n        probability: 0\n        forecast: omitted\n"
    + "        closed: true\n        definition: The buyer declined the contract.\n"
    + "        lost_reasons: [Price, In-house maintenance, Chose a competitor]\n"

  static let dealStagesScenarios: [RuleScenario] = [
    RuleScenario(
      "a pipeline without a won stage", file: "deal-stages.yaml", replacing: serviceWon, with: "",
      expect: [deal("- id: service", "deal.pipeline-outcomes", "pipeline 'service' has no won stage")]),
    RuleScenario(
      "a pipeline with a second won stage", file: "deal-stages.yaml", replacing: serviceWon,
      with: serviceWon
        + serviceWon.replacingOccurrences(of: "service-won", with: "service-renewed")
        .replacingOccurrences(of: "Closed won", with: "Renewed"),
      expect: [
        deal(
          "id: service-renewed", "deal.pipeline-outcomes",
          "pipeline 'service' has a second won stage 'service-renewed'")
      ]),
    RuleScenario(
      "a pipeline without a lost stage", file: "deal-stages.yaml", replacing: serviceLost, with: "",
      expect: [deal("- id: service", "deal.pipeline-outcomes", "pipeline 'service' has no lost stage")]),
    RuleScenario(
      "an open stage after the closed ones", file: "deal-stages.yaml", replacing: serviceLost,
      with: serviceLost
        + "      - id: renewal\n        label: Renewal\n        probability: 95\n        forecast: commit\n"
        + "        stale_after_days: 14\n        definition: Renewal offered.\n",
      expect: [
        deal("id: renewal", "deal.pipeline-outcomes", "open stage 'renewal' is listed after a closed stage")
      ]),
    RuleScenario(
      "a lost stage above 0%", file: "deal-stages.yaml", replacing: serviceLost,
      with: serviceLost.replacingOccurrences(of: "probability: 0", with: "probability: 5  # lost"),
      expect: [deal("# lost", "deal.lost-stage", "lost stage 'service-lost' has probability 5%, not 0%")]),
    RuleScenario(
      "a lost stage in the pipeline category", file: "deal-stages.yaml", replacing: serviceLost,
      with: serviceLost.replacingOccurrences(of: "forecast: omitted", with: "forecast: pipeline  # lost"),
      expect: [
        deal(
          "# lost", "deal.lost-stage",
          "lost stage 'service-lost' is in forecast category 'pipeline', not 'omitted'")
      ]),
    RuleScenario(
      "a lost stage without lost reasons", file: "deal-stages.yaml",
      replacing: "        lost_reasons: [Price, In-house maintenance, Chose a competitor]\n", with: "",
      expect: [deal("id: service-lost", "deal.lost-stage", "lost stage 'service-lost' lists no lost reasons")]
    ),
    RuleScenario(
      "a won stage that is not closed is also an open stage in the closed category", file: "deal-stages.yaml",
      replacing: serviceWon,
      with: serviceWon.replacingOccurrences(of: "        closed: true\n", with: "")
        .replacingOccurrences(of: "won: true", with: "won: true  # open")
        .replacingOccurrences(of: "forecast: closed", with: "forecast: closed  # open"),
      expect: [
        deal("won: true  # open", "deal.won-stage", "won stage 'service-won' is not closed"),
        deal(
          "forecast: closed  # open", "deal.forecast-order",
          "open deal stage 'service-won' uses the forecast category 'closed'"),
      ]),
    RuleScenario(
      "a won stage below 100%", file: "deal-stages.yaml", replacing: serviceWon,
      with: serviceWon.replacingOccurrences(of: "probability: 100", with: "probability: 95  # won"),
      expect: [deal("# won", "deal.won-stage", "won stage 'service-won' has probability 95%, not 100%")]),
    RuleScenario(
      "a won stage in the commit category", file: "deal-stages.yaml", replacing: serviceWon,
      with: serviceWon.replacingOccurrences(of: "forecast: closed", with: "forecast: commit  # won"),
      expect: [
        deal(
          "# won", "deal.won-stage", "won stage 'service-won' is in forecast category 'commit', not 'closed'")
      ]),
    RuleScenario(
      "an open stage in the omitted category", file: "deal-stages.yaml",
      replacing: "probability: 90\n        forecast: commit\n",
      with: "probability: 90\n        forecast: omitted  # open\n",
      expect: [
        deal(
          "# open", "deal.forecast-order",
          "open deal stage 'contract-sent' uses the forecast category 'omitted'")
      ]),
    RuleScenario(
      "an open stage less confident than the one before", file: "deal-stages.yaml",
      replacing: "probability: 90\n        forecast: commit\n",
      with: "probability: 90\n        forecast: pipeline  # open\n",
      expect: [
        deal(
          "# open", "deal.forecast-order",
          "deal stage 'contract-sent' is 'pipeline', less confident than 'best_case' of 'contract-proposed' before it"
        )
      ]),
    RuleScenario(
      "an open stage as confident as the one before is accepted", file: "deal-stages.yaml",
      replacing: "probability: 90\n        forecast: commit\n",
      with: "probability: 90\n        forecast: best_case\n",
      expect: []),
    RuleScenario(
      "the lost stage listed before the won one is accepted", file: "deal-stages.yaml",
      replacing: serviceWon + serviceLost, with: serviceLost + serviceWon, expect: []),
    RuleScenario(
      "a lost stage with a single lost reason is accepted", file: "deal-stages.yaml",
      replacing: "lost_reasons: [Price, In-house maintenance, Chose a competitor]",
      with: "lost_reasons: [Price]",
      expect: []),
  ]

  static let connectAttemptsScenarios: [RuleScenario] = [
    RuleScenario(
      "no required attempts", file: "connect-attempts.yaml",
      replacing: "required_attempts: 6", with: "required_attempts: 0",
      expect: [
        connect("required_attempts:", "sla.attempts-fit-window", "required attempts is 0"),
        .init(
          file: "sla.yaml", at: "quantity: 6", id: "sla.attempts-agree",
          summary: "the SLA promises 6 attempts but the sequence requires 0"),
      ]),
    RuleScenario(
      "more required attempts than steps", file: "connect-attempts.yaml",
      replacing: "required_attempts: 6", with: "required_attempts: 9",
      expect: [
        connect(
          "required_attempts:", "sla.attempts-fit-window",
          "9 attempts are required but the sequence has only 8 steps"),
        .init(
          file: "sla.yaml", at: "quantity: 6", id: "sla.attempts-agree",
          summary: "the SLA promises 6 attempts but the sequence requires 9"),
      ]),
    RuleScenario(
      "as many required attempts as steps is accepted",
      edits: [
        .init(
          file: "connect-attempts.yaml", original: "required_attempts: 6", replacement: "required_attempts: 8"
        ),
        .init(file: "sla.yaml", original: "quantity: 6", replacement: "quantity: 8"),
      ], expect: []),
    RuleScenario(
      "a step after the window", file: "connect-attempts.yaml",
      replacing: "{day: 10, channel: email", with: "{day: 11, channel: email",
      expect: [
        connect(
          "day: 11", "sla.attempts-fit-window", "step on day 11 falls outside the 10 business days window")
      ]),
    RuleScenario(
      "a step on day 0", file: "connect-attempts.yaml",
      replacing: "{day: 1, channel: call, note", with: "{day: 0, channel: call, note",
      expect: [
        connect(
          "day: 0", "sla.attempts-fit-window", "step on day 0 falls outside the 10 business days window")
      ]),
    RuleScenario(
      "a step on the window's last day is accepted", file: "connect-attempts.yaml",
      replacing: "{day: 7, channel: call}", with: "{day: 10, channel: call}", expect: []),
    RuleScenario(
      "steps out of day order", file: "connect-attempts.yaml",
      replacing: "{day: 3, channel: linkedin", with: "{day: 6, channel: linkedin",
      expect: [
        connect(
          "{day: 5, channel: call}", "sla.attempts-fit-window", "step on day 5 comes after a step on day 6")
      ]),
    RuleScenario(
      "no disposition counts as connected", file: "connect-attempts.yaml",
      replacing:
        "label: Connected — spoke with the lead, connected: true}\n  - {id: replied, label: Replied by email or LinkedIn, connected: true}",
      with:
        "label: Connected — spoke with the lead, connected: false}\n  - {id: replied, label: Replied by email or LinkedIn, connected: false}",
      expect: [connect("id: connected", "connect.dispositions-classed", "no disposition counts as connected")]
    ),
    RuleScenario(
      "every disposition counts as connected", file: "connect-attempts.yaml",
      replacing: "  - {id: left-voicemail, label: Left a voicemail, connected: false}\n"
        + "  - {id: no-answer, label: No answer, connected: false}\n"
        + "  - {id: sent, label: Email or message sent, connected: false}\n"
        + "  - {id: bad-number, label: Wrong or disconnected number, connected: false}\n",
      with: "",
      expect: [
        connect("id: connected", "connect.dispositions-classed", "every disposition counts as connected")
      ]),
    RuleScenario(
      "another connected disposition is accepted", file: "connect-attempts.yaml",
      replacing: "dispositions:\n", with: "dispositions:\n  - {id: spoke, label: Spoke, connected: true}\n",
      expect: []),
    RuleScenario(
      "an exhausted status that does not exist", file: "connect-attempts.yaml",
      replacing: "exhausted_status: no-response", with: "exhausted_status: no-reply",
      expect: [
        connect(
          "exhausted_status:", "connect.exhaustion-status", "exhausted status 'no-reply' is not a lead status"
        )
      ]),
    RuleScenario(
      "an exhausted status that is not a recycle status", file: "connect-attempts.yaml",
      replacing: "exhausted_status: no-response", with: "exhausted_status: disqualified",
      expect: [
        connect(
          "exhausted_status:", "connect.exhaustion-status",
          "exhausted status 'disqualified' has category 'disqualified', not 'recycle'")
      ]),
    RuleScenario(
      "a step on an undeclared channel", file: "connect-attempts.yaml",
      replacing: "{day: 3, channel: linkedin", with: "{day: 3, channel: linkedn",
      expect: [
        connect("channel: linkedn", "connect.step-channel", "step on day 3 uses undeclared channel 'linkedn'")
      ]),
    RuleScenario(
      "exhausting into a recycle status of another stage",
      edits: [
        .init(
          file: "connect-attempts.yaml", original: "exhausted_status: no-response",
          replacement: "exhausted_status: rejected"),
        .init(
          file: "lead-statuses.yaml", original: "    label: Rejected\n    stage: mql\n",
          replacement: "    label: Rejected\n    stage: mql  # rejected\n"),
      ],
      expect: [
        .init(
          file: "lead-statuses.yaml", at: "# rejected", id: "connect.exhaustion-stage",
          summary: "the exhausted status 'rejected' sits in 'mql', but the sequence runs in 'sal'")
      ]),
  ]

  @Test(arguments: dealStagesScenarios) func dealStageRules(_ scenario: RuleScenario) throws {
    try scenario.run()
  }
  @Test(arguments: connectAttemptsScenarios) func connectAttemptRules(_ scenario: RuleScenario) throws {
    try scenario.run()
  }
}
