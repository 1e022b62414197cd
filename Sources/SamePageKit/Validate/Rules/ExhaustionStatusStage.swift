/// The status a lead gets when the connect-attempt sequence runs out belongs to the stage where
/// the sequence runs: the sales-accepted stage when there is one, otherwise the stage of the
/// hand-off's accepted status.
///
/// Sales runs the sequence on leads it accepted. An exhausted status in another stage moves a
/// lead sideways when the sequence ends, and recycles it from a stage it never reached.
///
/// Fails (the sequence runs in `sal`):
///
///     - {id: no-response, stage: sql, category: recycle, recycle_to: mql}
public struct ExhaustionStatusStage: GlossaryRule {
  public static let id = "connect.exhaustion-stage"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    guard let exhausted = glossary.connectAttempts.exhaustedStatus,
      let status = glossary.status(exhausted.value), let stage = status.stage
    else { return }
    let running: (id: Slug, note: Diagnostic.Note)
    if let sal = glossary.stage(role: .sal) {
      running = (
        sal.id.value, Diagnostic.Note(location: sal.id.location, message: "the sales-accepted stage is here")
      )
    } else if let accepted = glossary.sla.handoff?.acceptedStatus.flatMap({ glossary.status($0.value) }),
      let acceptedStage = accepted.stage
    {
      running = (
        acceptedStage.value,
        Diagnostic.Note(
          location: acceptedStage.location,
          message: "the accepted status '\(accepted.id.value)' sits in '\(acceptedStage.value)'")
      )
    } else {
      return
    }
    guard running.id != stage.value else { return }
    findings.report(
      at: stage.location,
      "the exhausted status '\(status.id.value)' sits in '\(stage.value)', but the sequence runs in '\(running.id)'",
      notes: [running.note], fix: "set 'stage: \(running.id)'")
  }
}
