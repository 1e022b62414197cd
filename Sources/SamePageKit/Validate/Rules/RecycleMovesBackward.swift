/// A recycle move goes to an earlier stage.
///
/// Movement through the funnel is forward only; recycles are the declared exceptions that go
/// back. A "recycle" that goes forward or stays put is a mistake in the from/to order.
///
/// Fails:
///
///     - {from: lead, to: sql}
public struct RecycleMovesBackward: GlossaryRule {
  public static let id = "lifecycle.recycle-backward"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    for recycle in glossary.lifecycle.recycles {
      guard let from = glossary.stageIndex(recycle.from.value),
        let to = glossary.stageIndex(recycle.to.value),
        to >= from
      else { continue }
      findings.report(
        at: recycle.to.location,
        "recycle from '\(recycle.from.value)' to '\(recycle.to.value)' does not go back in the funnel",
        explanation: "Forward moves need no declaration; a recycle must return a lead to an earlier stage.",
        fix: "swap 'from' and 'to', or remove the move")
    }
  }
}
