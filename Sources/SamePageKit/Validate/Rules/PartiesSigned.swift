/// The SLA names both parties, marketing and sales, once each, each with a signatory.
///
/// An agreement one side has not signed binds nobody.
///
/// Fails:
///
///     parties:
///       - {party: marketing, signatory: {name: Dana Whitfield}}
///       - {party: sales}
public struct PartiesSigned: GlossaryRule {
  public static let id = "sla.signatories"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    for party in Party.allCases {
      let entries = glossary.sla.parties.filter { $0.party.value == party }
      guard let entry = entries.first else {
        findings.report(
          at: glossary.sla.header.location, "the SLA does not name \(party.rawValue) as a party",
          fix: "add '- {party: \(party.rawValue), signatory: {name: …, title: …}}' under 'parties:'")
        continue
      }
      for extra in entries.dropFirst() {
        findings.report(
          at: extra.party.location, "\(party.rawValue) is listed twice as a party",
          fix: "list each party once")
      }
      if entry.signatory == nil || entry.signatory!.name.isBlank {
        findings.report(
          at: entry.party.location, "\(party.rawValue) has no signatory",
          fix: "add 'signatory: {name: …, title: …}' for the person who signs for \(party.rawValue)")
      }
    }
  }
}
