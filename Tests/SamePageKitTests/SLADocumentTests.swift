import Foundation
import SamePageKit
import Testing

/// The SLA states what it binds, from the structured fields: each item a head of sales and a
/// CMO would look for before signing, checked in the starter's SLA section by section, and a
/// change to a number in the glossary shows in the document.
@Suite struct SLADocumentTests {
  func sla(_ glossary: GlossaryUnderTest = try! GlossaryUnderTest()) throws -> String {
    let (pages, diagnostics) = try RenderTests().render(glossary)
    #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.summary))")
    return try RenderTests().page(pages, .sla).markdown
  }

  /// The text of the section whose heading starts with `heading`, up to the next heading of
  /// the same or a higher level.
  func section(_ heading: String, in document: String) throws -> String {
    let lines = document.components(separatedBy: "\n")
    let start = try #require(lines.firstIndex { $0.hasPrefix(heading) }, "no heading '\(heading)'")
    let level = heading.prefix { $0 == "#" }.count
    let end =
      lines[(start + 1)...].firstIndex { line in
        let hashes = line.prefix { $0 == "#" }.count
        return hashes > 0 && hashes <= level && line.dropFirst(hashes).hasPrefix(" ")
      } ?? lines.endIndex
    return lines[start..<end].joined(separator: "\n")
  }

