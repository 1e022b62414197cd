/// A fit rule has a condition that suits its attribute (`at_least` and `at_most` on numbers,
/// `any_of` and `contains_any` on text), and `at_least` is not above `at_most`.
///
/// A numeric comparison on a job title, or a rule with no condition at all, scores every lead
/// or none.
///
/// Fails:
///
///     - {id: senior, attribute: title, at_least: 5, points: 10}
public struct ConditionMatchesType: GlossaryRule {
  public static let id = "scoring.condition-type"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    for rule in glossary.scoring.fit.rules {
      let condition = rule.condition
      guard let attribute = rule.attribute else { continue }
      if condition.isEmpty {
        findings.report(
          at: rule.id.location, "fit rule '\(rule.id.value)' has no condition",
          fix: "add any_of, contains_any, at_least or at_most")
        continue
      }
      let type = glossary.scoring.attributes.first { $0.id.value == attribute.value }?.type?.value
      if type == .number, condition.isTextual {
        findings.report(
          at: (condition.anyOf.first ?? condition.containsAny.first)?.location ?? rule.id.location,
          "fit rule '\(rule.id.value)' compares number attribute '\(attribute.value)' as text",
          fix: "use at_least and at_most for numbers")
      }
      if type == .text, condition.isNumeric {
        findings.report(
          at: (condition.atLeast ?? condition.atMost)?.location ?? rule.id.location,
          "fit rule '\(rule.id.value)' compares text attribute '\(attribute.value)' as a number",
          fix: "use any_of or contains_any for text")
      }
      if let low = condition.atLeast, let high = condition.atMost, low.value > high.value {
        findings.report(
          at: low.location,
          "fit rule '\(rule.id.value)' has at_least \(formatNumber(low.value)) above at_most \(formatNumber(high.value))",
          fix: "swap the two values")
      }
    }
  }
}
