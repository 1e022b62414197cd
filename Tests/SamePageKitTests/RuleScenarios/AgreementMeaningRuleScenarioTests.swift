import Foundation
import SamePageKit
import Testing

/// The rules a careful reviewer applies to what the agreement means: who owns what, quantities
/// within sense, clocks that chain, ICP and scoring that agree, and stages, statuses and types
/// that mean what their roles say. Each finding once, and edits the rules must accept.
@Suite struct AgreementMeaningRuleScenarioTests {
  static func expect(_ file: String, _ at: String, _ id: String, _ summary: String) -> RuleScenario.Expected {
    .init(file: file, at: at, id: id, summary: summary)
  }

  static let ownershipScenarios: [RuleScenario] = [
    RuleScenario(
      "a first touch promised by marketing", file: "sla.yaml",
      replacing: "  - id: first-touch-standard\n    party: sales\n",
      with: "  - id: first-touch-standard\n    party: marketing  # wrong side\n",
      expect: [
        expect(
          "sla.yaml", "# wrong side", "sla.commitment-party",
          "commitment 'first-touch-standard' (first_touch) is sales's to make, not marketing's")
      ]),
    RuleScenario(
      "an MQL volume promised by sales", file: "sla.yaml",
      replacing: "  - id: mql-volume\n    party: marketing\n",
      with: "  - id: mql-volume\n    party: sales  # volume\n",
      expect: [
        expect(
          "sla.yaml", "# volume", "sla.commitment-party",
          "commitment 'mql-volume' (mql_volume) is marketing's to make, not sales's")
      ]),
    RuleScenario(
      "a commitment of another kind may be made by either party",
      edits: [
        .init(file: "sla.yaml", original: "    kind: mql_volume\n", replacement: "    kind: other\n"),
        // Nothing sets an MQL volume now, so it is not among the reported figures either.
        .init(
          file: "sla.yaml", original: "figures: [mql_volume, acceptance_rate, first_touch, connect_attempts]",
          replacement: "figures: [acceptance_rate, first_touch, connect_attempts]"),
      ], expect: []),
    RuleScenario(
      "a volume of zero MQLs", file: "sla.yaml",
      replacing: "    quantity: 120\n", with: "    quantity: 0  # none\n",
      expect: [
        expect(
          "sla.yaml", "# none", "sla.quantity-sensible",
          "commitment 'mql-volume' has quantity 0; it must be above zero")
      ]),
    RuleScenario(
      "an acceptance rate above 100%", file: "sla.yaml",
      replacing: "    quantity: 90\n", with: "    quantity: 120  # rate\n",
      expect: [
        expect(
          "sla.yaml", "# rate", "sla.quantity-sensible",
          "commitment 'acceptance-rate' is a rate of 120%; a rate is above 0 and at most 100%")
      ]),
    RuleScenario(
      "an acceptance rate of 0%", file: "sla.yaml",
      replacing: "    quantity: 90\n", with: "    quantity: 0  # rate\n",
      expect: [
        expect(
          "sla.yaml", "# rate", "sla.quantity-sensible",
          "commitment 'acceptance-rate' is a rate of 0%; a rate is above 0 and at most 100%")
      ]),
    RuleScenario(
      "an acceptance rate of exactly 100% is accepted", file: "sla.yaml",
      replacing: "    quantity: 90\n", with: "    quantity: 100\n", expect: []),
    RuleScenario(
      "a commitment of another kind may promise zero",
      edits: [
        .init(
          file: "sla.yaml",
          original:
            "    kind: mql_volume\n    description: Deliver marketing-qualified leads that meet the MQL threshold.\n    quantity: 120\n",
          replacement: "    kind: other\n    description: Lose no lead between the teams.\n    quantity: 0\n"),
        // Nothing sets an MQL volume now, so it is not among the reported figures either.
        .init(
          file: "sla.yaml", original: "figures: [mql_volume, acceptance_rate, first_touch, connect_attempts]",
          replacement: "figures: [acceptance_rate, first_touch, connect_attempts]"),
      ], expect: []),
    RuleScenario(
      "a commitment of another kind with a deadline of zero", file: "sla.yaml",
      replacing: "handoff:\n",
      with: "  - id: review-rejections\n    party: marketing\n    kind: other\n    quantity: 0  # zero wait\n"
        + "    unit: business_hours\nhandoff:\n",
      expect: [
        expect(
          "sla.yaml", "# zero wait", "sla.quantity-sensible",
          "commitment 'review-rejections' has quantity 0; it must be above zero")
      ]),
    RuleScenario(
      "a negative first-touch deadline", file: "sla.yaml",
      replacing: "    quantity: 5\n", with: "    quantity: -5  # negative\n",
      expect: [
        expect(
          "sla.yaml", "# negative", "sla.quantity-sensible",
          "commitment 'first-touch-hand-raise' has quantity -5; it must be above zero")
      ]),
    RuleScenario(
      "a connect-attempt window of zero days", file: "sla.yaml",
      replacing: "    within: 10 business days\n", with: "    within: 0 business days\n",
      expect: [
        expect(
          "sla.yaml", "within: 0 business days", "sla.quantity-sensible",
          "commitment 'connect-attempts' has a window of 0 business days; it must be longer than zero"),
        expect(
          "sla.yaml", "within: 0 business days", "sla.attempts-agree",
          "the SLA gives attempts 0 business days but the sequence's window is 10 business days"),
      ]),
    RuleScenario(
      "a turnaround of zero minutes", file: "sla.yaml",
      replacing: "owner: sales, within: 1 business hour}", with: "owner: sales, within: 0 minutes}",
      expect: [
        expect(
          "sla.yaml", "within: 0 minutes", "sla.quantity-sensible",
          "turnaround task 'Log the outcome of every connect attempt' must be done within 0 minutes; it must be longer than zero"
        )
      ]),
  ]

