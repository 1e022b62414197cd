/// Lifecycle stages are listed in strictly increasing `order`.
///
/// The order is the stage's weight: a lead only moves to a stage of higher order, so two
/// stages with the same order, or a list that is out of order, make "forward" undefined.
///
/// Fails:
///
///     - {id: mql, order: 30}
///     - {id: sql, order: 30}
public struct LifecycleOrderStrict: GlossaryRule {
  public static let id = "lifecycle.order-strict"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    var previous: LifecycleStages.Stage?
    for stage in glossary.lifecycle.stages {
      guard let order = stage.order else { continue }
      if let previous, let before = previous.order, order.value <= before.value {
        findings.report(
          at: order.location,
          "stage '\(stage.id.value)' has order \(order.value), not above '\(previous.id.value)' (\(before.value))",
          notes: [
            Diagnostic.Note(
              location: before.location, message: "'\(previous.id.value)' has order \(before.value)")
          ],
          fix: "list stages from first to last with increasing orders, for example in steps of 10")
      }
      previous = stage
    }
  }
}
