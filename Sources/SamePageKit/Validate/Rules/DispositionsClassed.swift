/// Dispositions include at least one that counts as connected and one that does not.
///
/// The SLA report tells a conversation from an attempt by the disposition; if every
/// disposition is "connected" (or none is), it cannot.
///
/// Fails: every disposition has `connected: false`.
public struct DispositionsClassed: GlossaryRule {
  public static let id = "connect.dispositions-classed"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    let dispositions = glossary.connectAttempts.dispositions
    let location = dispositions.first?.location ?? glossary.connectAttempts.header.location
    if !dispositions.contains(where: \.isConnected) {
      findings.report(
        at: location, "no disposition counts as connected",
        fix: "mark the disposition for a real conversation with 'connected: true'")
    }
    if !dispositions.contains(where: { !$0.isConnected }) {
      findings.report(
        at: location, "every disposition counts as connected",
        fix: "add dispositions such as no-answer and left-voicemail with 'connected: false'")
    }
  }
}
