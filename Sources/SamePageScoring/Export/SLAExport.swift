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

  /// The scoring columns of the per-lead result, which `lead_sla` carries on.
  static let scoreColumns = ["id", "excluded", "fit", "engagement", "stage", "stage_reached_at"]

  /// The columns the per-lead SELECT adds from `lead_sla`, in `leads.csv`'s order.
  static let slaColumns = [
    "status", "priority", "clock_start", "first_touch_due", "first_touch_at", "first_touch", "attempts",
    "attempts_required", "window_end", "connected", "exhausted", "attempts_result",
  ]

  /// Milliseconds of the key the calendar lookups join on: a UTC day for instants, a day's
  /// worth of business time for deadlines. Any positive size gives the same answers; a day keeps
  /// each key's rows few (an interval spans at most a few) and the tables near one row per day.
  static let keySize: Int64 = 86_400_000

  /// The statements that compute `lead_sla` (one row per lead) and `sla_summary` (one row per
  /// figure), from the per-lead scoring rows kept as `samepage_scores` (owner, lead type, the
  /// moments the lead reached MQL and first raised a hand) and the
  /// activities file (docs/SCORING.md, "SLA" and "The SLA in SQL").
  ///
  /// Shaped so that every engine plans it cheaply: `lead_sla` is one statement that reads
  /// `samepage_scores` and the activities once each and adds columns lead by lead (a chain of
  /// joins against the small calendar tables, on an equal key), and `sla_summary` reads
  /// `lead_sla` once. Spark expands each view it reads into the whole plan behind it, so a view
  /// read by several views read by several more multiplies that plan until the driver runs out
  /// of memory.
  func slaStatements(_ inputs: SLAInputs, asOf: Int64) throws -> String {
    let table = inputs.calendar
    let clock: BusinessClock
    do { clock = try BusinessClock(config.calendar) } catch {
      throw CompiledConfig.Failure.invalid("\(error)")
    }
    let never = Self.never
    let sla = config.sla
    let attempts = config.connectAttempts
    let standard = sla.firstTouch.first { $0.priority == "standard" }?.within
    let fast = sla.firstTouch.first { $0.priority == "hand_raise" }?.within ?? standard
    let keep = dialect.temporaryTable
    func key(_ instant: String) -> String { "CAST(floor((\(instant)) / \(Self.keySize)) AS BIGINT)" }

    let intervalRows = table.intervals.map { "(\($0.open), \($0.close))" }
    let periodRows = table.periods.map { "(\($0.starts), \($0.ends), \(quote($0.key)))" }
    let slaTypes = config.leadTypes.filter(\.slaApplies).map { FieldValue.key($0.id) }
    // Deadlines: which opening they run from, and their length (none: never).
    let deadlines: [(name: String, from: String, duration: ScoringConfig.Duration?)] = [
      ("standard_due", "clock", standard), ("raise_due", "raise", fast),
      ("accept_due", "clock", sla.acceptReject),
      ("window_end", "clock", attempts.window),
    ]
    var dueColumns: [String] = []
    var dueJoins: [String] = []
    for (name, from, duration) in deadlines {
      guard let duration else {
        dueColumns.append("\(never) AS \(name)")
        continue
      }
      let (ms, business) = Self.milliseconds(duration, workingDay: clock.workingDayMilliseconds)
      if business && ms > 0 {
        // Business time: the instant where the cumulative business time reaches the opening's
        // plus the deadline (an interval's end when it uses the interval up).
        let target = "o.\(from)_business + \(ms)"
        let alias = "b_\(name)"
        dueColumns.append("coalesce(\(alias).open_ms + \(target) - \(alias).before_ms, \(never)) AS \(name)")
        dueJoins.append(
          "LEFT JOIN calendar_business \(alias) ON \(alias).business_key = \(key("\(target) - 1")) AND \(alias).before_ms < \(target) AND \(alias).after_ms >= \(target)"
        )
      } else {
        // A deadline of 0 is the opening itself; wall-clock units add to the opening.
        dueColumns.append("coalesce(o.\(from)_opening + \(ms), \(never)) AS \(name)")
      }
    }
    // Where an instant falls on the calendar: the interval that is the next to close (the one
    // whose predecessor closed at or before it), read by the instant's UTC day.
    func locate(_ alias: String, _ instant: String) -> String {
      "LEFT JOIN calendar_openings \(alias) ON \(alias).instant_key = \(key(instant)) AND \(alias).from_ms <= \(instant) AND \(instant) < \(alias).close_ms"
    }
    func opening(_ alias: String, _ instant: String) -> String {
      "CASE WHEN \(alias).open_ms IS NOT NULL THEN greatest(\(instant), \(alias).open_ms) END"
    }
    func businessAt(_ alias: String, _ instant: String) -> String {
      "\(alias).before_ms + greatest(\(instant), \(alias).open_ms) - \(alias).open_ms"
    }
    let ownerOnly = attempts.ownerOnly ? "AND d.owner <> '' AND a.rep = d.owner" : ""
    let defaultStatus = quote(config.statuses.first(where: \.isDefault)?.id ?? "")
    let accepted = sla.acceptedStatus.map { "WHEN s.first_touch_at IS NOT NULL THEN \(quote($0))" } ?? ""
    let required = attempts.requiredAttempts
    let rangeError = dialect.fail(
      quote(
        "a lead reached MQL outside the calendar table's range (\(Timestamp.format(table.coveredFrom)) to \(Timestamp.format(table.startsUntil))): export the SQL again with an earlier --calendar-from, or from the leads file itself"
      ))
    // The columns each lead carries through the activities' GROUP BY: the scoring result, so
    // the last SELECT reads lead_sla alone, and what the SLA columns are computed from.
    let carried =
      SQLExport.scoreColumns.dropFirst() + [
        "owner", "scored", "raised_at", "mql_at", "mql_period", "clock_from", "clock_opening",
        "clock_business",
        "standard_due", "raise_due", "accept_due", "window_end",
      ]

    // The summary in one pass over lead_sla: each lead once per grouping it belongs to (and one
    // empty row in `overall`, so its figures exist without leads), then each grouping's figures.
    let groupings: [(name: String, subject: String, leads: String)] = [
      ("mqls", "l.mql_period", "l.mql_period IS NOT NULL"),
      ("first_touch", "l.first_touch", "l.has_clock"),
      ("attempts", "l.attempts_result", "l.has_clock"),
      ("rep", "l.rep", "l.rep IS NOT NULL"),
      ("overall", "''", "TRUE"),
    ]
    func byGrouping(_ pick: ((name: String, subject: String, leads: String)) -> String) -> String {
      "CASE f.grouping " + groupings.map { "WHEN '\($0.name)' THEN \(pick($0))" }.joined(separator: " ")
        + " END"
    }
    var figures: [(grouping: String, figure: String, value: String)] = [
      ("mqls", "mqls", "CAST(leads AS DOUBLE)")
    ]
    if let volume = sla.mqlVolume {
      let quantity = Self.number(volume.quantity)
      figures += [
        ("mqls", "mql_commitment", "CAST(\(quantity) AS DOUBLE)"),
        ("mqls", "mql_commitment_met", "CASE WHEN leads >= \(quantity) THEN 1.0 ELSE 0.0 END"),
      ]
    }
    figures += [
      ("overall", "acceptance_due", "CAST(due AS DOUBLE)"),
      (
        "overall", "acceptance_rate",
        "CASE WHEN due = 0 THEN NULL ELSE CAST(accepted AS DOUBLE) / due * 100 END"
      ),
    ]
    if let target = sla.acceptanceRate {
      figures.append(("overall", "acceptance_target", "CAST(\(Self.number(target)) AS DOUBLE)"))
    }
    figures += [
      ("overall", "median_first_touch_business_minutes", "median_touch"),
      ("first_touch", "first_touch", "CAST(leads AS DOUBLE)"),
      ("attempts", "attempts", "CAST(leads AS DOUBLE)"),
    ]
    let repFigures = [
      ("rep_leads", "1"), ("rep_sla_leads", "CASE WHEN l.has_clock THEN 1 ELSE 0 END"),
      ("rep_first_touch_in_time", "CASE WHEN l.first_touch = 'done' THEN 1 ELSE 0 END"),
      ("rep_first_touch_breached", "CASE WHEN l.first_touch = 'breached' THEN 1 ELSE 0 END"),
      ("rep_first_touch_pending", "CASE WHEN l.first_touch = 'pending' THEN 1 ELSE 0 END"),
      ("rep_windows_ended", "CASE WHEN l.attempts_result <> 'pending' THEN 1 ELSE 0 END"),
      (
        "rep_attempts_compliant",
        "CASE WHEN l.attempts_result IN ('connected', 'exhausted') THEN 1 ELSE 0 END"
      ),
    ]
    figures += repFigures.map { ("rep", $0.0, "CAST(\($0.0) AS DOUBLE)") }
    let due = "l.has_clock AND l.accept_due <= \(asOf)"
    let summaryColumns =
      [
        "sum(CASE WHEN \(due) THEN 1 ELSE 0 END) AS due",
        "sum(CASE WHEN \(due) AND l.first_touch_at <= l.accept_due THEN 1 ELSE 0 END) AS accepted",
        "\(dialect.median("CASE WHEN f.grouping = 'overall' AND l.has_clock THEN l.touch_minutes END")) AS median_touch",
      ] + repFigures.map { "sum(\($0.1)) AS \($0.0)" }

    // lead_sla, a step at a time: each step reads the one before as a subquery, not as a WITH
    // clause, because Spark does not look for a cached view inside a WITH clause and would run
    // the scoring query again.
    let leadSLA = Self.nested([
      { _ in
        """
        -- When the lead first stood at MQL or later (its start stage, a threshold or a
        -- hand-raise), checked against the calendar's range.
        SELECT \(SQLExport.scoreColumns.joined(separator: ", ")), owner, scored, raised_at, lead_type IN \(quotedList(slaTypes)) AS sla_applies,
               CASE WHEN mql_reached_at < \(table.coveredFrom) OR mql_reached_at > \(table.startsUntil)
                    THEN CAST(\(rangeError) AS BIGINT) ELSE mql_reached_at END AS mql_at
        FROM samepage_scores
        """
      },
      { reached in
        """
        -- The raw start of the SLA clock (not excluded, a lead type with an SLA), and the period
        -- an MQL counts in (not excluded, a scored lead type).
        SELECT r.*, CASE WHEN r.excluded = '' AND r.sla_applies THEN r.mql_at END AS clock_from,
               p.period AS mql_period
        FROM \(reached) r
        LEFT JOIN calendar_periods p ON r.mql_at IS NOT NULL AND r.excluded = '' AND r.scored
          AND p.starts_ms <= r.mql_at AND r.mql_at < p.ends_ms
        """
      },
      { clocks in
        """
        -- The clock's and the hand-raise's openings (the instant, or the next opening after it,
        -- NULL when the calendar does not open again within the table) and business times.
        SELECT c.*, \(opening("k", "c.clock_from")) AS clock_opening, \(businessAt("k", "c.clock_from")) AS clock_business,
               \(opening("h", "c.raised_at")) AS raise_opening, \(businessAt("h", "c.raised_at")) AS raise_business
        FROM \(clocks) c
        \(locate("k", "c.clock_from"))
        \(locate("h", "c.raised_at"))
        """
      },
      { located in
        """
        -- Each deadline, never when the calendar does not reach it within the table.
        SELECT o.*, \(dueColumns.joined(separator: ",\n       "))
        FROM \(located) o
        \(dueJoins.joined(separator: "\n"))
        """
      },
      { deadlines in
        """
        -- The lead's activities on a declared channel from its clock's start to as-of\(attempts.ownerOnly ? ", by its owner" : ""): the
        -- first touch, and the attempts and connects within the window.
        SELECT d.id, \(carried.map { "any_value(d.\($0)) AS \($0)" }.joined(separator: ", ")),
               min(a.t) AS first_touch_at,
               sum(CASE WHEN a.t <= d.window_end THEN 1 ELSE 0 END) AS attempts,
               max(CASE WHEN a.t <= d.window_end AND a.connects THEN 1 ELSE 0 END) = 1 AS connected
        FROM \(deadlines) d
        LEFT JOIN (
          SELECT lead_id, coalesce(rep, '') AS rep,
                 lower(\(dialect.trimmed("coalesce(disposition, '')"))) IN \(quotedList(attempts.dispositions.filter(\.connected).map { FieldValue.key($0.id) })) AS connects,
                 \(dialect.epochMilliseconds("timestamp")) AS t
          FROM \(dialect.readCSV(inputs.activities))
          WHERE lower(\(dialect.trimmed("channel"))) IN \(quotedList(attempts.channels.map(FieldValue.key)))
        ) a ON a.lead_id = d.id AND a.t >= d.clock_from AND a.t <= \(asOf) \(ownerOnly)
        GROUP BY d.id
        """
      },
      { touched in
        """
        SELECT t.*, coalesce(nullif(t.owner, ''), '(unassigned)') AS rep, t.mql_at IS NOT NULL AS at_mql,
               t.clock_from IS NOT NULL AS has_clock, \(businessAt("u", "t.first_touch_at")) AS touch_business
        FROM \(touched) t
        \(locate("u", "t.first_touch_at"))
        """
      },
      { joined in
        """
        SELECT *, has_clock AND raised_at IS NOT NULL AND coalesce(first_touch_at, \(never)) >= raised_at
                  AND raise_due <= standard_due AS is_hand_raise,
               has_clock AND window_end < \(asOf) AS window_over
        FROM \(joined) j
        """
      },
      { prioritised in
        """
        SELECT *, CASE WHEN is_hand_raise THEN raise_due ELSE standard_due END AS due,
               window_over AND NOT connected AND attempts >= \(required) AS exhausted
        FROM \(prioritised) p
        """
      },
      { judged in
        """
        SELECT \(SQLExport.scoreColumns.map { "s.\($0)" }.joined(separator: ", ")),
          s.rep, s.has_clock, s.accept_due, s.mql_period,
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
          CAST(s.touch_business - s.clock_business AS DOUBLE) / 60000 AS touch_minutes
        FROM \(judged) s
        """
      },
    ])
    let summary = Self.nested([
      { _ in
        """
        SELECT rep, has_clock, accept_due, first_touch_at, first_touch, attempts_result, mql_period, touch_minutes
        FROM lead_sla
        UNION ALL SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
        """
      },
      { leads in
        """
        SELECT f.grouping, \(byGrouping(\.subject)) AS subject, count(*) AS leads,
               \(summaryColumns.joined(separator: ",\n       "))
        FROM \(leads) l CROSS JOIN (VALUES \(groupings.map { "('\($0.name)')" }.joined(separator: ", "))) AS f(grouping)
        WHERE \(byGrouping(\.leads))
        GROUP BY 1, 2
        """
      },
      { grouped in
        """
        SELECT o.figure, g.subject, CASE o.figure \(figures.map { "WHEN '\($0.figure)' THEN \($0.value)" }.joined(separator: "\n  ")) END AS value
        FROM \(grouped) g JOIN (VALUES \(figures.map { "('\($0.grouping)', '\($0.figure)')" }.joined(separator: ", "))) AS o(grouping, figure)
          ON o.grouping = g.grouping
        """
      },
    ])

    return """
      -- The SLA (docs/SCORING.md, "SLA"): business time through the calendar's working intervals
      -- in UTC, generated by samepage with the core's BusinessClock (holidays and DST applied) for
      -- local days \(BusinessCalendarTable.date(table.firstDay)) to \(BusinessCalendarTable.date(table.lastDay)) of \(config.calendar.timeZone).
      \(keep("business_calendar", "SELECT CAST(open_ms AS BIGINT) AS open_ms, CAST(close_ms AS BIGINT) AS close_ms FROM (VALUES\n  \(intervalRows.isEmpty ? "(0, 0)" : intervalRows.joined(separator: ",\n  "))) AS t(open_ms, close_ms) WHERE close_ms > open_ms"))
      -- Each interval with the business time before it and at its end (running sums), and the
      -- previous interval's close: from then on, it is the next interval to close.
      \(keep("business_time", """
      SELECT open_ms, close_ms,
             sum(close_ms - open_ms) OVER (ORDER BY open_ms ROWS UNBOUNDED PRECEDING) - (close_ms - open_ms) AS before_ms,
             sum(close_ms - open_ms) OVER (ORDER BY open_ms ROWS UNBOUNDED PRECEDING) AS after_ms,
             coalesce(lag(close_ms) OVER (ORDER BY open_ms), \(table.coveredFrom)) AS from_ms
      FROM business_calendar
      """))
      -- The intervals by the UTC days of the instants each is the next to close for, and by the
      -- days' worth of business time each spans: the lookups are joins on an equal key.
      \(keep("calendar_openings", """
      SELECT \(dialect.series(key("from_ms"), key("close_ms - 1"))) AS instant_key, from_ms, open_ms, close_ms, before_ms
      FROM business_time
      """))
      \(keep("calendar_business", """
      SELECT \(dialect.series(key("before_ms"), key("after_ms - 1"))) AS business_key, open_ms, before_ms, after_ms
      FROM business_time
      """))
      -- The MQL volume commitment's periods, each from its first local midnight.
      \(keep("calendar_periods", "SELECT CAST(starts_ms AS BIGINT) AS starts_ms, CAST(ends_ms AS BIGINT) AS ends_ms, period FROM (VALUES\n  \(periodRows.joined(separator: ",\n  "))) AS t(starts_ms, ends_ms, period)"))

      -- One row per lead: the SLA columns of leads.csv, each step adding columns.
      \(keep("lead_sla", leadSLA))

      -- The summary figures (summary.json's), one row per figure: query sla_summary after the script.
      \(keep("sla_summary", summary))

      """
  }

  /// A query of steps, each reading the one before as a parenthesised subquery: the last step
  /// outermost, the first innermost and indented deepest.
  static func nested(_ steps: [(_ previous: String) -> String]) -> String {
    steps.reduce("") { inner, step in
      guard !inner.isEmpty else { return step("") }
      let indented = inner.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
      return step("(\n" + indented.joined(separator: "\n") + "\n)")
    }
  }
}