  static let clockScenarios: [RuleScenario] = [
    RuleScenario(
      "a standard first touch longer than the connect window",
      edits: [
        // The escalation tiers wait past these slow deadlines, so sla.escalation-chain stays quiet.
        .init(
          file: "sla.yaml", original: "{after: 8 business hours,", replacement: "{after: 40 business days,"),
        .init(
          file: "sla.yaml", original: "{after: 2 business days, to: VP Sales",
          replacement: "{after: 45 business days, to: VP Sales"),
        .init(
          file: "sla.yaml", original: "    quantity: 4\n    unit: business_hours",
          replacement: "    quantity: 12  # slow\n    unit: business_days"),
        .init(
          file: "sla.yaml", original: "    quantity: 24\n    unit: business_hours",
          replacement: "    quantity: 20\n    unit: business_days"),
      ],
      expect: [
        expect(
          "sla.yaml", "# slow", "sla.first-touch-in-window",
          "first touch 'first-touch-standard' (12 business days) does not fit in the connect-attempt window (10 business days)"
        )
      ]),
    RuleScenario(
      "a first touch as long as the window is accepted",
      edits: [
        // The escalation tiers wait past these slow deadlines, so sla.escalation-chain stays quiet.
        .init(
          file: "sla.yaml", original: "{after: 8 business hours,", replacement: "{after: 40 business days,"),
        .init(
          file: "sla.yaml", original: "{after: 2 business days, to: VP Sales",
          replacement: "{after: 45 business days, to: VP Sales"),
        .init(
          file: "sla.yaml", original: "    quantity: 4\n    unit: business_hours",
          replacement: "    quantity: 10\n    unit: business_days"),
        .init(
          file: "sla.yaml", original: "    quantity: 24\n    unit: business_hours",
          replacement: "    quantity: 10\n    unit: business_days"),
      ],
      expect: []),
    RuleScenario(
      "a connect window shorter than the hand-raise first touch, in the sequence alone",
      edits: [
        // The escalation tiers wait past these slow deadlines, so sla.escalation-chain stays quiet.
        .init(
          file: "sla.yaml", original: "{after: 8 business hours,", replacement: "{after: 40 business days,"),
        .init(
          file: "sla.yaml", original: "{after: 2 business days, to: VP Sales",
          replacement: "{after: 45 business days, to: VP Sales"),
        .init(
          file: "sla.yaml", original: "    unit: attempts\n    within: 10 business days\n",
          replacement: "    unit: attempts\n    within: 10 business days\n"),
        .init(
          file: "sla.yaml", original: "    quantity: 5\n    unit: minutes",
          replacement: "    quantity: 30  # hand raise\n    unit: business_days"),
      ],
      expect: [
        expect(
          "sla.yaml", "# hand raise", "sla.first-touch-in-window",
          "first touch 'first-touch-hand-raise' (30 business days) does not fit in the connect-attempt window (10 business days)"
        ),
        expect(
          "sla.yaml", "# hand raise", "sla.first-touch-order",
          "hand-raise first touch (30 business days) is slower than standard first touch (4 business hours)"),
      ]),
    RuleScenario(
      "an assignment slower than the first touch it feeds", file: "sla.yaml",
      replacing: "owner: marketing, within: 15 minutes, feeds: first-touch-standard}",
      with: "owner: marketing, within: 5 business hours, feeds: first-touch-standard}",
      expect: [
        expect(
          "sla.yaml", "within: 5 business hours", "sla.turnaround-feeds-first-touch",
          "turnaround task 'Assign each new MQL to the territory rep' takes up to 5 business hours, longer than the first touch 'first-touch-standard' (4 business hours) it feeds"
        )
      ]),
    RuleScenario(
      "an assignment feeding the hand-raise first touch", file: "sla.yaml",
      replacing: "feeds: first-touch-standard}", with: "feeds: first-touch-hand-raise}",
      expect: [
        expect(
          "sla.yaml", "feeds: first-touch-hand-raise", "sla.turnaround-feeds-first-touch",
          "turnaround task 'Assign each new MQL to the territory rep' takes up to 15 minutes, longer than the first touch 'first-touch-hand-raise' (5 minutes) it feeds"
        )
      ]),
    RuleScenario(
      "an assignment exactly as long as the first touch is accepted", file: "sla.yaml",
      replacing: "within: 15 minutes, feeds: first-touch-standard}",
      with: "within: 4 business hours, feeds: first-touch-standard}",
      expect: []),
    RuleScenario(
      "a turnaround feeding a commitment that is not a first touch", file: "sla.yaml",
      replacing: "feeds: first-touch-standard}", with: "feeds: accept-or-reject}",
      expect: [
        expect(
          "sla.yaml", "feeds: accept-or-reject", "sla.turnaround-feeds-first-touch",
          "turnaround task 'Assign each new MQL to the territory rep' feeds 'accept-or-reject', which is not a first-touch commitment"
        )
      ]),
    RuleScenario(
      "a turnaround task without an owner", file: "sla.yaml",
      replacing: "{task: Log the outcome of every connect attempt, owner: sales, within: 1 business hour}",
      with: "{task: Log the outcome of every connect attempt, within: 1 business hour}",
      expect: [
        expect(
          "sla.yaml", "Log the outcome", "sla.turnaround-owner",
          "turnaround task 'Log the outcome of every connect attempt' has no owner")
      ]),
  ]

