import Foundation

extension ScoringRun {
  /// What the run found for one lead.
  public struct LeadResult: Equatable, Sendable {
    public var id: String
    public var exclusion: String
    public var fit: Int
    public var engagement: Double
    public var stage: String
    public var stageReachedAt: Int64
    public var status: String
    /// hand_raise, standard, or empty when no SLA clock runs for the lead.
    public var priority: String
    /// When the SLA clock started running: the first opening at or after the lead reached MQL.
    public var clockStart: Int64?
    public var firstTouchDue: Int64?
    public var firstTouchAt: Int64?
    /// done, breached, pending, or empty.
    public var firstTouch: String
    public var attempts: Int
    public var windowEnd: Int64?
    public var connected: Bool
    public var exhausted: Bool
    /// connected, exhausted, breached (window over, too few attempts), pending, or empty.
    public var attemptsResult: String
  }

  func engagement(at instant: Int64, lead: Int) -> Double {
    let value = decayed(lead, toDay: CivilDate.floorDiv(instant, 86_400_000))?.value ?? accumulator[lead]
    return compiled.clampEngagement(value)
  }

  public var leadCount: Int { ids.count }

  public func result(_ lead: Int) -> LeadResult {
    let asOf = options.asOf
    let config = compiled.config
    let hasClock = clockStart[lead] != .min
    let required = config.connectAttempts.requiredAttempts
    let windowOver = hasClock && windowEnd[lead] < asOf
    let exhausted = windowOver && !connected[lead] && Int(attempts[lead]) >= required
    var status = ""
    if Int(stage[lead]) >= compiled.mqlStage {
      if exhausted {
        status = config.connectAttempts.exhaustedStatus
      } else if firstTouch[lead] != .max, let accepted = config.sla.acceptedStatus {
        status = accepted
      } else {
        status = config.statuses.first(where: \.isDefault)?.id ?? ""
      }
    }
    var touch = ""
    let due = hasClock ? firstTouchDue(lead) : .max
    if hasClock {
      if firstTouch[lead] != .max {
        touch = firstTouch[lead] <= due ? "done" : "breached"
      } else {
        touch = asOf > due ? "breached" : "pending"
      }
    }
    var attemptsResult = ""
    if hasClock {
      attemptsResult =
        connected[lead]
        ? "connected" : !windowOver ? "pending" : Int(attempts[lead]) >= required ? "exhausted" : "breached"
    }
    return LeadResult(
      id: ids[lead], exclusion: exclusion[lead], fit: Int(fit[lead]),
      engagement: engagement(at: asOf, lead: lead),
      stage: compiled.stageIDs[Int(stage[lead])], stageReachedAt: stageAt[lead], status: status,
      priority: hasClock ? (isHandRaise(lead) ? "hand_raise" : "standard") : "",
      clockStart: hasClock ? clock.nextOpening(atOrAfter: clockStart[lead]) : nil,
      firstTouchDue: hasClock ? due : nil,
      firstTouchAt: firstTouch[lead] == .max ? nil : firstTouch[lead], firstTouch: touch,
      attempts: Int(attempts[lead]),
      windowEnd: hasClock ? windowEnd[lead] : nil, connected: connected[lead], exhausted: exhausted,
      attemptsResult: attemptsResult)
  }

  /// The per-lead CSV: one row per lead, times in UTC.
  public func leadsCSV() -> Data {
    var out = "id,excluded,fit,engagement,stage,stage_reached_at,status,priority,clock_start,first_touch_due,"
    out +=
      "first_touch_at,first_touch,attempts,attempts_required,window_end,connected,exhausted,attempts_result\n"
    var data = Data()
    data.reserveCapacity(ids.count * 160)
    data.append(contentsOf: out.utf8)
    let required = String(compiled.config.connectAttempts.requiredAttempts)
    func time(_ instant: Int64?) -> String {
      instant.map { $0 == .max ? "never" : Timestamp.format($0) } ?? ""
    }
    for lead in 0..<ids.count {
      let result = result(lead)
      var row = csvField(result.id)
      row += "," + result.exclusion
      row += "," + String(result.fit)
      row += "," + Self.formatScore(result.engagement)
      row +=
        "," + result.stage + "," + Timestamp.format(result.stageReachedAt) + "," + result.status + ","
        + result.priority
      row +=
        "," + time(result.clockStart) + "," + time(result.firstTouchDue) + "," + time(result.firstTouchAt)
      row +=
        "," + result.firstTouch + "," + String(result.attempts) + ","
        + (result.clockStart == nil ? "" : required)
      row +=
        "," + time(result.windowEnd) + "," + (result.connected ? "true" : "false") + ","
        + (result.exhausted ? "true" : "false") + "," + result.attemptsResult
      row += "\n"
      data.append(contentsOf: row.utf8)
    }
    return data
  }

