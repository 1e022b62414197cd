/// No segment or fit rule rewards what the exclusions rule out: an excluded country in a
/// segment's countries or in a fit rule on `country` that awards positive points, or an excluded
/// email domain, competitor domain or email suffix in a fit rule that awards positive points.
///
/// The same country cannot be both a market and a place we do not sell to, and a free-mail
/// or `.edu` address cannot both disqualify a lead and raise its fit.
///
/// Fails:
///
///     segments:
///       - {id: core, countries: [US, CU]}
///     exclusions:
///       countries: [CU]
public struct ExclusionConflict: GlossaryRule {
  public static let id = "icp.exclusion-conflict"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    let excluded = glossary.icp.exclusions.countries
    for segment in glossary.icp.segments {
      for country in segment.countries {
        guard let exclusion = excluded.first(where: { $0.value.uppercased() == country.value.uppercased() })
        else {
          continue
        }
        findings.report(
          at: country.location,
          "segment '\(segment.id.value)' targets \(country.value), which the exclusions rule out",
          notes: [
            Diagnostic.Note(location: exclusion.location, message: "\(country.value) is excluded here")
          ],
          fix: "remove \(country.value) from the segment or from the exclusions")
      }
    }
    let excludedDomains = glossary.icp.exclusions.emailDomains + glossary.icp.exclusions.competitorDomains
    let suffixes = glossary.icp.exclusions.emailSuffixes
    for rule in glossary.scoring.fit.rules where (rule.points?.value ?? 0) > 0 {
      if rule.attribute?.value.rawValue == "country" {
        for value in rule.condition.anyOf {
          guard let exclusion = excluded.first(where: { $0.value.uppercased() == value.value.uppercased() })
          else { continue }
          findings.report(
            at: value.location,
            "fit rule '\(rule.id.value)' awards points for \(value.value), which the exclusions rule out",
            notes: [
              Diagnostic.Note(location: exclusion.location, message: "\(value.value) is excluded here")
            ],
            fix: "remove \(value.value) from the rule or from the exclusions")
        }
      }
      for value in rule.condition.anyOf + rule.condition.containsAny {
        let lowered = value.value.lowercased()
        guard
          let suffix = suffixes.first(where: { suffix in
            let dotted =
              suffix.value.hasPrefix(".") ? suffix.value.lowercased() : "." + suffix.value.lowercased()
            return lowered.hasSuffix(dotted) || lowered == dotted
          })
        else { continue }
        findings.report(
          at: value.location,
          "fit rule '\(rule.id.value)' awards points for '\(value.value)', which the excluded suffix '\(suffix.value)' rules out",
          notes: [Diagnostic.Note(location: suffix.location, message: "'\(suffix.value)' is excluded here")],
          fix: "remove '\(value.value)' from the rule, or give the rule negative points")
      }
      for value in rule.condition.anyOf {
        guard
          let exclusion = excludedDomains.first(where: { $0.value.lowercased() == value.value.lowercased() })
        else { continue }
        findings.report(
          at: value.location,
          "fit rule '\(rule.id.value)' awards points for excluded domain '\(value.value)'",
          notes: [
            Diagnostic.Note(location: exclusion.location, message: "'\(value.value)' is excluded here")
          ],
          fix: "remove the domain from the rule, or give the rule negative points")
      }
    }
  }
}