  static let icpScenarios: [RuleScenario] = [
    RuleScenario(
      "a fit rule rewarding an excluded country", file: "lead-scoring.yaml",
      replacing: "      any_of: [US, CA]\n", with: "      any_of: [US, CA, CU]\n",
      expect: [
        expect(
          "lead-scoring.yaml", "any_of: [US, CA, CU]", "icp.exclusion-conflict",
          "fit rule 'served-country' awards points for CU, which the exclusions rule out")
      ]),
    RuleScenario(
      "a fit rule rewarding an excluded suffix", file: "lead-scoring.yaml",
      replacing: "      contains_any: [vp, vice president, director, manager, head of]\n      points: 30\n",
      with: "      contains_any: [vp, vice president, director, manager, head of]\n      points: 30\n"
        + "    - id: university\n      label: University address\n      attribute: email_domain\n"
        + "      any_of: [mit.edu]\n      points: 10\n",
      expect: [
        expect(
          "lead-scoring.yaml", "any_of: [mit.edu]", "icp.exclusion-conflict",
          "fit rule 'university' awards points for 'mit.edu', which the excluded suffix '.edu' rules out")
      ]),
    RuleScenario(
      "a penalty on a country is not a reward", file: "lead-scoring.yaml",
      replacing: "      any_of: [US, CA]\n      points: 15\n",
      with: "      any_of: [CU]\n      points: -15\n",
      expect: []),
    RuleScenario(
      "a size rule below every segment", file: "lead-scoring.yaml",
      replacing: "      at_least: 50\n      at_most: 5000\n", with: "      at_most: 5\n",
      expect: [
        expect(
          "lead-scoring.yaml", "at_most: 5", "scoring.fit-range-in-icp",
          "fit rule 'company-size' rewards employees outside every ICP segment ('core-industrial' 50–5000, 'utilities-water' at least 100, 'adjacent-nurture' 10–5000)"
        )
      ]),
    RuleScenario(
      "a size rule overlapping one segment is accepted", file: "lead-scoring.yaml",
      replacing: "      at_least: 50\n      at_most: 5000\n",
      with: "      at_least: 4000\n      at_most: 9000\n",
      expect: []),
    RuleScenario(
      "a penalty on size outside the segments is accepted", file: "lead-scoring.yaml",
      replacing: "      at_least: 50\n      at_most: 5000\n      points: 25\n",
      with: "      at_most: 5\n      points: -10\n", expect: []),
    RuleScenario(
      "a tier-1 industry no fit rule rewards", file: "icp.yaml",
      replacing: "industries: [utilities, water treatment]",
      with: "industries: [utilities, water treatment, mining]",
      expect: [
        expect(
          "icp.yaml", "industries: [utilities, water treatment, mining]", "icp.segment-rewarded",
          "tier-1 segment 'utilities-water' targets industry 'mining', which no fit rule rewards")
      ]),
    RuleScenario(
      "a tier-2 segment's industries need no fit rule", file: "icp.yaml",
      replacing: "industries: [construction, mining, agriculture, logistics]",
      with: "industries: [construction, mining, agriculture, logistics, forestry]", expect: []),
    RuleScenario(
      "a penalised domain the exclusions do not list", file: "icp.yaml",
      replacing: "email_domains: [gmail.com, yahoo.com, hotmail.com, outlook.com]",
      with: "email_domains: [gmail.com, yahoo.com, hotmail.com]",
      expect: [
        expect(
          "lead-scoring.yaml", "any_of: [gmail.com, yahoo.com, hotmail.com, outlook.com]",
          "icp.penalty-matches-exclusions",
          "fit rule 'free-mail' penalises 'outlook.com', which the exclusions do not list")
      ]),
    RuleScenario(
      "an excluded domain no fit rule penalises", file: "icp.yaml",
      replacing: "email_domains: [gmail.com, yahoo.com, hotmail.com, outlook.com]",
      with: "email_domains: [gmail.com, yahoo.com, hotmail.com, outlook.com, aol.com]",
      expect: [
        expect(
          "icp.yaml", "aol.com", "icp.penalty-matches-exclusions",
          "excluded email domain 'aol.com' is not penalised by any fit rule")
      ]),
    RuleScenario(
      "exclusions alone, with no penalty rule, are accepted", file: "lead-scoring.yaml",
      replacing:
        "      attribute: email_domain\n      any_of: [gmail.com, yahoo.com, hotmail.com, outlook.com]\n      points: -5\n",
      with: "      attribute: title\n      any_of: [student]\n      points: -5\n", expect: []),
  ]