  /// Engagement with up to 6 decimals, no trailing zeros: the same text from Swift and SQL.
  public static func formatScore(_ value: Double) -> String {
    let rounded = (value * 1_000_000).rounded() / 1_000_000
    // Int64(_:) traps past its range; such values (never from a valid config) print as %.0f.
    guard rounded.isFinite, abs(rounded) < 9e18 else { return String(format: "%.0f", rounded) }
    if rounded == rounded.rounded() { return String(Int64(rounded)) }
    var text = String(format: "%.6f", rounded)
    while text.hasSuffix("0") { text.removeLast() }
    return text
  }

  private func csvField(_ text: String) -> String {
    // Without any of the three bytes no character can be one of them (the usual case, and fast).
    guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A }),
      text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
    else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  // MARK: - Summary

  public struct Summary: Codable, Equatable, Sendable {
    public struct Period: Codable, Equatable, Sendable {
      public var period: String
      public var mqls: Int
      public var commitment: Double?
      public var met: Bool?
    }
    public struct Rep: Codable, Equatable, Sendable {
      public var rep: String
      /// Every lead the rep owns, at any stage.
      public var leads = 0
      /// Those of them with an SLA clock, which the figures below are about.
      public var slaLeads = 0
      public var firstTouchInTime = 0
      public var firstTouchBreached = 0
      public var firstTouchPending = 0
      /// Leads whose attempts are judged: connected, or the connect window has ended.
      public var windowsEnded = 0
      public var attemptsCompliant = 0
    }
    public var asOf: String
    public var glossaryVersion: String
    public var leads: FileCounts
    public var events: FileCounts
    public var activities: FileCounts
    public var issues: [RowIssue]
    public var excluded: [String: Int]
    public var stages: [String: Int]
    public var mqlsPerPeriod: [Period]
    public var acceptanceRate: Double?
    public var acceptanceTarget: Double?
    public var acceptanceDue: Int
    public var medianFirstTouchBusinessMinutes: Double?
    public var firstTouch: [String: Int]
    /// Leads with an SLA clock by attempts result: connected, exhausted, breached, pending.
    public var attempts: [String: Int]
    public var reps: [Rep]
  }

  public func summary() -> Summary {
    let config = compiled.config
    var excluded: [String: Int] = [:]
    var stages: [String: Int] = [:]
    var periods: [String: Int] = [:]
    var touches: [String: Int] = [:]
    var attemptResults: [String: Int] = [:]
    var reps: [String: Summary.Rep] = [:]
    var minutes: [Double] = []
    var acceptedInTime = 0
    var acceptanceDue = 0
    let per = config.sla.mqlVolume?.per ?? "month"
    for lead in 0..<ids.count {
      let result = result(lead)
      if !result.exclusion.isEmpty { excluded[result.exclusion, default: 0] += 1 }
      stages[result.stage, default: 0] += 1
      let owner = owners[lead].isEmpty ? "(unassigned)" : owners[lead]
      var rep = reps[owner] ?? Summary.Rep(rep: owner)
      rep.leads += 1
      defer { reps[owner] = rep }
      // MQL volume: every lead marketing qualified, whether or not its type has an SLA.
      if mqlAt[lead] != .min, result.exclusion.isEmpty, leadTypes[lead]?.scored ?? true {
        periods[periodKey(mqlAt[lead], per: per), default: 0] += 1
      }
      guard result.clockStart != nil else { continue }
      let start = clockStart[lead]
      rep.slaLeads += 1
      touches[result.firstTouch, default: 0] += 1
      attemptResults[result.attemptsResult, default: 0] += 1
      if acceptDue[lead] <= options.asOf {
        acceptanceDue += 1
        if let touched = result.firstTouchAt, touched <= acceptDue[lead] { acceptedInTime += 1 }
      }
      if let touched = result.firstTouchAt {
        minutes.append(Double(clock.businessMilliseconds(from: start, to: touched)) / 60_000)
      }
      switch result.firstTouch {
      case "done": rep.firstTouchInTime += 1
      case "breached": rep.firstTouchBreached += 1
      default: rep.firstTouchPending += 1
      }
      if result.attemptsResult != "pending" {
        rep.windowsEnded += 1
        if result.attemptsResult != "breached" { rep.attemptsCompliant += 1 }
      }
    }
    minutes.sort()
    let target = config.sla.mqlVolume?.quantity
    return Summary(
      asOf: Timestamp.format(options.asOf), glossaryVersion: config.glossaryVersion, leads: leadCounts,
      events: eventCounts, activities: activityCounts, issues: issues, excluded: excluded, stages: stages,
      mqlsPerPeriod: periods.sorted { $0.key < $1.key }.map { key, count in
        Summary.Period(period: key, mqls: count, commitment: target, met: target.map { Double(count) >= $0 })
      },
      acceptanceRate: acceptanceDue == 0 ? nil : Double(acceptedInTime) / Double(acceptanceDue) * 100,
      acceptanceTarget: config.sla.acceptanceRate, acceptanceDue: acceptanceDue,
      medianFirstTouchBusinessMinutes: minutes.isEmpty
        ? nil
        : minutes.count % 2 == 1
          ? minutes[minutes.count / 2] : (minutes[minutes.count / 2 - 1] + minutes[minutes.count / 2]) / 2,
      firstTouch: touches, attempts: attemptResults, reps: reps.values.sorted { $0.rep < $1.rep })
  }

  /// The commitment period an instant falls in, in the calendar's time zone.
  func periodKey(_ instant: Int64, per: String) -> String {
    Self.periodKey(localDay: clock.localDay(instant), per: per)
  }

  /// The commitment period of a local day number: `2026-10`, `2026-W41` or `2026-Q4`.
  public static func periodKey(localDay day: Int, per: String) -> String {
    let date = CivilDate.civil(day)
    func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    switch per {
    case "week":
      // ISO week: the week's Thursday decides the year.
      let thursday = day - (CivilDate.isoWeekday(day) - 1) + 3
      let year = CivilDate.civil(thursday).year
      let week = (thursday - CivilDate.dayNumber(year: year, month: 1, day: 1)) / 7 + 1
      return "\(year)-W\(pad(week))"
    case "quarter": return "\(date.year)-Q\((date.month - 1) / 3 + 1)"
    default: return "\(date.year)-\(pad(date.month))"
    }
  }

  /// A few lines for a person: MQLs against the commitment, acceptance, first touch.
  public func humanSummary(_ summary: Summary) -> String {
    var lines = [
      "scored \(summary.leads.used) leads, \(summary.events.used) events, \(summary.activities.used) activities as of \(summary.asOf)"
    ]
    let skipped = summary.leads.malformed + summary.events.malformed + summary.activities.malformed
    let invalid = summary.leads.invalidValues
    if skipped + invalid > 0 {
      lines.append(
        "skipped \(skipped) unreadable rows\(invalid > 0 ? ", kept \(invalid) leads whose number was not one (scored without it)" : "") (first: line \(summary.issues.first.map { "\($0.line) of \($0.file): \($0.reason)" } ?? "?"))"
      )
    }
    func tally(_ counts: [String: Int]) -> String {
      counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(8).map { "\($0.value) \($0.key)" }
        .joined(separator: ", ") + (counts.count > 8 ? ", …" : "")
    }
    if summary.events.ignored > 0 {
      lines.append("ignored events: \(tally(summary.events.ignoredBy))")
    }
    if summary.activities.ignored > 0 {
      lines.append("ignored activities: \(tally(summary.activities.ignoredBy))")
    }
    if !summary.activities.undeclaredDispositions.isEmpty {
      lines.append(
        "activities with undeclared dispositions (counted as attempts, not connected): \(tally(summary.activities.undeclaredDispositions.mapKeys { "'\($0)'" }))"
      )
    }
    let anomalies = summary.events.beforeCreation + summary.events.afterAsOf + summary.events.outOfOrder
    if anomalies > 0 {
      lines.append(
        "event anomalies: \(summary.events.beforeCreation) before the lead was created, \(summary.events.afterAsOf) after as-of, \(summary.events.outOfOrder) out of time order"
      )
    }
    if !summary.excluded.isEmpty {
      lines.append(
        "excluded: "
          + summary.excluded.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(
            separator: ", "))
    }
    for period in summary.mqlsPerPeriod.suffix(3) {
      let verdict = period.met.map { $0 ? "met" : "missed" } ?? ""
      lines.append(
        "MQLs \(period.period): \(period.mqls)"
          + (period.commitment.map { " of \(Self.formatScore($0)) committed, \(verdict)" } ?? ""))
    }
    if let rate = summary.acceptanceRate {
      lines.append(
        String(format: "accepted in time: %.1f%% of %d", rate, summary.acceptanceDue)
          + (summary.acceptanceTarget.map { " (target \(Self.formatScore($0))%)" } ?? ""))
    }
    if let median = summary.medianFirstTouchBusinessMinutes {
      lines.append(String(format: "median time to first touch: %.0f business minutes", median))
    }
    let touch = summary.firstTouch
    lines.append(
      "first touch: \(touch["done", default: 0]) in time, \(touch["breached", default: 0]) breached, \(touch["pending", default: 0]) pending"
    )
    let attempts = summary.attempts
    let judged = summary.reps.reduce(0) { $0 + $1.windowsEnded }
    let compliant = summary.reps.reduce(0) { $0 + $1.attemptsCompliant }
    lines.append(
      "connect attempts: \(compliant) of \(judged) compliant (\(attempts["connected", default: 0]) connected, \(attempts["exhausted", default: 0]) sequence completed without a connection, \(attempts["breached", default: 0]) too few attempts), \(attempts["pending", default: 0]) windows still open"
    )
    return lines.joined(separator: "\n") + "\n"
  }
}

extension Dictionary where Key == String {
  fileprivate func mapKeys(_ transform: (String) -> String) -> [String: Value] {
    Dictionary(map { (transform($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
  }
}
