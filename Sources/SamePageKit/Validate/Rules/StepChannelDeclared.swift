/// Every step of the connect-attempt sequence uses a declared channel.
///
/// Fails:
///
///     steps:
///       - {day: 1, channel: phone}
public struct StepChannelDeclared: GlossaryRule {
  public static let id = "connect.step-channel"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    let channelRenames = RenameIndex(glossary, .channel)
    let channels = glossary.channelIDs
    for step in glossary.connectAttempts.sequence?.steps ?? []
    where !channels.contains(where: { $0.value == step.channel.value }) {
      findings.unknownReference(
        step.channel, "step on day \(step.day.value) uses undeclared channel '\(step.channel.value)'",
        candidates: channels, renames: channelRenames,
        fix: "declare it under 'channels:' or use a declared one")
    }
  }
}
