/// `connect-attempts.yaml`: what counts as trying to reach a lead, and the sequence sales runs.
public struct ConnectAttempts: Sendable {
  public var header: TermHeader
  public var channels: [Channel]
  public var dispositions: [Disposition]
  /// Only activities logged by the lead's owning rep count as attempts.
  public var ownerOnly: Located<Bool>?
  public var sequence: Sequence?
  public var exhaustedStatus: Located<Slug>?

  public struct Channel: Sendable {
    public var id: Located<Slug>
    public var label: Located<String>?
  }

  public struct Disposition: Sendable {
    public var id: Located<Slug>
    public var label: Located<String>?
    public var connected: Located<Bool>?
    public var location: SourceLocation
    public var isConnected: Bool { connected?.value ?? false }
  }

  public struct Sequence: Sendable {
    public var window: Located<Deadline>?
    public var requiredAttempts: Located<Int>?
    public var steps: [Step]
    public var location: SourceLocation
  }

  public struct Step: Sendable {
    /// The business day of the window the step runs on, 1 being the day of the hand-off.
    public var day: Located<Int>
    public var channel: Located<Slug>
    public var note: Located<String>?
  }
}
