/// What a change to the agreement does to the numbers: the same leads, events and activities
/// scored under the base config and under the head config, side by side.
public struct Impact: Codable, Equatable, Sendable {
  public struct Side: Codable, Equatable, Sendable {
    public var glossaryVersion: String
    public var mqlsPerPeriod: [ScoringRun.Summary.Period]
    public var stages: [String: Int]
    public var acceptanceRate: Double?
    public var medianFirstTouchBusinessMinutes: Double?
    public var firstTouch: [String: Int]
  }

  /// Leads whose stage differs between the two runs, by transition.
  public struct Transition: Codable, Equatable, Sendable {
    public var from: String
    public var to: String
    public var count: Int
    public var leads: [String]
  }

  public struct PeriodChange: Codable, Equatable, Sendable {
    public var period: String
    public var before: Int
    public var after: Int
    /// The head's commitment for the period (the base's when the head has none).
    public var commitment: Double?
    /// The base's, when it differs: a change may move the commitment itself.
    public var commitmentBefore: Double?
    public var metBefore: Bool?
    public var metAfter: Bool?
  }

  public var base: Side
  public var head: Side
  public var transitions: [Transition]
  public var periods: [PeriodChange]

  public init(base: ScoringRun, head: ScoringRun) {
    func side(_ run: ScoringRun) -> Side {
      let summary = run.summary()
      return Side(
        glossaryVersion: summary.glossaryVersion, mqlsPerPeriod: summary.mqlsPerPeriod,
        stages: summary.stages,
        acceptanceRate: summary.acceptanceRate,
        medianFirstTouchBusinessMinutes: summary.medianFirstTouchBusinessMinutes,
        firstTouch: summary.firstTouch)
    }
    self.base = side(base)
    self.head = side(head)
    var before: [String: String] = [:]
    for lead in 0..<base.leadCount {
      let result = base.result(lead)
      before[result.id] = result.stage
    }
    var moves: [String: [String]] = [:]
    for lead in 0..<head.leadCount {
      let result = head.result(lead)
      guard let old = before[result.id], old != result.stage else { continue }
      moves["\(old)\u{0}\(result.stage)", default: []].append(result.id)
    }
    transitions = moves.map { key, leads in
      let parts = key.split(separator: "\u{0}", omittingEmptySubsequences: false).map(String.init)
      return Transition(from: parts[0], to: parts[1], count: leads.count, leads: leads.sorted())
    }.sorted { ($0.count, $1.from, $1.to) > ($1.count, $0.from, $0.to) }
    let oldPeriods = Dictionary(self.base.mqlsPerPeriod.map { ($0.period, $0) }) { first, _ in first }
    let newPeriods = Dictionary(self.head.mqlsPerPeriod.map { ($0.period, $0) }) { first, _ in first }
    periods = Set(oldPeriods.keys).union(newPeriods.keys).sorted().map { period in
      PeriodChange(
        period: period, before: oldPeriods[period]?.mqls ?? 0, after: newPeriods[period]?.mqls ?? 0,
        commitment: newPeriods[period]?.commitment ?? oldPeriods[period]?.commitment,
        commitmentBefore: oldPeriods[period]?.commitment == newPeriods[period]?.commitment
          ? nil : oldPeriods[period]?.commitment,
        metBefore: oldPeriods[period]?.met, metAfter: newPeriods[period]?.met)
    }
  }
}
