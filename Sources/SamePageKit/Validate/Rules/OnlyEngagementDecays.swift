/// Only the engagement score decays; fit does not.
///
/// Fit describes who the lead is (title, company size), which does not fade with time.
/// Engagement describes what they did, which does. Decaying fit would drop good-fit leads
/// out of the MQL queue for no reason.
///
/// Fails:
///
///     fit:
///       decay: {percent: 50, every_days: 30}
public struct OnlyEngagementDecays: GlossaryRule {
  public static let id = "scoring.only-engagement-decays"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    if let decay = glossary.scoring.fit.decay {
      findings.report(
        at: decay.location, "the fit score decays",
        explanation: "Fit comes from attributes such as title and company size, which do not fade with time.",
        fix: "remove 'decay' from 'fit'; put it under 'engagement'")
    }
  }
}