  @Test func definitionsCarryEntryCriteriaExclusionsAndUncoveredTypes() throws {
    let document = try sla()
    let mql = try section("### Marketing-qualified lead (MQL)", in: document)
    #expect(
      mql.contains("when its score reaches a fit of at least **40** and an engagement of at least **50**"))
    let sal = try section("### Sales-accepted lead (SAL)", in: document)
    #expect(sal.contains("by setting the status [Attempting to contact](glossary.md#status-attempting)"))
    let sql = try section("### Sales-qualified lead (SQL)", in: document)
    #expect(sql.contains("a fit of at least **60** and an engagement of at least **100**"))
    #expect(sql.contains("- **Demo request**, when the lead's fit is at least **40**"))
    let excluded = try section("### Never a qualified lead", in: document)
    for value in [
      "| Personal email domains | gmail.com, yahoo.com, hotmail.com, outlook.com |",
      "| Email suffixes | .edu |",
      "grainger.example", "| Countries not served | RU, BY, IR, KP, CU, SY |",
    ] {
      #expect(excluded.contains(value), "\(value)")
    }
    let uncovered = try section("### Leads this agreement does not cover", in: document)
    #expect(uncovered.contains("[Existing customer — upsell](glossary.md#lead-type-existing-customer)"))
  }

  @Test func everyCommitmentHasItsNumberUnitPeriodAndTheStatusesThatRecordIt() throws {
    let commitments = try section("## 4. Commitments", in: try sla())
    let rows = [
      "| Marketing | **120 MQLs per month**.",
      "| Marketing | **90% of MQLs accepted per month**.",
      "| Sales | **First touch on demo and quote requests within 5 minutes**.",
      "| Sales | **First touch on every other MQL within 4 business hours**.",
      "| Sales | **Accept or reject every MQL within 24 business hours**.",
      "| Sales | **6 connect attempts within 10 business days**.",
    ]
    for row in rows { #expect(commitments.contains(row), "\(row)") }
    #expect(commitments.contains("The lead enters [Marketing-qualified lead (MQL)](glossary.md#mql)"))
    #expect(
      commitments.contains(
        "[Attempting to contact](glossary.md#status-attempting) against [Rejected](glossary.md#status-rejected)"
      ))
    #expect(commitments.contains("[No response](glossary.md#status-no-response) when the sequence ends"))
    #expect(commitments.contains("this sequence of 6 attempts within 10 business days"))
  }

  @Test func reportingMissesEscalationAndRejectionFeedbackAreStated() throws {
    let document = try sla()
    let reporting = try section("## 6. Reporting", in: document)
    #expect(
      reporting.contains(
        "Revenue Operations reports these figures weekly from the CRM, and both teams go through them in the monthly revenue meeting."
      ))
    for figure in [
      "| MQL volume |", "| Acceptance rate |", "| First touch in time |", "| Connect-attempt compliance |",
    ] {
      #expect(reporting.contains(figure), "\(figure)")
    }
    #expect(reporting.contains("| 120 MQLs per month |"))
    let missed = try section("## 7. When a commitment is missed", in: document)
    #expect(missed.contains("- **120 MQLs per month:** Marketing explains the shortfall"))
    #expect(
      missed.contains(
        "| 8 business hours | Sales manager of the territory | Director of Revenue Operations |"))
    #expect(missed.contains("| 2 business days | VP Sales | VP Marketing |"))
    let handoff = try section("## 5. Hand-off", in: document)
    #expect(handoff.contains("Marketing reviews every rejected lead within 5 business days of the rejection"))
    #expect(handoff.contains("one of its reasons: Duplicate of an existing lead or contact;"))
  }

  @Test func termAmendmentContactsAndSignatures() throws {
    let document = try sla()
    let term = try section("## 9. Term, review and amendment", in: document)
    #expect(
      term.contains(
        "takes effect on October 1, 2026 and stays in force until a signed new version replaces it"))
    #expect(term.contains("The next review is on January 15, 2027."))
    #expect(term.contains("no sooner than 5 business days after the second signature"))
    let contacts = try section("## 10. Contacts", in: document)
    #expect(contacts.contains("- Priya Natarajan, Revenue Operations Manager: <revops@keystone.example>"))
    let signatures = try section("## Signatures", in: document)
    #expect(signatures.contains("**For Marketing:** Dana Whitfield, VP Marketing"))
    #expect(signatures.contains("**For Sales:** Marcus Oyelaran, VP Sales"))
    #expect(
      document.hasPrefix("# Service level agreement between marketing and sales\n\n> **DRAFT — not signed.**")
    )
  }

  @Test func aChangedNumberInTheGlossaryChangesTheDocument() throws {
    let scoring = try String(
      contentsOf: Repository.glossary.appendingPathComponent("lead-scoring.yaml"), encoding: .utf8)
    let sla = try String(contentsOf: Repository.glossary.appendingPathComponent("sla.yaml"), encoding: .utf8)
    let edited = try GlossaryUnderTest(replacing: [
      "lead-scoring.yaml": scoring.replacingOccurrences(of: "engagement: 50", with: "engagement: 65"),
      "sla.yaml": sla.replacingOccurrences(of: "quantity: 120", with: "quantity: 150")
        .replacingOccurrences(
          of: "{after: 2 business days, to: VP Sales", with: "{after: 3 business days, to: CRO"),
    ])
    try #require(scoring.contains("engagement: 50") && sla.contains("{after: 2 business days, to: VP Sales"))
    let document = try self.sla(edited)
    #expect(document.contains("a fit of at least **40** and an engagement of at least **65**"))
    // The entry criterion quotes the threshold ($(threshold.mql.engagement)), so it follows too.
    #expect(document.contains("- Fit score of at least 40 and engagement score of at least 65"))
    #expect(document.contains("**150 MQLs per month**"))
    #expect(document.contains("| 3 business days | CRO | VP Marketing |"))
    #expect(!document.contains("**120 MQLs per month**"))
  }

  @Test func optionalSectionsDisappearWhenTheirFieldsDo() throws {
    let sla = try String(contentsOf: Repository.glossary.appendingPathComponent("sla.yaml"), encoding: .utf8)
    var trimmed = sla
    for block in [
      "reporting:\n  system_of_record: the CRM\n  prepared_by: Revenue Operations\n  cadence: weekly\n  reviewed_in: the monthly revenue meeting\n  figures: [mql_volume, acceptance_rate, first_touch, connect_attempts]\n",
      "contacts:\n  - {name: Priya Natarajan, title: Revenue Operations Manager, email: revops@keystone.example}\n",
      "  amendment_notice: 5 business days\n",
    ] {
      try #require(trimmed.contains(block))
      trimmed = trimmed.replacingOccurrences(of: block, with: "")
    }
    let document = try self.sla(try GlossaryUnderTest(replacing: ["sla.yaml": trimmed]))
    #expect(!document.contains("## 6. Reporting"))
    #expect(!document.contains("## 10. Contacts"))
    #expect(document.contains("takes effect once both signatories have signed that version."))
  }
}
