/// At least one lead status has the category `converted`.
///
/// Conversion (the lead became an opportunity) is how the funnel report counts success;
/// without a converted status nothing ever converts.
///
/// Fails: no status in `lead-statuses.yaml` has `category: converted`.
public struct ConvertedStatusExists: GlossaryRule {
  public static let id = "status.converted-exists"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    if !glossary.leadStatuses.statuses.contains(where: { $0.category?.value == .converted }) {
      findings.report(
        at: glossary.leadStatuses.header.location, "no lead status has the category 'converted'",
        fix: "add a status such as 'converted' with 'category: converted'")
    }
  }
}
