import Foundation
import SamePageKit
import Testing

/// Every way the scoring, ICP and lead-status rules can fail, and edits they must accept.
@Suite struct ScoringAndStatusRuleScenarioTests {
  static func scoring(_ at: String, _ id: String, _ summary: String) -> RuleScenario.Expected {
    .init(file: "lead-scoring.yaml", at: at, id: id, summary: summary)
  }

  static func icp(_ at: String, _ id: String, _ summary: String) -> RuleScenario.Expected {
    .init(file: "icp.yaml", at: at, id: id, summary: summary)
  }

  static func statuses(_ at: String, _ id: String, _ summary: String) -> RuleScenario.Expected {
    .init(file: "lead-statuses.yaml", at: at, id: id, summary: summary)
  }

  static let scoringRulesScenarios: [RuleScenario] = [
    RuleScenario(
      "a fit rule without a condition", file: "lead-scoring.yaml",
      replacing: "      contains_any: [vp, vice president, director, manager, head of]\n", with: "",
      expect: [
        scoring(
          "id: decision-maker-title", "scoring.condition-type",
          "fit rule 'decision-maker-title' has no condition")
      ]),
    RuleScenario(
      "a number attribute compared as text", file: "lead-scoring.yaml",
      replacing: "      at_least: 50\n      at_most: 5000\n", with: "      any_of: [50, 5000]\n",
      expect: [
        scoring(
          "any_of: [50, 5000]", "scoring.condition-type",
          "fit rule 'company-size' compares number attribute 'employees' as text")
      ]),
    RuleScenario(
      "a text attribute compared as a number", file: "lead-scoring.yaml",
      replacing: "      any_of: [US, CA]\n", with: "      at_least: 1\n",
      expect: [
        scoring(
          "at_least: 1", "scoring.condition-type",
          "fit rule 'served-country' compares text attribute 'country' as a number")
      ]),
    RuleScenario(
      "at_least above at_most", file: "lead-scoring.yaml",
      replacing: "      at_least: 50\n", with: "      at_least: 6000\n",
      expect: [
        scoring(
          "at_least: 6000", "scoring.condition-type",
          "fit rule 'company-size' has at_least 6000 above at_most 5000"
        )
      ]),
    RuleScenario(
      "at_least equal to at_most is accepted", file: "lead-scoring.yaml",
      replacing: "      at_least: 50\n", with: "      at_least: 5000\n", expect: []),
    RuleScenario(
      "a fit rule rewarding excluded email domains, once per domain", file: "lead-scoring.yaml",
      replacing: "      points: -5\n", with: "      points: 5\n",
      expect: [
        scoring(
          "any_of: [gmail.com", "icp.exclusion-conflict",
          "fit rule 'free-mail' awards points for excluded domain 'gmail.com'"),
        scoring(
          "any_of: [gmail.com", "icp.exclusion-conflict",
          "fit rule 'free-mail' awards points for excluded domain 'yahoo.com'"),
        scoring(
          "any_of: [gmail.com", "icp.exclusion-conflict",
          "fit rule 'free-mail' awards points for excluded domain 'hotmail.com'"),
        scoring(
          "any_of: [gmail.com", "icp.exclusion-conflict",
          "fit rule 'free-mail' awards points for excluded domain 'outlook.com'"),
      ]),
    RuleScenario(
      "a fit rule taking points away for excluded domains is accepted", file: "lead-scoring.yaml",
      replacing: "      points: -5\n", with: "      points: -1\n", expect: []),
    RuleScenario(
      "decay that removes everything", file: "lead-scoring.yaml",
      replacing: "    percent: 50\n", with: "    percent: 100\n",
      expect: [
        scoring("percent: 100", "scoring.decay-valid", "engagement decays by 100% per period, outside 1–99%")
      ]),
    RuleScenario(
      "decay every 0 days", file: "lead-scoring.yaml",
      replacing: "    every_days: 30\n", with: "    every_days: 0\n",
      expect: [scoring("every_days: 0", "scoring.decay-valid", "engagement decays every 0 days")]),
    RuleScenario(
      "decay by 99% is accepted", file: "lead-scoring.yaml",
      replacing: "    percent: 50\n", with: "    percent: 99\n", expect: []),
    RuleScenario(
      "a hand-raise without a fit gate", file: "lead-scoring.yaml",
      replacing: "  - event: quote_request\n    stage: sql\n    minimum_fit: 40\n",
      with: "  - event: quote_request\n    stage: sql\n",
      expect: [
        scoring(
          "event: quote_request", "scoring.hand-raise-fit-gate",
          "hand-raise 'quote_request' does not require fit")
      ]),
    RuleScenario(
      "a hand-raise fit gate below the MQL fit", file: "lead-scoring.yaml",
      replacing: "  - event: quote_request\n    stage: sql\n    minimum_fit: 40\n",
      with: "  - event: quote_request\n    stage: sql\n    minimum_fit: 30\n",
      expect: [
        scoring(
          "minimum_fit: 30", "scoring.hand-raise-fit-gate",
          "hand-raise 'quote_request' requires fit 30, below the MQL fit threshold 40")
      ]),
    RuleScenario(
      "a later threshold asking for less fit", file: "lead-scoring.yaml",
      replacing: "    fit: 60\n", with: "    fit: 30\n",
      expect: [
        scoring(
          "fit: 30", "scoring.threshold-order",
          "threshold 'sql' asks for fit 30, below the 40 of earlier threshold 'mql'")
      ]),
    RuleScenario(
      "a threshold that sets neither score", file: "lead-scoring.yaml",
      replacing: "  - id: mql\n    stage: mql\n    fit: 40\n    engagement: 50\n",
      with: "  - id: mql\n    stage: mql\n",
      expect: [
        scoring("- id: mql", "scoring.threshold-order", "threshold 'mql' sets neither fit nor engagement"),
        // The starter's MQL entry quotes both scores, which are gone now.
        .init(
          file: "lifecycle-stages.yaml", at: "$(threshold.mql.fit)", id: "entry.reference-exists",
          summary:
            "'$(threshold.mql.fit)' in lifecycle-stages/stage/mql/entry/1 quotes no value of this glossary; did you mean '$(threshold.sql.fit)'?"
        ),
        .init(
          file: "lifecycle-stages.yaml", at: "$(threshold.mql.fit)", id: "entry.reference-exists",
          summary:
            "'$(threshold.mql.engagement)' in lifecycle-stages/stage/mql/entry/1 quotes no value of this glossary; did you mean '$(threshold.sql.engagement)'?"
        ),
      ]),
    RuleScenario(
      "a fit threshold above the most a lead can score", file: "lead-scoring.yaml",
      replacing: "    fit: 60\n", with: "    fit: 96\n",
      expect: [
        scoring(
          "fit: 96", "scoring.threshold-reachable",
          "threshold 'sql' needs fit 96, but no lead can score more than 95")
      ]),
    RuleScenario(
      "a fit threshold at the most a lead can score is accepted", file: "lead-scoring.yaml",
      replacing: "    fit: 60\n", with: "    fit: 95\n", expect: []),
    RuleScenario(
      "a hand-raise fit gate above the most a lead can score", file: "lead-scoring.yaml",
      replacing: "  - event: quote_request\n    stage: sql\n    minimum_fit: 40\n",
      with: "  - event: quote_request\n    stage: sql\n    minimum_fit: 96\n",
      expect: [
        scoring(
          "minimum_fit: 96", "scoring.threshold-reachable",
          "hand-raise 'quote_request' needs fit 96, but no lead can score more than 95")
      ]),
    RuleScenario(
      "a rule worth 0 points", file: "lead-scoring.yaml",
      replacing: "      points: 3\n", with: "      points: 0\n",
      expect: [scoring("points: 0", "scoring.points-nonzero", "scoring rule 'email-click' awards 0 points")]),
    RuleScenario(
      "a rule that may score 0 times per period", file: "lead-scoring.yaml",
      replacing: "frequency: {max: 1, per: month}", with: "frequency: {max: 0, per: month}",
      expect: [
        scoring("max: 0", "scoring.points-nonzero", "scoring rule 'webinar' may score 0 times per period")
      ]),
    RuleScenario(
      "a fit rule on an undeclared attribute", file: "lead-scoring.yaml",
      replacing: "      attribute: industry\n", with: "      attribute: industy\n",
      expect: [
        scoring(
          "attribute: industy", "scoring.target-declared",
          "fit rule 'target-industry' tests undeclared attribute 'industy'")
      ]),
    RuleScenario(
      "an engagement rule on an undeclared event", file: "lead-scoring.yaml",
      replacing: "      event: webinar_attended\n", with: "      event: webinar_atended\n",
      expect: [
        scoring(
          "event: webinar_atended", "scoring.target-declared",
          "engagement rule 'webinar' counts undeclared event type 'webinar_atended'")
      ]),
    RuleScenario(
      "a hand-raise on an undeclared event", file: "lead-scoring.yaml",
      replacing: "  - event: quote_request\n", with: "  - event: quote_requst\n",
      expect: [
        scoring(
          "event: quote_requst", "scoring.target-declared",
          "hand-raise names undeclared event type 'quote_requst'")
      ]),
    RuleScenario(
      "a threshold to an unknown stage", file: "lead-scoring.yaml",
      replacing: "    stage: sql\n    fit: 60\n", with: "    stage: sqll\n    fit: 60\n",
      expect: [
        scoring(
          "stage: sqll", "scoring.threshold-stage-exists",
          "threshold 'sql' leads to unknown lifecycle stage 'sqll'")
      ]),
    RuleScenario(
      "a hand-raise to an unknown stage", file: "lead-scoring.yaml",
      replacing: "  - event: demo_request\n    stage: sql\n",
      with: "  - event: demo_request\n    stage: sq\n",
      expect: [
        scoring(
          "stage: sq", "scoring.threshold-stage-exists",
          "hand-raise 'demo_request' leads to unknown lifecycle stage 'sq'")
      ]),
    RuleScenario(
      "a hand-raise fit gate above the MQL fit is accepted", file: "lead-scoring.yaml",
      replacing: "  - event: quote_request\n    stage: sql\n    minimum_fit: 40\n",
      with: "  - event: quote_request\n    stage: sql\n    minimum_fit: 50\n", expect: []),
    RuleScenario(
      "a later threshold asking for the same fit is accepted", file: "lead-scoring.yaml",
      replacing: "    fit: 60\n", with: "    fit: 40\n", expect: []),
  ]

