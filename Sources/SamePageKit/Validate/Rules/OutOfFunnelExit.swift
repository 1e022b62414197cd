/// Every out-of-funnel stage either has a declared way back or is terminal.
///
/// A contact parked in "Other" must either stay there on purpose (`terminal: true`) or have a
/// recycle move that says how it returns; otherwise it is stuck by accident.
///
/// Fails:
///
///     - {id: other, order: 90, out_of_funnel: true}
public struct OutOfFunnelExit: GlossaryRule {
  public static let id = "lifecycle.out-of-funnel-exit"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    for stage in glossary.lifecycle.stages where stage.isOutOfFunnel && !stage.isTerminal {
      if !glossary.lifecycle.recycles.contains(where: { $0.from.value == stage.id.value }) {
        findings.report(
          at: stage.outOfFunnel?.location ?? stage.id.location,
          "out-of-funnel stage '\(stage.id.value)' has no way back and is not terminal",
          fix: "add a recycle from '\(stage.id.value)', or mark it 'terminal: true'")
      }
    }
  }
}
