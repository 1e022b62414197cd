import Foundation
import SamePageKit
import Testing

/// Every way the lifecycle, journey, persona, lead-type and term rules can fail, and edits they
/// must accept.
@Suite struct LifecycleAndReferenceRuleScenarioTests {
  static func expect(_ file: String, _ at: String, _ id: String, _ summary: String) -> RuleScenario.Expected {
    .init(file: file, at: at, id: id, summary: summary)
  }

  static let dealDefinition =
    "definition: >-\n  Deal stages track an opportunity from the first meeting to a decision. Each stage has the\n"
    + "  probability used in the forecast and a forecast category; won and lost stages are closed.\n"

  static let salStage =
    "  - id: sal\n    synonyms: [sales accepted lead, accepted lead]\n    label: Sales-accepted lead (SAL)\n"
    + "    order: 40\n    owner: sales\n    optional: true\n"
    + "    definition: An MQL that sales has reviewed and accepted as worth a rep's time.\n"
    + "    entry: [The owning rep accepts the MQL in the CRM]\n"
    + "    exit: [\"A qualifying conversation, or the connect-attempt sequence runs out\"]\n"

  static let lifecycleScenarios: [RuleScenario] = [
    RuleScenario(
      "a sales-accepted stage after SQL",
      edits: [
        .init(file: "lifecycle-stages.yaml", original: salStage, replacement: ""),
        .init(
          file: "lifecycle-stages.yaml", original: "  - id: opportunity\n",
          replacement: salStage.replacingOccurrences(of: "order: 40", with: "order: 55  # after sql")
            + "  - id: opportunity\n"),
      ],
      expect: [
        expect(
          "lifecycle-stages.yaml", "# after sql", "lifecycle.sal-between",
          "the sales-accepted stage 'sal' is not between 'mql' and 'sql'"),
        expect(
          "buyer-journey.yaml", "[sql, opportunity]", "journey.order",
          "phase 'decision' maps to 'sql', which comes before 'sal' of the earlier phase 'consideration'"),
      ]),
    RuleScenario(
      "a sales-accepted stage that is not optional", file: "lifecycle-stages.yaml",
      replacing: "    optional: true\n", with: "",
      expect: [
        expect(
          "lifecycle-stages.yaml", "- id: sal", "lifecycle.sal-between",
          "the sales-accepted stage 'sal' is not marked optional")
      ]),
    RuleScenario(
      "a role given to a second stage", file: "lifecycle-stages.yaml",
      replacing: "  - id: evangelist\n", with: "  - id: evangelist\n    role: customer  # twice\n",
      expect: [
        expect(
          "lifecycle-stages.yaml", "# twice", "lifecycle.required-roles",
          "stage 'evangelist' has the role 'customer' that another stage already has")
      ]),
    RuleScenario(
      "a required role no stage has (a second 'other' is allowed)", file: "lifecycle-stages.yaml",
      replacing: "  - id: opportunity\n",
      with: "  - id: opportunity\n    role: other  # not an opportunity\n",
      expect: [
        expect(
          "lifecycle-stages.yaml", "^definition:", "lifecycle.required-roles",
          "no lifecycle stage has the role 'opportunity'")
      ]),
    RuleScenario(
      "an explicit role that matches the id is accepted", file: "lifecycle-stages.yaml",
      replacing: "  - id: customer\n", with: "  - id: customer\n    role: customer\n", expect: []),
  ]

