/// ICP ranges are sensible: minimums not above maximums, no negative sizes, and countries as
/// ISO 3166-1 alpha-2 codes that exist (`UK` is `GB`; lower case is read as upper case).
///
/// Fails:
///
///     employees: {min: 5000, max: 50}
public struct ICPRangesValid: GlossaryRule {
  public static let id = "icp.range-valid"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    for segment in glossary.icp.segments {
      for (name, range) in [
        ("employees", segment.employees), ("annual_revenue", segment.annualRevenue),
      ] {
        guard let range else { continue }
        if let low = range.min, let high = range.max, low.value > high.value {
          findings.report(
            at: low.location,
            "segment '\(segment.id.value)' has \(name) min \(Int(low.value)) above max \(Int(high.value))",
            fix: "swap min and max")
        }
        for bound in [range.min, range.max].compactMap({ $0 }) where bound.value < 0 {
          findings.report(
            at: bound.location, "segment '\(segment.id.value)' has a negative \(name)", fix: "use 0 or more")
        }
      }
    }
    let countries = glossary.icp.segments.flatMap(\.countries) + glossary.icp.exclusions.countries
    for country in countries where !RealCodes.countries.contains(country.value) {
      if let code = RealCodes.commonMistakes[country.value] {
        findings.report(
          at: country.location, "'\(country.value)' is not an ISO 3166-1 code; did you mean '\(code)'?",
          fix: "use '\(code)'")
      } else {
        let twoLetters = country.value.count == 2 && country.value.allSatisfy(\.isLetter)
        findings.report(
          at: country.location,
          "'\(country.value)' is not "
            + (twoLetters ? "a country code that exists" : "a two-letter country code"),
          fix: "use ISO 3166-1 alpha-2 codes such as US, CA, DE")
      }
    }
  }
}
