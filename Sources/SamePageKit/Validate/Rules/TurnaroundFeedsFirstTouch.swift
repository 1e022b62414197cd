/// A hand-off turnaround that feeds a first-touch deadline (`feeds:`) names a first-touch
/// commitment and takes no longer than it.
///
/// Assigning a new MQL to a rep comes before the rep's first touch, on the same clock. A
/// 15-minute assignment cannot feed a 5-minute first touch: the deadline is missed before the
/// rep even owns the lead.
///
/// Fails:
///
///     - {task: Assign each new MQL to the territory rep, owner: marketing, within: 6 business hours,
///        feeds: first-touch-standard}
public struct TurnaroundFeedsFirstTouch: GlossaryRule {
  public static let id = "sla.turnaround-feeds-first-touch"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    let firstTouch = glossary.sla.commitments.filter { $0.kind.value == .firstTouch }
    let day = glossary.workingDayMinutes
    for task in glossary.sla.handoff?.turnaround ?? [] {
      guard let feeds = task.feeds else { continue }
      guard let commitment = firstTouch.first(where: { $0.id.value == feeds.value }) else {
        findings.unknownReference(
          feeds,
          "turnaround task '\(task.task.value)' feeds '\(feeds.value)', which is not a first-touch commitment",
          candidates: firstTouch.map(\.id), fix: "use the id of a first_touch commitment")
        continue
      }
      guard let deadline = commitment.deadline,
        task.within.value.minutes(workingDayMinutes: day) > deadline.minutes(workingDayMinutes: day)
      else { continue }
      findings.report(
        at: task.within.location,
        "turnaround task '\(task.task.value)' takes up to \(task.within.value), longer than the first touch '\(commitment.id.value)' (\(deadline)) it feeds",
        notes: [
          Diagnostic.Note(
            location: commitment.quantity?.location ?? commitment.id.location,
            message: "the first touch is \(deadline)")
        ],
        fix: "make the turnaround shorter than \(deadline), or feed a longer first-touch deadline")
    }
  }
}
