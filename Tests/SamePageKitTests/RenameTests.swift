import Foundation
import SamePageKit
import Testing

/// An id renamed in its defining file while other files still use the old one: every reference
/// is pointed at the new id, never at the nearest spelling, and a stage that lost its role with
/// its id is reported. A plain typo still gets the nearest spelling.
@Suite struct RenameTests {
  static func expect(_ file: String, _ at: String, _ id: String, _ summary: String) -> RuleScenario.Expected {
    .init(file: file, at: at, id: id, summary: summary)
  }

  static let scenarios: [RuleScenario] = [
    RuleScenario(
      "a status renamed in its file, still used by the hand-off", file: "lead-statuses.yaml",
      replacing: "  - id: attempting\n", with: "  - id: trying\n",
      expect: [
        expect(
          "sla.yaml", "accepted_status: attempting", "sla.status-exists",
          "the hand-off's accepted status 'attempting' is not a lead status")
      ]),
    RuleScenario(
      "a stage renamed consistently everywhere but its label keeps naming the role",
      edits: [
        .init(file: "lifecycle-stages.yaml", original: "  - id: sal\n", replacement: "  - id: accepted\n"),
        .init(
          file: "lifecycle-stages.yaml", original: "  - from: sal\n", replacement: "  - from: accepted\n"),
        .init(file: "buyer-journey.yaml", original: "[mql, sal]", replacement: "[mql, accepted]"),
        .init(file: "lead-types.yaml", original: "mql, sal]", replacement: "mql, accepted]"),
        .init(
          file: "lead-statuses.yaml", original: "    label: Attempting to contact\n    stage: sal\n",
          replacement: "    label: Attempting to contact\n    stage: accepted\n"),
        .init(
          file: "lead-statuses.yaml", original: "    label: Connected\n    stage: sal\n",
          replacement: "    label: Connected\n    stage: accepted\n"),
        .init(
          file: "lead-statuses.yaml", original: "    label: No response\n    stage: sal\n",
          replacement: "    label: No response\n    stage: accepted\n"),
        .init(
          file: "lead-statuses.yaml", original: "    label: Disqualified\n    stage: sal\n",
          replacement: "    label: Disqualified\n    stage: accepted\n"),
      ],
      expect: [
        expect(
          "lifecycle-stages.yaml", "- id: accepted", "lifecycle.role-lost",
          "stage 'accepted' has no role, but its label or synonyms name it the 'sal' stage; the rules for that role no longer apply"
        )
      ]),
    RuleScenario(
      "a renamed stage that keeps its role explicitly is accepted",
      edits: [
        .init(
          file: "lifecycle-stages.yaml", original: "  - id: sal\n",
          replacement: "  - id: accepted\n    role: sal\n"),
        .init(
          file: "lifecycle-stages.yaml", original: "  - from: sal\n", replacement: "  - from: accepted\n"),
        .init(file: "buyer-journey.yaml", original: "[mql, sal]", replacement: "[mql, accepted]"),
        .init(file: "lead-types.yaml", original: "mql, sal]", replacement: "mql, accepted]"),
        .init(
          file: "lead-statuses.yaml", original: "    label: Attempting to contact\n    stage: sal\n",
          replacement: "    label: Attempting to contact\n    stage: accepted\n"),
        .init(
          file: "lead-statuses.yaml", original: "    label: Connected\n    stage: sal\n",
          replacement: "    label: Connected\n    stage: accepted\n"),
        .init(
          file: "lead-statuses.yaml", original: "    label: No response\n    stage: sal\n",
          replacement: "    label: No response\n    stage: accepted\n"),
        .init(
          file: "lead-statuses.yaml", original: "    label: Disqualified\n    stage: sal\n",
          replacement: "    label: Disqualified\n    stage: accepted\n"),
      ],
      expect: []),
    RuleScenario(
      "a renamed stage given 'role: other' on purpose is accepted",
      edits: [
        .init(
          file: "lifecycle-stages.yaml", original: "  - id: sal\n",
          replacement: "  - id: accepted\n    role: other\n"),
        .init(
          file: "lifecycle-stages.yaml", original: "  - from: sal\n", replacement: "  - from: accepted\n"),
        .init(file: "buyer-journey.yaml", original: "[mql, sal]", replacement: "[mql, accepted]"),
        .init(file: "lead-types.yaml", original: "mql, sal]", replacement: "mql, accepted]"),
        .init(
          file: "lead-statuses.yaml", original: "    label: Attempting to contact\n    stage: sal\n",
          replacement: "    label: Attempting to contact\n    stage: accepted\n"),
        .init(
          file: "lead-statuses.yaml", original: "    label: Connected\n    stage: sal\n",
          replacement: "    label: Connected\n    stage: accepted\n"),
        .init(
          file: "lead-statuses.yaml", original: "    label: No response\n    stage: sal\n",
          replacement: "    label: No response\n    stage: accepted\n"),
        .init(
          file: "lead-statuses.yaml", original: "    label: Disqualified\n    stage: sal\n",
          replacement: "    label: Disqualified\n    stage: accepted\n"),
      ],
      expect: []),
  ]