  static let roleScenarios: [RuleScenario] = [
    RuleScenario(
      "a default status outside the MQL stage", file: "lead-statuses.yaml",
      replacing: "    stage: mql\n    category: open\n",
      with: "    stage: sal  # default\n    category: open\n",
      expect: [
        expect(
          "lead-statuses.yaml", "# default", "status.default-in-mql",
          "the default status 'new' sits in 'sal', not in the MQL stage 'mql'")
      ]),
    RuleScenario(
      "a default status that is a working status", file: "lead-statuses.yaml",
      replacing: "    stage: mql\n    category: open\n",
      with: "    stage: mql\n    category: working  # default\n",
      expect: [
        expect(
          "lead-statuses.yaml", "# default", "status.default-in-mql",
          "the default status 'new' is a working status; a new MQL is open")
      ]),
    RuleScenario(
      "a converted status before SQL", file: "lead-statuses.yaml",
      replacing: "    label: Converted\n    stage: sql\n",
      with: "    label: Converted\n    stage: sal  # early\n",
      expect: [
        expect(
          "lead-statuses.yaml", "# early", "status.converted-stage",
          "converted status 'converted' sits in 'sal', before the SQL stage 'sql'")
      ]),
    RuleScenario(
      "a converted status in the opportunity stage is accepted", file: "lead-statuses.yaml",
      replacing: "    label: Converted\n    stage: sql\n",
      with: "    label: Converted\n    stage: opportunity\n",
      expect: []),
    RuleScenario(
      "the accepted status in the MQL stage", file: "lead-statuses.yaml",
      replacing: "    label: Attempting to contact\n    stage: sal\n",
      with: "    label: Attempting to contact\n    stage: mql  # accepted\n",
      expect: [
        expect(
          "lead-statuses.yaml", "# accepted", "sla.accepted-in-sal",
          "the accepted status 'attempting' sits in 'mql', not in the sales-accepted stage 'sal'")
      ]),
    RuleScenario(
      "the exhausted status outside the stage where the sequence runs", file: "lead-statuses.yaml",
      replacing: "    label: No response\n    stage: sal\n    category: recycle\n    recycle_to: lead\n",
      with:
        "    label: No response\n    stage: sql  # exhausted\n    category: recycle\n    recycle_to: mql\n",
      expect: [
        expect(
          "lead-statuses.yaml", "# exhausted", "connect.exhaustion-stage",
          "the exhausted status 'no-response' sits in 'sql', but the sequence runs in 'sal'")
      ]),
    RuleScenario(
      "a recycle out of a terminal stage", file: "lifecycle-stages.yaml",
      replacing: "recycles:\n",
      with:
        "recycles:\n  - from: evangelist  # terminal\n    to: customer\n    reason: Withdrew as a reference\n",
      expect: [
        expect(
          "lifecycle-stages.yaml", "# terminal", "lifecycle.terminal-no-recycle",
          "terminal stage 'evangelist' has a recycle move to 'customer'")
      ]),
    RuleScenario(
      "a journey phase with the out-of-funnel stage", file: "buyer-journey.yaml",
      replacing: "lifecycle_stages: [subscriber, lead]", with: "lifecycle_stages: [subscriber, lead, other]",
      expect: [
        expect(
          "buyer-journey.yaml", "lifecycle_stages: [subscriber, lead, other]", "journey.in-funnel",
          "journey phase 'awareness' includes the out-of-funnel stage 'other'")
      ]),
    RuleScenario(
      "a hand-raise sent back to the lead stage", file: "lead-scoring.yaml",
      replacing: "  - event: quote_request\n    stage: sql\n",
      with: "  - event: quote_request\n    stage: lead  # back\n",
      expect: [
        expect(
          "lead-scoring.yaml", "# back", "scoring.hand-raise-stage",
          "hand-raise 'quote_request' moves a lead to 'lead', before the MQL stage 'mql'")
      ]),
    RuleScenario(
      "a hand-raise sent out of the funnel", file: "lead-scoring.yaml",
      replacing: "  - event: quote_request\n    stage: sql\n",
      with: "  - event: quote_request\n    stage: other  # out\n",
      expect: [
        expect(
          "lead-scoring.yaml", "# out", "scoring.hand-raise-stage",
          "hand-raise 'quote_request' moves a lead to 'other', which is out of the funnel")
      ]),
    RuleScenario(
      "a fit floor at the MQL threshold's fit",
      edits: [
        .init(
          file: "lead-scoring.yaml", original: "  cap: 100\n  floor: 0\n",
          replacement: "  cap: 100\n  floor: 40\n"),
        .init(file: "lead-scoring.yaml", original: "(0–100)", replacement: "(40–100)"),
      ],
      expect: [
        expect(
          "lead-scoring.yaml", "    fit: 40", "scoring.floor-below-threshold",
          "threshold 'mql' asks for fit 40, which the fit floor 40 already gives every lead")
      ]),
    RuleScenario(
      "a hand-raise straight to MQL is accepted", file: "lead-scoring.yaml",
      replacing: "  - event: quote_request\n    stage: sql\n",
      with: "  - event: quote_request\n    stage: mql\n",
      expect: []),
    RuleScenario(
      "an engagement floor at the MQL threshold",
      edits: [
        .init(
          file: "lead-scoring.yaml", original: "  cap: 150\n  floor: 0\n",
          replacement: "  cap: 150\n  floor: 50\n"),
        .init(file: "lead-scoring.yaml", original: "(0–150)", replacement: "(50–150)"),
      ],
      expect: [
        expect(
          "lead-scoring.yaml", "engagement: 50", "scoring.floor-below-threshold",
          "threshold 'mql' asks for engagement 50, which the engagement floor 50 already gives every lead")
      ]),
    RuleScenario(
      "an engagement floor below every threshold is accepted", file: "lead-scoring.yaml",
      replacing: "  cap: 150\n  floor: 0\n", with: "  cap: 150\n  floor: 49\n",
      expect: [
        expect(
          "lead-scoring.yaml", "^definition:", "entry.prose-restates-number",
          "the definition of lead scoring says engagement 0, but the structured values are the engagement cap 150, the engagement floor 49, threshold 'mql' 50, threshold 'sql' 100"
        )
      ]),
    RuleScenario(
      "an MQL threshold without fit while hand-raises are gated against it", file: "lead-scoring.yaml",
      replacing: "  - id: mql\n    stage: mql\n    fit: 40\n", with: "  - id: mql\n    stage: mql\n",
      expect: [
        expect(
          "lead-scoring.yaml", "  - id: mql", "scoring.hand-raise-fit-gate",
          "the MQL threshold 'mql' sets no fit, yet hand-raises are gated against it"),
        // The starter's MQL entry quotes that fit, which is gone now.
        expect(
          "lifecycle-stages.yaml", "$(threshold.mql.fit)", "entry.reference-exists",
          "'$(threshold.mql.fit)' in lifecycle-stages/stage/mql/entry/1 quotes no value of this glossary; did you mean '$(threshold.sql.fit)'?"
        ),
      ]),
    RuleScenario(
      "an open deal stage at 100%", file: "deal-stages.yaml",
      replacing: "        probability: 90\n", with: "        probability: 100  # open\n",
      expect: [
        expect(
          "deal-stages.yaml", "# open", "deal.open-below-100",
          "open deal stage 'contract-sent' has probability 100%; only a won stage is certain")
      ]),
    RuleScenario(
      "a lead type that skips the opportunity yet names a pipeline", file: "lead-types.yaml",
      replacing: "    pipeline: equipment\n    skips_stages: [subscriber, lead]\n",
      with: "    pipeline: equipment  # partner\n    skips_stages: [subscriber, lead, opportunity]\n",
      expect: [
        expect(
          "lead-types.yaml", "# partner", "leadtype.pipeline-reach",
          "lead type 'partner-referral' names pipeline 'equipment' but skips the opportunity stage 'opportunity'"
        )
      ]),
    RuleScenario(
      "a lead type that reaches opportunity without a pipeline", file: "lead-types.yaml",
      replacing: "    label: Maintenance service\n    pipeline: service\n",
      with: "    label: Maintenance service\n",
      expect: [
        expect(
          "lead-types.yaml", "- id: service", "leadtype.pipeline-reach",
          "lead type 'service' reaches the opportunity stage 'opportunity' but names no pipeline")
      ]),
    RuleScenario(
      "the SLA applied to a type that never reaches MQL", file: "lead-types.yaml",
      replacing: "    sla_applies: false\n", with: "    sla_applies: true\n",
      expect: [
        expect(
          "lead-types.yaml", "sla_applies: true", "leadtype.sla-reach",
          "lead type 'existing-customer' has 'sla_applies: true' but skips the MQL stage 'mql', where the SLA clocks start"
        )
      ]),
    RuleScenario(
      "the SLA left at its default on a type that skips MQL is accepted", file: "lead-types.yaml",
      replacing: "    sla_applies: false\n", with: "", expect: []),
    RuleScenario(
      "negative years of experience", file: "personas.yaml",
      replacing: "    experience_years: 15\n", with: "    experience_years: -15\n",
      expect: [
        expect(
          "personas.yaml", "experience_years: -15", "glossary.out-of-range",
          "'experience_years' is -15, outside the range it allows (0 to 80)")
      ]),
    RuleScenario(
      "a deal stage stale after zero days", file: "deal-stages.yaml",
      replacing: "        stale_after_days: 21\n        definition: Site visit",
      with: "        stale_after_days: 0\n        definition: Site visit",
      expect: [
        expect(
          "deal-stages.yaml", "stale_after_days: 0", "glossary.out-of-range",
          "'stale_after_days' is 0, outside the range it allows (1 to 3650)")
      ]),
  ]