  static let icpRulesScenarios: [RuleScenario] = [
    RuleScenario(
      "a segment whose minimum is above its maximum", file: "icp.yaml",
      replacing: "employees: {min: 50, max: 5000}", with: "employees: {min: 6000, max: 5000}",
      expect: [
        icp("min: 6000", "icp.range-valid", "segment 'core-industrial' has employees min 6000 above max 5000")
      ]),
    RuleScenario(
      "a segment with a negative size", file: "icp.yaml",
      replacing: "employees: {min: 100}", with: "employees: {min: -1}",
      expect: [icp("min: -1", "icp.range-valid", "segment 'utilities-water' has a negative employees")]),
    RuleScenario(
      "a country that is not a code", file: "icp.yaml",
      replacing: "countries: [US, CA, MX]", with: "countries: [US, CA, Mexico]",
      expect: [icp("Mexico", "icp.range-valid", "'Mexico' is not a two-letter country code")]),
    RuleScenario(
      "two letters that are no country", file: "icp.yaml",
      replacing: "countries: [US, CA, MX]", with: "countries: [US, CA, ZZ]",
      expect: [icp("countries: [US, CA, ZZ]", "icp.range-valid", "'ZZ' is not a country code that exists")]),
    RuleScenario(
      "UK for the United Kingdom, with GB suggested", file: "icp.yaml",
      replacing: "countries: [US, CA, MX]", with: "countries: [US, CA, UK]",
      expect: [
        icp(
          "countries: [US, CA, UK]", "icp.range-valid", "'UK' is not an ISO 3166-1 code; did you mean 'GB'?")
      ]),
    RuleScenario(
      "an excluded code that is no country", file: "icp.yaml",
      replacing: "countries: [RU, BY, IR, KP, CU, SY]", with: "countries: [RU, BY, IR, KP, CU, XX]",
      expect: [
        icp(
          "countries: [RU, BY, IR, KP, CU, XX]", "icp.range-valid", "'XX' is not a country code that exists")
      ]),
    RuleScenario(
      "lower-case country codes are read as upper case and accepted", file: "icp.yaml",
      replacing: "countries: [US, CA, MX]", with: "countries: [us, ca, mx]", expect: []),
    RuleScenario(
      "a segment targeting an excluded country", file: "icp.yaml",
      replacing: "countries: [US, CA, MX]", with: "countries: [US, CA, CU]",
      expect: [
        icp(
          "countries: [US, CA, CU]", "icp.exclusion-conflict",
          "segment 'adjacent-nurture' targets CU, which the exclusions rule out")
      ]),
    RuleScenario(
      "a segment whose minimum equals its maximum is accepted", file: "icp.yaml",
      replacing: "employees: {min: 50, max: 5000}", with: "employees: {min: 5000, max: 5000}", expect: []),
    RuleScenario(
      "a segment from 0 employees is accepted", file: "icp.yaml",
      replacing: "employees: {min: 100}", with: "employees: {min: 0}", expect: []),
    RuleScenario(
      "a segment in another served country is accepted", file: "icp.yaml",
      replacing: "countries: [US, CA, MX]", with: "countries: [US, CA, MX, GB]", expect: []),
  ]

