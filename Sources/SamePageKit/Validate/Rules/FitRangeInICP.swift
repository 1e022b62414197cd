/// A fit rule that awards points on company size (`employees`) or revenue
/// (`annual_revenue_<currency>`, such as `annual_revenue_usd`) overlaps at least one ICP
/// segment's range for it.
///
/// Fit measures how well a lead matches the ideal customer profile. Points for 20,000
/// employees when every segment stops at 5,000 reward a company the profile says is not ours.
/// A segment without a range for the field accepts any value. Revenue is compared only with
/// segments whose `annual_revenue` is in the attribute's currency: numbers in two currencies do
/// not compare.
///
/// Fails (every segment has at most 5000 employees):
///
///     - {id: company-size, attribute: employees, at_least: 10000, points: 25}
public struct FitRangeInICP: GlossaryRule {
  public static let id = "scoring.fit-range-in-icp"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    let segments = glossary.icp.segments
    guard !segments.isEmpty else { return }
    for rule in glossary.scoring.fit.rules where (rule.points?.value ?? 0) > 0 {
      guard let attribute = rule.attribute?.value.rawValue, rule.condition.isNumeric else { continue }
      let field: (attribute: String, range: (IdealCustomerProfile.Segment) -> NumberRange?)
      if attribute == "employees" {
        field = (attribute, \.employees)
      } else if attribute.hasPrefix("annual_revenue_") {
        let currency = attribute.dropFirst("annual_revenue_".count).uppercased()
        field = (attribute, { $0.revenueCurrency?.value == currency ? $0.annualRevenue : nil })
      } else {
        continue
      }
      let low = rule.condition.atLeast?.value ?? -.infinity
      let high = rule.condition.atMost?.value ?? .infinity
      let overlaps = segments.contains { segment in
        guard let range = field.range(segment) else { return true }
        return low <= (range.max?.value ?? .infinity) && high >= (range.min?.value ?? -.infinity)
      }
      guard !overlaps else { continue }
      let ranges = segments.compactMap { segment in
        field.range(segment).map { "'\(segment.id.value)' \(Self.describe($0))" }
      }
      findings.report(
        at: (rule.condition.atLeast ?? rule.condition.atMost)?.location ?? rule.id.location,
        "fit rule '\(rule.id.value)' rewards \(attribute) outside every ICP segment (\(ranges.joined(separator: ", ")))",
        notes: segments.compactMap { segment in
          field.range(segment).map {
            Diagnostic.Note(location: $0.location, message: "'\(segment.id.value)' is here")
          }
        },
        fix: "make the rule's range overlap a segment's \(attribute), or widen a segment")
    }
  }

  static func describe(_ range: NumberRange) -> String {
    switch (range.min?.value, range.max?.value) {
    case (let min?, let max?): "\(formatNumber(min))–\(formatNumber(max))"
    case (let min?, nil): "at least \(formatNumber(min))"
    case (nil, let max?): "at most \(formatNumber(max))"
    case (nil, nil): "any"
    }
  }
}
