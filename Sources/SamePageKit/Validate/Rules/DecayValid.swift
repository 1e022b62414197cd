/// Engagement decay removes between 1 and 99 percent per period of at least one day.
///
/// 0% is no decay (remove the block); 100% wipes engagement every period, so no lead could
/// accumulate enough to qualify.
///
/// Fails:
///
///     decay: {percent: 100, every_days: 30}
public struct DecayValid: GlossaryRule {
  public static let id = "scoring.decay-valid"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    guard let decay = glossary.scoring.engagement.decay else { return }
    if let percent = decay.percent, !(percent.value > 0 && percent.value < 100) {
      findings.report(
        at: percent.location,
        "engagement decays by \(formatNumber(percent.value))% per period, outside 1–99%",
        fix: "use a percentage between 1 and 99, for example 50")
    }
    if let days = decay.everyDays, days.value < 1 {
      findings.report(
        at: days.location, "engagement decays every \(days.value) days",
        fix: "use at least 1 day, for example 30")
    }
  }
}