  static let statusRulesScenarios: [RuleScenario] = [
    RuleScenario(
      "a working status with somewhere to recycle to", file: "lead-statuses.yaml",
      replacing: "    category: working\n    definition: Accepted;",
      with: "    category: working\n    recycle_to: lead  # working\n    definition: Accepted;",
      expect: [
        statuses(
          "# working", "status.recycle-declared",
          "status 'attempting' is not a recycle status but has 'recycle_to'")
      ]),
    RuleScenario(
      "a recycle status that does not say where the lead goes", file: "lead-statuses.yaml",
      replacing: "    category: recycle\n    recycle_to: lead\n    definition: Sent back",
      with: "    category: recycle  # rejected\n    definition: Sent back",
      expect: [
        statuses(
          "# rejected", "status.recycle-declared",
          "recycle status 'rejected' does not say where the lead goes")
      ]),
    RuleScenario(
      "a recycle status to an unknown stage", file: "lead-statuses.yaml",
      replacing: "recycle_to: mql", with: "recycle_to: mq",
      expect: [
        statuses(
          "recycle_to: mq", "status.recycle-declared",
          "recycle status 'returned-not-ready' returns leads to unknown stage 'mq'")
      ]),
    RuleScenario(
      "a recycle status making a move the lifecycle does not declare", file: "lead-statuses.yaml",
      replacing: "recycle_to: mql", with: "recycle_to: lead  # not declared",
      expect: [
        statuses(
          "# not declared", "status.recycle-declared",
          "status 'returned-not-ready' recycles from 'sql' to 'lead', a move the lifecycle does not declare")
      ]),
    RuleScenario(
      "the same move declared in the lifecycle is accepted",
      edits: [
        .init(file: "lead-statuses.yaml", original: "recycle_to: mql", replacement: "recycle_to: lead"),
        .init(
          file: "lifecycle-stages.yaml", original: "recycles:\n",
          replacement: "recycles:\n  - from: sql\n    to: lead\n    reason: Not a buyer after all\n"),
      ], expect: []),
    RuleScenario(
      "no default status", file: "lead-statuses.yaml",
      replacing: "    default: true\n", with: "",
      expect: [statuses("definition: >-", "status.single-default", "no lead status is the default")]),
    RuleScenario(
      "a second default status", file: "lead-statuses.yaml",
      replacing: "    category: converted\n", with: "    category: converted\n    default: true  # second\n",
      expect: [statuses("# second", "status.single-default", "lead status 'converted' is a second default")]),
    RuleScenario(
      "moving the default to a converted status keeps one default, in the wrong place",
      edits: [
        .init(file: "lead-statuses.yaml", original: "    default: true\n", replacement: ""),
        .init(
          file: "lead-statuses.yaml", original: "    stage: sql\n    category: converted\n",
          replacement: "    stage: sql  # converted default\n    category: converted\n    default: true\n"),
      ],
      expect: [
        statuses(
          "# converted default", "status.default-in-mql",
          "the default status 'converted' sits in 'sql', not in the MQL stage 'mql'"),
        statuses(
          "category: converted", "status.default-in-mql",
          "the default status 'converted' is a converted status; a new MQL is open"),
      ]),
  ]

  @Test(arguments: scoringRulesScenarios) func scoringRules(_ scenario: RuleScenario) throws {
    try scenario.run()
  }
  @Test(arguments: icpRulesScenarios) func icpRules(_ scenario: RuleScenario) throws { try scenario.run() }
  @Test(arguments: statusRulesScenarios) func statusRules(_ scenario: RuleScenario) throws {
    try scenario.run()
  }
}