  @Test(arguments: scenarios) func renames(_ scenario: RuleScenario) throws {
    try scenario.run()
  }

  func check(_ edit: (String) -> String, in file: String) throws -> CLITests.Run {
    let original = try String(contentsOf: Repository.glossary.appendingPathComponent(file), encoding: .utf8)
    let edited = edit(original)
    try #require(edited != original)
    let glossary = try GlossaryUnderTest(replacing: [file: edited])
    return try CLITests().samepage("check", glossary.directory.url.path)
  }

  @Test func aStageRenamedInItsFileIsSuggestedToEveryReferenceNotTheNearestSpelling() throws {
    let run = try check(
      { $0.replacingOccurrences(of: "  - id: sal\n", with: "  - id: accepted\n") },
      in: "lifecycle-stages.yaml")
    #expect(run.status == 1)
    let unknown = run.output.split(separator: "\n").filter { $0.contains("unknown lifecycle stage 'sal'") }
    #expect(unknown.count == 7, "\(run.output)")
    let suggestions = run.output.split(separator: "\n").filter { $0.contains("did you mean") }
    #expect(suggestions.count == 7, "\(run.output)")
    #expect(
      suggestions.allSatisfy {
        $0.hasSuffix(
          "lifecycle-stages.yaml:35:9: note: did you mean 'accepted'? It is defined here and nothing refers to it yet"
        )
      }, "\(run.output)")
    #expect(!run.output.contains("'sql'"), "\(run.output)")
    #expect(run.output.contains("fix: change it to 'accepted', the new id of 'sal'"))
    #expect(
      run.output.contains(
        "lifecycle-stages.yaml:35:9: warning: stage 'accepted' has no role, but as 'sal' it had the role 'sal'; the rules for that role no longer apply [lifecycle.role-lost]"
      ), "\(run.output)")
  }

  @Test func aStatusRenamedInItsFileIsSuggestedByItsLabel() throws {
    let run = try check(
      { $0.replacingOccurrences(of: "  - id: attempting\n", with: "  - id: trying\n") },
      in: "lead-statuses.yaml")
    #expect(run.status == 1)
    #expect(
      run.output.contains("note: did you mean 'trying'? It is defined here and nothing refers to it yet"),
      "\(run.output)")
  }

  @Test func aTypoStillGetsTheNearestSpelling() throws {
    let run = try check(
      {
        $0.replacingOccurrences(
          of: "    label: Qualified\n    stage: sql\n", with: "    label: Qualified\n    stage: sqll\n")
      },
      in: "lead-statuses.yaml")
    #expect(run.status == 1)
    #expect(run.output.contains("note: did you mean 'sql'?\n"), "\(run.output)")
    #expect(!run.output.contains("nothing refers to it"), "\(run.output)")
  }

  @Test func anUnknownIdWithNoNearSpellingListsTenDefinedIdsAndCountsTheRest() throws {
    let lifecycle = try String(
      contentsOf: Repository.glossary.appendingPathComponent("lifecycle-stages.yaml"), encoding: .utf8)
    let extra = (1...5).map {
      "  - {id: extra-\($0), label: Extra \($0), order: \(90 + $0), owner: shared, out_of_funnel: true, terminal: true, definition: x}\n"
    }.joined()
    let statuses = try String(
      contentsOf: Repository.glossary.appendingPathComponent("lead-statuses.yaml"), encoding: .utf8)
    let glossary = try GlossaryUnderTest(replacing: [
      "lifecycle-stages.yaml": lifecycle.replacingOccurrences(of: "recycles:\n", with: extra + "recycles:\n"),
      "lead-statuses.yaml": statuses.replacingOccurrences(
        of: "    label: Qualified\n    stage: sql\n", with: "    label: Qualified\n    stage: zzzzzzzz\n"),
    ])
    let finding = try #require(glossary.check().diagnostics.first { $0.id == "status.stage-exists" })
    #expect(
      finding.fix
        == "use the id of a lifecycle stage (defined: subscriber, lead, mql, sal, sql, opportunity, customer, evangelist, other, extra-1 and 4 more)"
    )
  }
}
