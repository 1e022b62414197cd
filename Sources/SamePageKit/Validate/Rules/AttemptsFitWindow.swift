/// The connect-attempt sequence fits its window and has enough steps: every step's day is
/// within the window, days never go backwards, and the required attempts are no more than
/// the steps.
///
/// A sequence that asks for eight attempts but lists six steps, or runs to day 14 of a
/// ten-day window, cannot be followed, and the SLA report would flag every rep.
///
/// Fails:
///
///     window: 10 business days
///     required_attempts: 9
///     steps: [{day: 1, channel: call}, {day: 12, channel: email}]
public struct AttemptsFitWindow: GlossaryRule {
  public static let id = "sla.attempts-fit-window"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    guard let sequence = glossary.connectAttempts.sequence else { return }
    if let required = sequence.requiredAttempts {
      if required.value < 1 {
        findings.report(
          at: required.location, "required attempts is \(required.value)", fix: "require at least 1 attempt")
      } else if required.value > sequence.steps.count {
        findings.report(
          at: required.location,
          "\(required.value) attempts are required but the sequence has only \(sequence.steps.count) steps",
          fix: "add steps or lower 'required_attempts'")
      }
    }
    if let window = sequence.window {
      let windowDays = days(window.value, workingDayMinutes: glossary.workingDayMinutes)
      for step in sequence.steps where step.day.value < 1 || Double(step.day.value) > windowDays {
        findings.report(
          at: step.day.location, "step on day \(step.day.value) falls outside the \(window.value) window",
          notes: [Diagnostic.Note(location: window.location, message: "the window is \(window.value)")],
          fix: "move the step to a day from 1 to \(Int(windowDays)), or widen the window")
      }
    }
    for (previous, step) in zip(sequence.steps, sequence.steps.dropFirst())
    where step.day.value < previous.day.value {
      findings.report(
        at: step.day.location,
        "step on day \(step.day.value) comes after a step on day \(previous.day.value)",
        fix: "list the steps in day order")
    }
  }

  /// The window in (business) days: steps are numbered by day.
  private func days(_ window: Deadline, workingDayMinutes: Double) -> Double {
    switch window.unit {
    case .days, .businessDays: window.amount
    case .hours, .businessHours: (window.amount * 60 / workingDayMinutes).rounded(.up)
    case .minutes: (window.amount / workingDayMinutes).rounded(.up)
    }
  }
}