  static let referenceScenarios: [RuleScenario] = [
    RuleScenario(
      "a journey phase mapped to no stage", file: "buyer-journey.yaml",
      replacing: "lifecycle_stages: [sql, opportunity]", with: "lifecycle_stages: []",
      expect: [
        expect(
          "buyer-journey.yaml", "- id: decision", "journey.stage-exists",
          "journey phase 'decision' maps to no lifecycle stage")
      ]),
    RuleScenario(
      "a journey phase mapped to an unknown stage", file: "buyer-journey.yaml",
      replacing: "lifecycle_stages: [mql, sal]", with: "lifecycle_stages: [mql, sall]",
      expect: [
        expect(
          "buyer-journey.yaml", "[mql, sall]", "journey.stage-exists",
          "journey phase 'consideration' maps to unknown lifecycle stage 'sall'")
      ]),
    RuleScenario(
      "a lifecycle stage in two journey phases", file: "buyer-journey.yaml",
      replacing: "lifecycle_stages: [sql, opportunity]", with: "lifecycle_stages: [sal, sql, opportunity]",
      expect: [
        expect(
          "buyer-journey.yaml", "[sal, sql, opportunity]", "journey.stage-exists",
          "lifecycle stage 'sal' is in both 'consideration' and 'decision'"),
        expect(
          "buyer-journey.yaml", "[sal, sql, opportunity]", "journey.order",
          "phase 'decision' maps to 'sal', which comes before 'sal' of the earlier phase 'consideration'"),
      ]),
    RuleScenario(
      "a persona in no segment", file: "personas.yaml",
      replacing: "    segments: [adjacent-nurture]\n", with: "    segments: []\n",
      expect: [
        expect(
          "personas.yaml", "id: purchasing-agent", "persona.segment-exists",
          "persona 'purchasing-agent' belongs to no ICP segment")
      ]),
    RuleScenario(
      "a persona in an unknown segment", file: "personas.yaml",
      replacing: "    segments: [adjacent-nurture]\n", with: "    segments: [adjacent-nurtur]\n",
      expect: [
        expect(
          "personas.yaml", "[adjacent-nurtur]", "persona.segment-exists",
          "persona 'purchasing-agent' names unknown ICP segment 'adjacent-nurtur'")
      ]),
    RuleScenario(
      "a lead type on an unknown pipeline", file: "lead-types.yaml",
      replacing: "    pipeline: service\n", with: "    pipeline: servic\n",
      expect: [
        expect(
          "lead-types.yaml", "pipeline: servic", "leadtype.references",
          "lead type 'service' uses unknown deal pipeline 'servic'")
      ]),
    RuleScenario(
      "a lead type skipping an unknown stage", file: "lead-types.yaml",
      replacing: "skips_stages: [subscriber, lead]\n", with: "skips_stages: [subscriber, leed]\n",
      expect: [
        expect(
          "lead-types.yaml", "[subscriber, leed]", "leadtype.references",
          "lead type 'partner-referral' skips unknown lifecycle stage 'leed'")
      ]),
    RuleScenario(
      "a term whose definition is blank", file: "deal-stages.yaml",
      replacing: dealDefinition, with: "definition: \" \"\n",
      expect: [
        expect(
          "deal-stages.yaml", #"definition: " ""#, "term.definition-present",
          "the definition of deal stages is empty")
      ]),
    RuleScenario(
      "a term without a definition", file: "deal-stages.yaml", replacing: dealDefinition, with: "",
      expect: [
        expect(
          "deal-stages.yaml", "owner: sales", "term.definition-present", "deal stages has no 'definition'")
      ]),
    RuleScenario(
      "a journey phase with a single stage is accepted", file: "buyer-journey.yaml",
      replacing: "lifecycle_stages: [sql, opportunity]", with: "lifecycle_stages: [sql]", expect: []),
    RuleScenario(
      "a persona in two segments is accepted", file: "personas.yaml",
      replacing: "    segments: [adjacent-nurture]\n",
      with: "    segments: [adjacent-nurture, core-industrial]\n",
      expect: []),
    RuleScenario(
      "a lead type skipping fewer stages is accepted", file: "lead-types.yaml",
      replacing: "skips_stages: [subscriber, lead]\n", with: "skips_stages: [subscriber]\n", expect: []),
  ]

  @Test(arguments: lifecycleScenarios) func lifecycleRules(_ scenario: RuleScenario) throws {
    try scenario.run()
  }
  @Test(arguments: referenceScenarios) func referenceAndTermRules(_ scenario: RuleScenario) throws {
    try scenario.run()
  }
}