  static let onHold =
    "      - id: on-hold\n        synonyms: [paused, stalled]\n        label: On hold\n        probability: 0\n"
    + "        forecast: omitted\n        parked: true\n"
  static let onHoldRest =
    "        stale_after_days: 90\n        definition: >-\n"
    + "          The buyer paused the purchase (budget freeze, project delayed). The deal is out of the\n"
    + "          forecast until it resumes at the stage it left, or is closed.\n"

  static let formatScenarios: [RuleScenario] = [
    RuleScenario(
      "a parked stage that is also closed", file: "deal-stages.yaml",
      replacing: "        parked: true\n", with: "        parked: true\n        closed: true  # parked\n",
      expect: [
        expect(
          "deal-stages.yaml", "# parked", "deal.parked-stage", "parked deal stage 'on-hold' is also closed"),
        expect(
          "deal-stages.yaml", "- id: on-hold", "deal.lost-stage", "lost stage 'on-hold' lists no lost reasons"
        ),
      ]),
    RuleScenario(
      "a parked stage in the forecast category closed", file: "deal-stages.yaml",
      replacing: onHold,
      with: onHold.replacingOccurrences(of: "forecast: omitted", with: "forecast: closed  # parked"),
      expect: [
        expect(
          "deal-stages.yaml", "# parked", "deal.parked-stage",
          "parked deal stage 'on-hold' is in the forecast category 'closed'")
      ]),
    RuleScenario(
      "a parked stage between open stages is outside the probability and forecast order",
      edits: [
        .init(file: "deal-stages.yaml", original: onHold + onHoldRest, replacement: ""),
        .init(
          file: "deal-stages.yaml", original: "      - id: negotiation\n",
          replacement: onHold + "        definition: Paused.\n      - id: negotiation\n"),
      ],
      expect: []),
    RuleScenario(
      "the same stage without 'parked' breaks the order", file: "deal-stages.yaml",
      replacing: onHold,
      with: "      - id: on-hold\n        synonyms: [paused, stalled]\n        label: On hold\n"
        + "        probability: 0  # hold p\n        forecast: omitted  # hold f\n",
      expect: [
        expect(
          "deal-stages.yaml", "^      - id: on-hold", "deal.pipeline-outcomes",
          "open stage 'on-hold' is listed after a closed stage"),
        expect(
          "deal-stages.yaml", "# hold p", "deal.probability-order",
          "deal stage 'on-hold' has probability 0%, lower than the 80% of 'negotiation' before it"),
        expect(
          "deal-stages.yaml", "# hold f", "deal.forecast-order",
          "open deal stage 'on-hold' uses the forecast category 'omitted'"),
      ]),
    RuleScenario(
      "a custom stage with the role other beside the out-of-funnel one", file: "lifecycle-stages.yaml",
      replacing: "  - id: mql\n",
      with:
        "  - id: pql\n    role: other\n    label: Product-qualified lead (PQL)\n    order: 25\n    owner: marketing\n"
        + "    definition: Used the free trial enough to show product interest.\n"
        + "    entry: [Activated the trial]\n    exit: [Reaches the MQL threshold]\n  - id: mql\n",
      expect: []),
    RuleScenario(
      "a second stage with the role other is accepted, a second customer is not",
      file: "lifecycle-stages.yaml",
      replacing: "  - id: evangelist\n", with: "  - id: evangelist\n    role: other\n", expect: []),
  ]

