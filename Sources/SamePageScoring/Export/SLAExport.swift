import Foundation

extension SQLExport {
  /// What the SLA statements read besides the scoring config: the activities file as the engine
  /// sees its path, and the calendar tables generated for the data's range.
  public struct SLAInputs: Sendable {
    public var activities: String
    public var calendar: BusinessCalendarTable

    public init(activities: String, calendar: BusinessCalendarTable) {
      self.activities = activities
      self.calendar = calendar
    }
  }

  /// `9223372036854775807`: the core's `never` (Int64.max), for a deadline the calendar never
  /// reaches; comparisons with it then behave as the core's do.
  static let never = String(Int64.max)

  /// Business milliseconds of a duration, or nil for wall-clock units: the core's rounding,
  /// done here so both sides use the same constant.
  static func milliseconds(_ duration: ScoringConfig.Duration, workingDay: Int64) -> (
    ms: Int64, business: Bool
  ) {
    switch duration.unit {
    case "business_hours": return (Int64((duration.amount * 3_600_000).rounded()), true)
    case "business_days": return (Int64((duration.amount * Double(workingDay)).rounded()), true)
    case "hours": return (Int64((duration.amount * 3_600_000).rounded()), false)
    case "days": return (Int64((duration.amount * 86_400_000).rounded()), false)
    default: return (Int64((duration.amount * 60_000).rounded()), false)
    }
  }

  /// The columns the per-lead SELECT adds from `lead_sla`, in `leads.csv`'s order.
  static let slaColumns = [
    "status", "priority", "clock_start", "first_touch_due", "first_touch_at", "first_touch", "attempts",
    "attempts_required", "window_end", "connected", "exhausted", "attempts_result",
  ]

