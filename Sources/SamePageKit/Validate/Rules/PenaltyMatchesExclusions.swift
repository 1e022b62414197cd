/// The email domains a fit rule penalises are the ones the exclusions list, and the reverse:
/// one list of personal and competitor domains, written twice, agrees with itself.
///
/// A domain penalised but not excluded (`outlook.com` in the free-mail rule, not in
/// `email_domains`) is scored as a weak lead while its siblings are dropped; a domain excluded
/// but missing from the penalty shows the rule is out of date. A warning, since either list may
/// be the one that is right. The reverse is checked only when a fit rule penalises email
/// domains at all.
///
/// Fails:
///
///     - {id: free-mail, attribute: email_domain, any_of: [gmail.com, outlook.com], points: -5}
///     exclusions:
///       email_domains: [gmail.com]
public struct PenaltyMatchesExclusions: GlossaryRule {
  public static let id = "icp.penalty-matches-exclusions"
  public static let severity = Severity.warning
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    let exclusions = glossary.icp.exclusions
    let penalties = glossary.scoring.fit.rules.filter {
      $0.attribute?.value.rawValue == "email_domain" && ($0.points?.value ?? 0) < 0
    }
    guard !penalties.isEmpty else { return }
    let excluded = Set((exclusions.emailDomains + exclusions.competitorDomains).map { $0.value.lowercased() })
    var penalised: Set<String> = []
    for rule in penalties {
      for domain in rule.condition.anyOf {
        penalised.insert(domain.value.lowercased())
        guard !excluded.contains(domain.value.lowercased()) else { continue }
        findings.report(
          at: domain.location,
          "fit rule '\(rule.id.value)' penalises '\(domain.value)', which the exclusions do not list",
          fix: "add '\(domain.value)' to the exclusions' email_domains, or remove it from the rule")
      }
    }
    for domain in exclusions.emailDomains where !penalised.contains(domain.value.lowercased()) {
      findings.report(
        at: domain.location, "excluded email domain '\(domain.value)' is not penalised by any fit rule",
        notes: penalties.map {
          Diagnostic.Note(location: $0.id.location, message: "'\($0.id.value)' penalises email domains")
        },
        fix: "add '\(domain.value)' to the penalising fit rule, or remove it from the exclusions")
    }
  }
}