  static let proseScenarios: [RuleScenario] = [
    RuleScenario(
      "an MQL entry criterion that restates an old fit threshold", file: "lifecycle-stages.yaml",
      replacing: "Fit score of at least $(threshold.mql.fit)", with: "Fit score of at least 45",
      expect: [
        expect(
          "lifecycle-stages.yaml", "Fit score of at least 45", "entry.prose-restates-number",
          "an entry criterion of stage 'mql' says fit 45, but the structured value is threshold 'mql' 40")
      ]),
    RuleScenario(
      "an MQL entry criterion quoting the SQL threshold's fit is still wrong for MQL",
      file: "lifecycle-stages.yaml",
      replacing: "Fit score of at least $(threshold.mql.fit)", with: "Fit score of at least 60",
      expect: [
        expect(
          "lifecycle-stages.yaml", "Fit score of at least 60", "entry.prose-restates-number",
          "an entry criterion of stage 'mql' says fit 60, but the structured value is threshold 'mql' 40")
      ]),
    RuleScenario(
      "a scoring definition with a stale decay period", file: "lead-scoring.yaml",
      replacing: "it halves every 30 days", with: "it halves every 14 days",
      expect: [
        expect(
          "lead-scoring.yaml", "^definition:", "entry.prose-restates-number",
          "the definition of lead scoring says 14 days, but the structured value is the engagement decay 30 days"
        )
      ]),
    RuleScenario(
      "a scoring definition with a stale engagement cap", file: "lead-scoring.yaml",
      replacing: "**Engagement** (0–150)", with: "**Engagement** (0–200)",
      expect: [
        expect(
          "lead-scoring.yaml", "^definition:", "entry.prose-restates-number",
          "the definition of lead scoring says engagement 200, but the structured values are the engagement cap 150, the engagement floor 0, threshold 'mql' 50, threshold 'sql' 100"
        )
      ]),
    RuleScenario(
      "a commitment description with another deadline than its own", file: "sla.yaml",
      replacing: "Call a demo or quote request during business hours.",
      with: "Call a demo or quote request within 15 minutes.",
      expect: [
        expect(
          "sla.yaml", "within 15 minutes", "entry.prose-restates-number",
          "the description of commitment 'first-touch-hand-raise' says 15 minutes, but the structured value is commitment 'first-touch-hand-raise' 5 minutes"
        )
      ]),
    RuleScenario(
      "a connect-attempt definition with the wrong number of attempts", file: "connect-attempts.yaml",
      replacing: "rep runs the sequence below;", with: "rep makes 8 attempts;",
      expect: [
        expect(
          "connect-attempts.yaml", "^definition:", "entry.prose-restates-number",
          "the definition of connect attempts says 8 attempts, but the structured values are the sequence 6 attempts, commitment 'connect-attempts' 6 attempts"
        )
      ]),
    RuleScenario(
      "prose that quotes the numbers as they are, or numbers that name no field, is accepted",
      edits: [
        .init(
          file: "connect-attempts.yaml", original: "rep runs the sequence below;",
          replacement: "rep makes 6 attempts within 10 business days;"),
        .init(
          file: "sla.yaml", original: "Call a demo or quote request during business hours.",
          replacement: "Call a demo or quote request within 5 minutes, in tier 1 accounts within 2 rings."),
        .init(
          file: "lead-scoring.yaml", original: "it halves every 30 days",
          replacement: "it halves every 30 days, about 4 weeks"),
        .init(
          file: "lifecycle-stages.yaml", original: "Fit score of at least $(threshold.mql.fit)",
          replacement: "Fit score of at least 40 in 2026"),
      ],
      expect: []),
  ]

  @Test(arguments: ownershipScenarios) func ownershipAndQuantities(_ scenario: RuleScenario) throws {
    try scenario.run()
  }
  @Test(arguments: icpScenarios) func icpAndScoringAgree(_ scenario: RuleScenario) throws {
    try scenario.run()
  }
  @Test(arguments: roleScenarios) func stagesStatusesAndTypesMeanTheirRoles(_ scenario: RuleScenario) throws {
    try scenario.run()
  }
  @Test(arguments: formatScenarios) func parkedStagesAndCustomRoles(_ scenario: RuleScenario) throws {
    try scenario.run()
  }
  @Test(arguments: proseScenarios) func proseThatRestatesANumber(_ scenario: RuleScenario) throws {
    try scenario.run()
  }
  @Test(arguments: clockScenarios) func clocksThatChain(_ scenario: RuleScenario) throws {
    try scenario.run()
  }
}