  /// The statements that compute `lead_sla` (one row per lead) and `sla_summary` (one row per
  /// figure), from the per-lead scoring rows kept as `samepage_scores` (owner, lead type, the
  /// moments the lead reached MQL and first raised a hand) and the
  /// activities file (docs/SCORING.md, "SLA" and "The SLA in SQL").
  func slaStatements(_ inputs: SLAInputs, asOf: Int64) throws -> String {
    let compiled = try CompiledConfig(config)
    let table = inputs.calendar
    let clock: BusinessClock
    do { clock = try BusinessClock(config.calendar) } catch {
      throw CompiledConfig.Failure.invalid("\(error)")
    }
    let mql = compiled.mqlStage
    let never = Self.never
    let sla = config.sla
    let attempts = config.connectAttempts
    let standard = sla.firstTouch.first { $0.priority == "standard" }?.within
    let fast = sla.firstTouch.first { $0.priority == "hand_raise" }?.within ?? standard
    let table2 = dialect.temporaryTable

    let intervalRows = table.intervals.map { "(\($0.open), \($0.close))" }
    let periodRows = table.periods.map { "(\($0.starts), \($0.ends), \(quote($0.key)))" }
    let typeRows = config.leadTypes.map {
      "(\(quote(FieldValue.key($0.id))), \($0.slaApplies ? "TRUE" : "FALSE"))"
    }
    // Deadlines: which opening they run from, and their length.
    var deadlines: [(name: String, from: String, duration: ScoringConfig.Duration)] = []
    if let standard { deadlines.append(("standard", "clock", standard)) }
    if let fast { deadlines.append(("hand_raise", "raise", fast)) }
    if let accept = sla.acceptReject { deadlines.append(("accept", "clock", accept)) }
    deadlines.append(("window", "clock", attempts.window))
    let dueRows = deadlines.map { deadline -> String in
      let (ms, business) = Self.milliseconds(deadline.duration, workingDay: clock.workingDayMilliseconds)
      // Business time: the instant where the cumulative business time reaches the opening's
      // plus the deadline (an interval's end when it uses the interval up); a deadline of 0 is
      // the opening itself. Wall-clock units add to the opening.
      let due =
        business && ms > 0
        ? """
        SELECT o.id, '\(deadline.name)' AS deadline, coalesce(c.open_ms + o.business_at + \(ms) - c.before_ms, \(never)) AS due
          FROM lead_openings o LEFT JOIN business_time c ON c.before_ms < o.business_at + \(ms) AND c.after_ms >= o.business_at + \(ms)
          WHERE o.kind = '\(deadline.from)' AND o.opening IS NOT NULL
        """
        : """
        SELECT o.id, '\(deadline.name)' AS deadline, o.opening + \(ms) AS due
          FROM lead_openings o WHERE o.kind = '\(deadline.from)' AND o.opening IS NOT NULL
        """
      return due
    }
    let pivot = { (name: String) in "coalesce(max(CASE WHEN deadline = '\(name)' THEN due END), \(never))" }
    let ownerOnly = attempts.ownerOnly ? "AND c.owner <> '' AND a.rep = c.owner" : ""
    let defaultStatus = quote(config.statuses.first(where: \.isDefault)?.id ?? "")
    let accepted = sla.acceptedStatus.map { "WHEN s.first_touch_at IS NOT NULL THEN \(quote($0))" } ?? ""
    let required = attempts.requiredAttempts
    let rangeError = dialect.fail(
      quote(
        "a lead reached MQL outside the calendar table's range (\(Timestamp.format(table.coveredFrom)) to \(Timestamp.format(table.startsUntil))): export the SQL again with an earlier --calendar-from, or from the leads file itself"
      ))
    var summaryParts = [
      "SELECT 'mqls' AS figure, period AS subject, CAST(count(*) AS DOUBLE) AS value FROM mql_periods GROUP BY period"
    ]
    if let volume = sla.mqlVolume {
      summaryParts += [
        "SELECT 'mql_commitment', period, \(Self.number(volume.quantity)) FROM mql_periods GROUP BY period",
        "SELECT 'mql_commitment_met', period, CASE WHEN count(*) >= \(Self.number(volume.quantity)) THEN 1.0 ELSE 0.0 END FROM mql_periods GROUP BY period",
      ]
    }
    summaryParts += [
      "SELECT 'acceptance_due', '', CAST(count(*) AS DOUBLE) FROM sla_leads WHERE accept_due <= \(asOf)",
      """
      SELECT 'acceptance_rate', '', CASE WHEN count(*) = 0 THEN NULL
          ELSE CAST(sum(CASE WHEN first_touch_at <= accept_due THEN 1 ELSE 0 END) AS DOUBLE) / count(*) * 100 END
      FROM sla_leads WHERE accept_due <= \(asOf)
      """,
    ]
    if let target = sla.acceptanceRate {
      summaryParts.append("SELECT 'acceptance_target', '', \(Self.number(target))")
    }
    summaryParts += [
      "SELECT 'median_first_touch_business_minutes', '', \(dialect.median("touch_minutes")) FROM sla_leads",
      "SELECT 'first_touch', first_touch, CAST(count(*) AS DOUBLE) FROM sla_leads GROUP BY first_touch",
      "SELECT 'attempts', attempts_result, CAST(count(*) AS DOUBLE) FROM sla_leads GROUP BY attempts_result",
    ]
    for (figure, expression) in [
      ("rep_leads", "1"), ("rep_sla_leads", "CASE WHEN s.has_clock THEN 1 ELSE 0 END"),
      ("rep_first_touch_in_time", "CASE WHEN s.first_touch = 'done' THEN 1 ELSE 0 END"),
      ("rep_first_touch_breached", "CASE WHEN s.first_touch = 'breached' THEN 1 ELSE 0 END"),
      ("rep_first_touch_pending", "CASE WHEN s.first_touch = 'pending' THEN 1 ELSE 0 END"),
      ("rep_windows_ended", "CASE WHEN s.attempts_result <> 'pending' THEN 1 ELSE 0 END"),
      (
        "rep_attempts_compliant",
        "CASE WHEN s.attempts_result IN ('connected', 'exhausted') THEN 1 ELSE 0 END"
      ),
    ] {
      summaryParts.append(
        "SELECT '\(figure)', s.rep, CAST(sum(\(expression)) AS DOUBLE) FROM lead_sla s GROUP BY s.rep")
    }

    return """
      -- The SLA (docs/SCORING.md, "SLA"): business time through the calendar's working intervals
      -- in UTC, generated by samepage with the core's BusinessClock (holidays and DST applied) for
      -- local days \(BusinessCalendarTable.date(table.firstDay)) to \(BusinessCalendarTable.date(table.lastDay)) of \(config.calendar.timeZone).
      \(table2("business_calendar", "SELECT CAST(open_ms AS BIGINT) AS open_ms, CAST(close_ms AS BIGINT) AS close_ms FROM (VALUES\n  \(intervalRows.isEmpty ? "(0, 0)" : intervalRows.joined(separator: ",\n  "))) AS t(open_ms, close_ms) WHERE close_ms > open_ms"))
      -- Business time before each interval (a running sum) and at its end.
      \(table2("business_time", """
      SELECT open_ms, close_ms,
             sum(close_ms - open_ms) OVER (ORDER BY open_ms ROWS UNBOUNDED PRECEDING) - (close_ms - open_ms) AS before_ms,
             sum(close_ms - open_ms) OVER (ORDER BY open_ms ROWS UNBOUNDED PRECEDING) AS after_ms
      FROM business_calendar
      """))
      -- The MQL volume commitment's periods, each from its first local midnight.
      \(table2("calendar_periods", "SELECT CAST(starts_ms AS BIGINT) AS starts_ms, CAST(ends_ms AS BIGINT) AS ends_ms, period FROM (VALUES\n  \(periodRows.joined(separator: ",\n  "))) AS t(starts_ms, ends_ms, period)"))
      \(table2("sla_lead_types", "SELECT id, sla_applies FROM (VALUES \(typeRows.joined(separator: ", "))) AS t(id, sla_applies)"))

      -- When each lead first stood at MQL or later (its start stage, a threshold or a hand-raise),
      -- the raw start of its SLA clock (not excluded, a lead type with an SLA), and its first
      -- hand-raise.
      \(table2("lead_clocks", """
      WITH reached AS (
        SELECT l.id, l.owner, l.excluded, l.scored, t.sla_applies, l.raised_at, l.mql_reached_at AS reached_at
        FROM samepage_scores l JOIN sla_lead_types t ON t.id = l.lead_type),
      guarded AS (
        SELECT *, CASE WHEN reached_at < \(table.coveredFrom) OR reached_at > \(table.startsUntil)
                       THEN CAST(\(rangeError) AS BIGINT) ELSE reached_at END AS mql_at
        FROM reached)
      SELECT id, owner, excluded, scored, raised_at, mql_at, mql_at IS NOT NULL AS at_mql,
             CASE WHEN excluded = '' AND sla_applies THEN mql_at END AS clock_from
      FROM guarded
      """))

      -- Counted activities: a declared channel, from the moment the lead reached MQL to as-of\(attempts.ownerOnly ? ", by the lead's owner" : "").
      \(table2("sla_activities", """
      WITH typed AS (
        SELECT lead_id, coalesce(rep, '') AS rep, lower(\(dialect.trimmed("coalesce(disposition, '')"))) AS disposition,
               \(dialect.epochMilliseconds("timestamp")) AS t
        FROM \(dialect.readCSV(inputs.activities))
        WHERE lower(\(dialect.trimmed("channel"))) IN \(quotedList(attempts.channels.map(FieldValue.key))))
      SELECT a.lead_id, a.t, a.disposition IN \(quotedList(attempts.dispositions.filter(\.connected).map { FieldValue.key($0.id) })) AS connects
      FROM typed a JOIN lead_clocks c ON c.id = a.lead_id
      WHERE c.clock_from IS NOT NULL AND a.t IS NOT NULL AND a.t >= c.clock_from AND a.t <= \(asOf) \(ownerOnly)
      """))

      -- Each instant a deadline or a business time is read at, located on the calendar: the first
      -- interval not closed by then gives the opening at or after it and the business time
      -- before it (NULL opening: the calendar does not open again within the table).
      \(table2("lead_openings", """
      WITH points AS (
        SELECT id, 'clock' AS kind, clock_from AS x FROM lead_clocks WHERE clock_from IS NOT NULL
        UNION ALL SELECT id, 'raise', raised_at FROM lead_clocks WHERE clock_from IS NOT NULL AND raised_at IS NOT NULL
        UNION ALL SELECT lead_id, 'touch', min(t) FROM sla_activities GROUP BY lead_id),
      located AS (
        SELECT p.id, p.kind, p.x, min(c.open_ms) AS open_ms, min(c.before_ms) AS before_ms
        FROM points p LEFT JOIN business_time c ON c.close_ms > p.x AND c.open_ms <= p.x + \(table.longestClosedStretch)
        GROUP BY p.id, p.kind, p.x)
      SELECT id, kind, x, CASE WHEN open_ms IS NOT NULL THEN greatest(x, open_ms) END AS opening,
             before_ms + greatest(x, open_ms) - open_ms AS business_at
      FROM located
      """))
      -- Each lead's deadlines (never when the calendar does not reach them within the table).
      \(table2("lead_deadlines", """
      WITH dues AS (
      \(dueRows.joined(separator: "\nUNION ALL\n")))
      SELECT id, \(pivot("standard")) AS standard_due, \(pivot("hand_raise")) AS raise_due,
             \(pivot("accept")) AS accept_due, \(pivot("window")) AS window_end
      FROM dues GROUP BY id
      """))

      -- One row per lead: the SLA columns of leads.csv.
      \(table2("lead_sla", """
      WITH attempts AS (
        SELECT a.lead_id, count(*) AS attempts, max(CASE WHEN a.connects THEN 1 ELSE 0 END) = 1 AS connected
        FROM sla_activities a JOIN lead_deadlines d ON d.id = a.lead_id
        WHERE a.t <= d.window_end GROUP BY a.lead_id),
      joined AS (
        SELECT c.id, coalesce(nullif(c.owner, ''), '(unassigned)') AS rep, c.at_mql, c.clock_from IS NOT NULL AS has_clock,
               c.raised_at, clock.opening AS clock_opening, clock.business_at AS clock_business_at,
               touch.x AS first_touch_at, touch.business_at AS touch_business_at,
               d.standard_due, d.raise_due, d.accept_due, d.window_end,
               coalesce(a.attempts, 0) AS attempts, coalesce(a.connected, FALSE) AS connected
        FROM lead_clocks c
        LEFT JOIN lead_openings clock ON clock.id = c.id AND clock.kind = 'clock'
        LEFT JOIN lead_openings touch ON touch.id = c.id AND touch.kind = 'touch'
        LEFT JOIN lead_deadlines d ON d.id = c.id
        LEFT JOIN attempts a ON a.lead_id = c.id),
      prioritised AS (
        SELECT *, has_clock AND raised_at IS NOT NULL AND coalesce(first_touch_at, \(never)) >= raised_at
                  AND raise_due <= standard_due AS is_hand_raise,
               has_clock AND window_end < \(asOf) AS window_over
        FROM joined),
      judged AS (
        SELECT *, CASE WHEN is_hand_raise THEN raise_due ELSE standard_due END AS due,
               window_over AND NOT connected AND attempts >= \(required) AS exhausted
        FROM prioritised)
      SELECT s.id, s.rep, s.has_clock, s.accept_due,
        CASE WHEN NOT s.at_mql THEN ''
             WHEN s.exhausted THEN \(quote(attempts.exhaustedStatus))
             \(accepted)
             ELSE \(defaultStatus) END AS status,
        CASE WHEN s.has_clock THEN CASE WHEN s.is_hand_raise THEN 'hand_raise' ELSE 'standard' END END AS priority,
        CASE WHEN s.has_clock THEN coalesce(s.clock_opening, \(never)) END AS clock_start,
        CASE WHEN s.has_clock THEN s.due END AS first_touch_due,
        s.first_touch_at,
        CASE WHEN NOT s.has_clock THEN NULL
             WHEN s.first_touch_at IS NOT NULL THEN CASE WHEN s.first_touch_at <= s.due THEN 'done' ELSE 'breached' END
             WHEN \(asOf) > s.due THEN 'breached' ELSE 'pending' END AS first_touch,
        s.attempts,
        CASE WHEN s.has_clock THEN \(required) END AS attempts_required,
        CASE WHEN s.has_clock THEN s.window_end END AS window_end,
        s.connected,
        s.exhausted,
        CASE WHEN NOT s.has_clock THEN NULL WHEN s.connected THEN 'connected' WHEN NOT s.window_over THEN 'pending'
             WHEN s.attempts >= \(required) THEN 'exhausted' ELSE 'breached' END AS attempts_result,
        CAST(s.touch_business_at - s.clock_business_at AS DOUBLE) / 60000 AS touch_minutes
      FROM judged s
      """))

      -- The summary figures (summary.json's), one row per figure: query sla_summary after the script.
      \(table2("sla_summary", """
      WITH sla_leads AS (SELECT * FROM lead_sla WHERE has_clock),
      mql_periods AS (
        SELECT p.period FROM lead_clocks c JOIN calendar_periods p ON p.starts_ms <= c.mql_at AND c.mql_at < p.ends_ms
        WHERE c.at_mql AND c.excluded = '' AND c.scored)
      \(summaryParts.joined(separator: "\nUNION ALL\n"))
      """))

      """
  }
}
