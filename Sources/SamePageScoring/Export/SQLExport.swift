import Foundation

/// SQL that computes, from the same CSV files, what the Swift core computes per lead: exclusion,
/// fit, engagement at as-of, lifecycle stage and when it was reached, and with the activities
/// the SLA (docs/SCORING.md, "The SLA in SQL"; SLAExport.swift). It is the differential test's
/// oracle and the path for teams that outgrow one machine (docs/SCALE.md).
///
/// One statement, shaped for column engines: each event row is read once, its URL turned into a
/// bit mask of the engagement rules it matches, and three window passes over the events do the
/// rest (time order per lead, frequency caps, the running sum). No correlated subquery, no
/// temporary table, and no join of events against thresholds.
public struct SQLExport {
  /// The functions that differ between engines.
  public struct Dialect: Sendable {
    public var name: String
    /// Statements to run first (settings), each ending with `;`.
    public var preamble: String
    /// A statement that names a file as a relation, run before the query; empty when
    /// `relation` reads the file itself.
    public var source: @Sendable (_ view: String, _ path: String) -> String
    /// The relation the query reads a file as: a header, every column as text.
    public var relation: @Sendable (_ view: String, _ path: String) -> String
    /// A relation reading a CSV file with a header, all columns as text (kept from the first
    /// dialect for code that reads other files, such as activities). On Spark it is the view
    /// `viewName(path)`, which the script must create first with `source(viewName(path), path)`.
    public var readCSV: @Sendable (_ path: String) -> String
    /// A number that grows in file order, computed while the file is read.
    public var fileOrder: String
    /// Epoch milliseconds (toward the past) of an ISO 8601 timestamp with offset, from a text
    /// column; NULL for text the core's parser refuses (docs/SCORING.md, Inputs).
    public var epochMilliseconds: @Sendable (_ column: String) -> String
    /// Whether a text column holds a decimal number as the core reads it.
    public var isDecimal: @Sendable (_ column: String) -> String
    /// The number in a text column that `isDecimal` accepted.
    public var toDouble: @Sendable (_ column: String) -> String
    /// The text without surrounding spaces and tabs.
    public var trimmed: @Sendable (_ column: String) -> String
    /// The last part of `text` after `separator`.
    public var lastPart: @Sendable (_ text: String, _ separator: String) -> String
    /// Whether `text` contains `fragment`.
    public var contains: @Sendable (_ text: String, _ fragment: String) -> String
    /// Whether `text` ends with `suffix`.
    public var endsWith: @Sendable (_ text: String, _ suffix: String) -> String
    /// U+0307 COMBINING DOT ABOVE, which Unicode lowercasing of `İ` leaves behind.
    public var combiningDotAbove: String
    /// Months since year 0 (year · 12 + month − 1) of an epoch-millisecond instant, in UTC.
    public var monthIndex: @Sendable (_ milliseconds: String) -> String
    /// A value that orders by `first`, then `second`, and whose `.first`/`.second` read them back.
    public var pair: @Sendable (_ first: String, _ second: String) -> String
    /// Whether a backslash in a string literal escapes the next character (Spark), so one
    /// from the glossary must be doubled; DuckDB reads it as itself.
    public var backslashEscapes = false
    /// A statement (or statements) that computes `query` once into a relation `table` later
    /// statements read, each ending with `;`.
    public var temporaryTable: @Sendable (_ table: String, _ query: String) -> String = { table, query in
      "CREATE OR REPLACE TEMP TABLE \(table) AS\n\(query);"
    }
    /// The median of a numeric column, the mean of the two middle values for an even count.
    public var median: @Sendable (_ column: String) -> String = { "median(\($0))" }
    /// An expression that stops the query with `message` (already a quoted literal) when it is
    /// evaluated.
    public var fail: @Sendable (_ message: String) -> String = { "error(\($0))" }
    /// In a SELECT list: one row per whole number from `from` to `to` (both BIGINT, inclusive),
    /// the other columns repeated.
    public var series: @Sendable (_ from: String, _ to: String) -> String = {
      "unnest(generate_series(\($0), \($1)))"
    }

    /// DuckDB 1.x and 2.x, through `duckdb` or its Python package.
    public static let duckdb = Dialect(
      name: "duckdb",
      preamble: "SET TimeZone = 'UTC';\nSET preserve_insertion_order = true;\n",
      source: { _, _ in "" },
      relation: { _, path in
        if path.lowercased().hasSuffix(".parquet") { return "read_parquet(\(quote(path)))" }
        return
          "read_csv(\(quote(path)), header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"')"
      },
      readCSV: {
        "read_csv(\(quote($0)), header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"')"
      },
      fileOrder: "row_number() OVER ()",
      epochMilliseconds: {
        // The shapes the core accepts (no leap second, hours 00–23, offset hours 00–23); the
        // cast then refuses days that do not exist, and the fraction is cut to milliseconds.
        let shape =
          #"\d{4}-\d{2}-\d{2}[T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d([.,]\d+)?)?(Z|[+-]([01]\d|2[0-3])(:?[0-5]\d)?)"#
        return
          "CASE WHEN regexp_full_match(upper(\($0)), '\(shape)') THEN CAST(floor(epoch_us(TRY_CAST(replace(upper(\($0)), ',', '.') AS TIMESTAMPTZ)) / 1000) AS BIGINT) END"
      },
      isDecimal: { "regexp_full_match(\($0), '[ \t]*[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)[ \t]*')" },
      toDouble: { "TRY_CAST(trim(\($0), ' ' || chr(9)) AS DOUBLE)" },
      trimmed: { "trim(\($0), ' ' || chr(9))" },
      lastPart: { "string_split(\($0), \(quote($1)))[-1]" },
      contains: { "contains(\($0), \($1))" },
      endsWith: { "ends_with(\($0), \($1))" },
      combiningDotAbove: "chr(775)",
      monthIndex: {
        "(year(CAST(epoch_ms(\($0)) AS DATE)) * 12 + month(CAST(epoch_ms(\($0)) AS DATE)) - 1)"
      },
      pair: { "struct_pack(first := \($0), second := \($1))" })

    /// Spark SQL 3.4 and later (tested with PySpark 4 in local mode): `spark-sql -f`, or
    /// `Scripts/run-spark.py`, which `spark-submit` runs on a cluster.
    public static let spark = Dialect(
      name: "spark",
      // ANSI mode (Spark 4's default) raises on an impossible date or a failed cast; the
      // query relies on NULL instead, as the core skips such values. A cached plan may change
      // its output partitioning, or a cached view of a few rows is read as 200 partitions.
      preamble:
        "SET spark.sql.session.timeZone = UTC;\nSET spark.sql.ansi.enabled = false;\nSET spark.sql.optimizer.canChangeCachedPlanOutputPartitioning = true;\n",
      source: { view, path in
        if path.lowercased().hasSuffix(".parquet") {
          return "CREATE OR REPLACE TEMPORARY VIEW \(view) USING parquet OPTIONS (path \(quote(path)));\n"
        }
        // RFC 4180 quoting (a quote inside a field is doubled); values as written, spaces kept;
        // multiLine because a quoted field may hold a line break, as the core's reader allows.
        return
          "CREATE OR REPLACE TEMPORARY VIEW \(view) USING csv OPTIONS (path \(quote(path)), header 'true', inferSchema 'false', quote '\"', escape '\"', multiLine 'true', mode 'PERMISSIVE', ignoreLeadingWhiteSpace 'false', ignoreTrailingWhiteSpace 'false');\n"
      },
      relation: { view, _ in view },
      readCSV: { viewName($0) },
      fileOrder: "monotonically_increasing_id()",
      epochMilliseconds: { column in
        // Spark's own timestamp cast accepts other shapes and offsets than the core, so the
        // instant is computed from the parts: the shape is checked first, make_date refuses
        // days that do not exist, and the fraction is cut to milliseconds.
        let shape =
          "^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.,][0-9]+)?)?(Z|[+-]([01][0-9]|2[0-3])(:?[0-5][0-9])?)$"
        let text = "upper(\(column))"
        let rest = "substr(\(text), 17)"
        func part(_ pattern: String) -> String { "regexp_extract(\(rest), '\(pattern)', 1)" }
        let seconds = "coalesce(CAST(nullif(\(part("^:([0-9]{2})")), '') AS BIGINT), 0)"
        let milliseconds =
          "coalesce(CAST(nullif(rpad(substr(\(part("^:[0-9]{2}[.,]([0-9]+)")), 1, 3), 3, '0'), '000') AS BIGINT), 0)"
        let zone = part("(Z|[+-][0-9:]+)$")
        let offsetMinutes =
          "CASE WHEN \(zone) = 'Z' THEN 0 ELSE (CASE WHEN substr(\(zone), 1, 1) = '-' THEN -1 ELSE 1 END) * (CAST(substr(\(zone), 2, 2) AS BIGINT) * 60 + coalesce(CAST(nullif(substr(replace(\(zone), ':', ''), 4, 2), '') AS BIGINT), 0)) END"
        let date =
          "make_date(CAST(substr(\(text), 1, 4) AS INT), CAST(substr(\(text), 6, 2) AS INT), CAST(substr(\(text), 9, 2) AS INT))"
        return
          "CASE WHEN \(text) RLIKE '\(shape)' THEN CAST(unix_date(\(date)) AS BIGINT) * 86400000 + CAST(substr(\(text), 12, 2) AS BIGINT) * 3600000 + CAST(substr(\(text), 15, 2) AS BIGINT) * 60000 + \(seconds) * 1000 + \(milliseconds) - (\(offsetMinutes)) * 60000 END"
      },
      isDecimal: { "(\($0) RLIKE '^[ \\t]*[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)[ \\t]*$')" },
      toDouble: { "CAST(btrim(\($0), ' \\t') AS DOUBLE)" },
      trimmed: { "btrim(\($0), ' \\t')" },
      lastPart: { "substring_index(\($0), \(quote($1)), -1)" },
      contains: { "(instr(\($0), \($1)) > 0)" },
      endsWith: { "endswith(\($0), \($1))" },
      combiningDotAbove: "'\\u0307'",
      monthIndex: { "(year(timestamp_millis(\($0))) * 12 + month(timestamp_millis(\($0))) - 1)" },
      pair: { "named_struct('first', \($0), 'second', \($1))" },
      backslashEscapes: true,
      // A view alone would run its query again for each reader; CACHE TABLE computes it now.
      temporaryTable: { table, query in
        "CREATE OR REPLACE TEMPORARY VIEW \(table) AS\n\(query);\nCACHE TABLE \(table);"
      },
      // percentile interpolates between the two middle values, as the core's median does.
      median: { "percentile(\($0), 0.5)" },
      fail: { "raise_error(\($0))" },
      series: { "explode(sequence(\($0), \($1)))" })
  }

  /// A view name for a file path, the same for the same path.
  public static func viewName(_ path: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
    for byte in path.utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    return "samepage_file_" + String(hash, radix: 16)
  }

  public enum ExportError: Error, CustomStringConvertible {
    case tooManyEngagementRules(Int)

    public var description: String {
      switch self {
      case .tooManyEngagementRules(let count):
        return
          "export-sql supports at most \(SQLExport.maxEngagementRules) engagement rules (a bit each in a 64-bit mask); this config has \(count)"
      }
    }
  }

  /// Each engagement rule is a bit of a BIGINT mask, the sign bit left alone.
  public static let maxEngagementRules = 62

  public let config: ScoringConfig
  public let dialect: Dialect

  public init(config: ScoringConfig, dialect: Dialect = .duckdb) {
    self.config = config
    self.dialect = dialect
  }

  static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

  static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
  }

  func quote(_ text: String) -> String {
    let quoted = Self.quote(text)
    return dialect.backslashEscapes ? quoted.replacingOccurrences(of: "\\", with: "\\\\") : quoted
  }

  func quotedList(_ values: [String]) -> String {
    values.isEmpty ? "(NULL)" : "(" + values.map(quote).joined(separator: ", ") + ")"
  }

  /// The whole script: settings, then one query that selects one row per lead, ordered by id:
  /// `id, excluded, fit, engagement, stage, stage_reached_at` (epoch milliseconds). With `sla`,
  /// that query's per-lead rows are kept as `samepage_scores`, the SLA statements read them and
  /// the activities, the last SELECT adds the SLA columns of leads.csv, and the summary figures
  /// are left in `sla_summary`.
  public func script(leads: String, events: String, asOf: Int64, sla: SLAInputs? = nil) throws -> String {
    let compiled = try CompiledConfig(config)
    guard compiled.engagementRules.count <= Self.maxEngagementRules else {
      throw ExportError.tooManyEngagementRules(compiled.engagementRules.count)
    }
    let stages = config.lifecycle.stages.map(\.id)
    let factor = compiled.decayFactor
    let period = max(compiled.decayPeriodDays, 1)
    let decays = compiled.decayPeriodDays > 0 && factor != 1
    let powerOf = { (exponent: String) in decays ? "power(\(Self.number(factor)), \(exponent))" : "1.0" }
    func clamp(_ expression: String, floor: Int?, cap: Int?) -> String {
      var result = expression
      if let cap { result = "least(\(result), \(cap))" }
      if let floor { result = "greatest(\(result), \(floor))" }
      return result
    }
    let clampE = { (expression: String) in
      clamp(expression, floor: self.config.engagement.floor, cap: self.config.engagement.cap)
    }
    func greatest(_ terms: [String]) -> String {
      // greatest() skips NULLs in both engines; one term needs no call.
      terms.isEmpty
        ? "CAST(NULL AS INT)"
        : terms.count == 1 ? terms[0] : "greatest(" + terms.joined(separator: ", ") + ")"
    }

    // Fit, over the first readable row of a lead, `l`.
    var fitTerms: [String] = []
    for rule in config.fit.rules {
      guard let id = rule.attribute, let declared = config.attributes.first(where: { $0.id == id }) else {
        continue
      }
      let value = "l.\(id)"
      var condition: String
      if declared.type == "number" {
        let number = dialect.toDouble(value)
        var parts = [dialect.isDecimal(value)]
        if let low = rule.atLeast { parts.append("\(number) >= \(Self.number(low))") }
        if let high = rule.atMost { parts.append("\(number) <= \(Self.number(high))") }
        condition = parts.joined(separator: " AND ")
      } else {
        var alternatives: [String] = []
        // As the core folds text (FieldValue.text): lowercase, then Turkish's i's as one.
        let folded = "replace(replace(lower(\(value)), 'ı', 'i'), \(dialect.combiningDotAbove), '')"
        if !rule.anyOf.isEmpty {
          alternatives.append("\(folded) IN \(quotedList(rule.anyOf.map(FieldValue.text)))")
        }
        alternatives += rule.containsAny.map { dialect.contains(folded, quote(FieldValue.text($0))) }
        condition = alternatives.isEmpty ? "FALSE" : "(" + alternatives.joined(separator: " OR ") + ")"
      }
      fitTerms.append(
        "CASE WHEN coalesce(\(value), '') <> '' AND \(condition) THEN \(rule.points) ELSE 0 END")
    }
    let fit = clamp(
      "(" + (fitTerms.isEmpty ? "0" : fitTerms.joined(separator: "\n         + ")) + ")",
      floor: config.fit.floor, cap: config.fit.cap)
    let suffixes =
      config.exclusions.emailSuffixes.isEmpty
      ? "FALSE"
      : config.exclusions.emailSuffixes.map { dialect.endsWith("l.email_lower", quote($0)) }.joined(
        separator: " OR ")
    let exclusion = """
      CASE
               WHEN l.email_domain IN \(quotedList(config.exclusions.emailDomains)) THEN 'personal-email'
               WHEN \(suffixes) THEN 'excluded-suffix'
               WHEN l.email_domain IN \(quotedList(config.exclusions.competitorDomains)) OR lower(\(dialect.trimmed("coalesce(l.domain, '')"))) IN \(quotedList(config.exclusions.competitorDomains)) THEN 'competitor'
               WHEN upper(\(dialect.trimmed("coalesce(l.country, '')"))) IN \(quotedList(config.exclusions.countries)) THEN 'country-not-served'
               ELSE '' END
      """
    let defaultType = config.leadTypes.first(where: \.isDefault).map { FieldValue.key($0.id) } ?? ""
    let typeRows = config.leadTypes.map { type in
      "(\(quote(FieldValue.key(type.id))), \(type.scored ? "TRUE" : "FALSE"), \(compiled.startStage(for: type)))"
    }

    // Engagement rules: bit i of an event's mask says it matches rule i (type and URL).
    var maskTerms: [String] = []
    var ruleRows: [String] = []
    for (index, rule) in compiled.engagementRules.enumerated() {
      let event = quote(FieldValue.key(config.engagement.rules[index].event ?? ""))
      let url = rule.urlPatterns.map { dialect.contains("e.url", quote(String(decoding: $0, as: UTF8.self))) }
      let condition =
        url.isEmpty ? "e.type = \(event)" : "e.type = \(event) AND (\(url.joined(separator: " OR ")))"
      maskTerms.append("CASE WHEN \(condition) THEN \(Int64(1) << index) ELSE 0 END")
      let bucket: String
      switch rule.bucket {
      case .day: bucket = "'day'"
      case .week: bucket = "'week'"
      case .month: bucket = "'month'"
      case .ever: bucket = "'ever'"
      }
      ruleRows.append(
        "(\(Int64(1) << index), \(Self.number(rule.points)), \(rule.maxPerBucket), \(bucket))")
    }
    let usesMonths = compiled.engagementRules.contains { $0.bucket == .month }
    let raiseTerms = config.handRaises.compactMap { raise -> String? in
      guard let stage = stages.firstIndex(of: raise.stage) else { return nil }
      return
        "CASE WHEN e.type = \(quote(FieldValue.key(raise.event))) AND l.fit >= \(raise.minimumFit) THEN \(stage) END"
    }
    let thresholdTerms = compiled.thresholds.map { threshold -> String in
      var parts = ["eligible"]
      if let minimum = threshold.fit { parts.append("fit >= \(minimum)") }
      if let minimum = threshold.engagement {
        parts.append("\(clampE("running * \(powerOf("period"))")) >= \(minimum)")
      }
      return "CASE WHEN \(parts.joined(separator: " AND ")) THEN \(threshold.stage) END"
    }
    let stageRows = stages.enumerated().map { "(\($0.offset), \(quote($0.element)))" }
    let asOfDay = CivilDate.floorDiv(asOf, 86_400_000)
    let eventTypes = quotedList(config.events.map(FieldValue.key))
    let rulesRelation =
      ruleRows.isEmpty
      ? "SELECT CAST(0 AS BIGINT) AS bit, CAST(0 AS DOUBLE) AS points, 0 AS max_per_bucket, 'ever' AS per WHERE FALSE"
      : "SELECT * FROM (VALUES \(ruleRows.joined(separator: ", "))) AS r(bit, points, max_per_bucket, per)"
    let typesRelation =
      typeRows.isEmpty
      ? "SELECT '' AS id, FALSE AS scored, 0 AS start_stage WHERE FALSE"
      : "SELECT * FROM (VALUES \(typeRows.joined(separator: ", "))) AS t(id, scored, start_stage)"

    // The moments the SLA starts from: the first event that put the lead at MQL or later (by a
    // threshold or a hand-raise), and its first hand-raise to MQL or later (eligible leads only,
    // as `raised` is).
    let mql = compiled.mqlStage
    let slaMoments =
      sla == nil
      ? ""
      : ",\n               min(CASE WHEN stage >= \(mql) THEN t END) AS mql_fired_at,\n               min(CASE WHEN raised >= \(mql) THEN t END) AS raised_at"
    let slaScoreColumns =
      sla == nil
      ? ""
      : """
      ,
        l.owner, l.lead_type, l.scored,
        CASE WHEN l.start_stage >= \(mql) THEN l.created ELSE p.mql_fired_at END AS mql_reached_at,
        p.raised_at
      """
    let activitiesSource = sla.map { dialect.source(Self.viewName($0.activities), $0.activities) } ?? ""
    let header = """
      -- Generated by samepage export-sql --dialect \(dialect.name) from glossary \(config.glossaryVersion) (\(config.glossaryHash)).
      -- Computes per lead what samepage score computes (docs/SCORING.md): exclusion, fit, engagement at
      -- as-of \(Timestamp.format(asOf)), lifecycle stage and when it was reached.
      \(dialect.preamble)\(dialect.source("samepage_leads", leads))\(dialect.source("samepage_events", events))\(activitiesSource)

      """
    let query = """
      WITH lead_types AS (\(typesRelation)),
      rules AS (\(rulesRelation)),
      stages AS (SELECT * FROM (VALUES \(stageRows.joined(separator: ", "))) AS s(stage, id)),
      -- Leads: the first readable row of each id (a non-empty id, a real created_at, a known or
      -- empty lead type); fit and exclusion do not change over time. Its row in the file is its key.
      lead_rows AS (
        SELECT *, \(dialect.fileOrder) AS row_in_file FROM \(dialect.relation("samepage_leads", leads))),
      lead_values AS (
        SELECT r.*, \(dialect.epochMilliseconds("r.created_at")) AS created_ms,
               lower(\(dialect.trimmed("coalesce(r.email, '')"))) AS email_lower,
               coalesce(nullif(lower(\(dialect.trimmed("coalesce(r.lead_type, '')"))), ''), \(quote(defaultType))) AS type_key
        FROM lead_rows r),
      readable AS (
        SELECT v.*, CASE WHEN \(dialect.contains("v.email_lower", "'@'")) THEN \(dialect.lastPart("v.email_lower", "@")) ELSE '' END AS email_domain,
               row_number() OVER (PARTITION BY v.id ORDER BY v.row_in_file) AS nth
        FROM lead_values v
        WHERE coalesce(v.id, '') <> '' AND v.created_ms IS NOT NULL AND v.type_key IN (SELECT id FROM lead_types)),
      scored_leads AS (
        SELECT
          l.id,
          l.row_in_file AS lead,
          l.created_ms AS created,
          CAST(floor(l.created_ms / 86400000) AS BIGINT) AS created_day,
          \(fit) AS fit,
          \(exclusion) AS excluded,
          t.scored,
          t.start_stage\(sla == nil ? "" : ",\n          coalesce(l.owner, '') AS owner,\n          l.type_key AS lead_type")
        FROM readable l JOIN lead_types t ON t.id = l.type_key
        WHERE l.nth = 1),
      -- Events of declared types from the lead's creation on, read once: the rules each matches
      -- as a bit mask, the stage a hand-raise fires, the decay period. A declared type written
      -- as declared skips the trimming and lowercasing.
      lived AS (
        SELECT e.line, l.lead, e.t, l.fit, l.excluded = '' AND l.scored AS eligible,
               CAST(floor((floor(e.t / 86400000) - l.created_day) / \(period)) AS BIGINT) AS period,
               CASE WHEN l.scored THEN \(maskTerms.isEmpty ? "CAST(0 AS BIGINT)" : maskTerms.joined(separator: "\n                 + ")) ELSE 0 END AS mask,
               CASE WHEN l.excluded = '' AND l.scored THEN \(greatest(raiseTerms)) END AS raised
        FROM (SELECT \(dialect.fileOrder) AS line, lead_id,
                     CASE WHEN type IN \(eventTypes) THEN type ELSE lower(\(dialect.trimmed("type"))) END AS type,
                     lower(coalesce(url, '')) AS url, \(dialect.epochMilliseconds("timestamp")) AS t
              FROM \(dialect.relation("samepage_events", events))) e
        JOIN scored_leads l ON l.id = e.lead_id AND e.t >= l.created
        WHERE e.type IN \(eventTypes)),
      -- Window 1: an event counts when it is not earlier than an earlier counted one of its lead.
      -- (as-of is tested here, not in `lived`: an engine that pushes that filter down to the
      -- file evaluates the timestamp twice.)
      ordered AS (
        SELECT *, max(CASE WHEN t <= \(asOf) THEN t END) OVER (PARTITION BY lead ORDER BY line ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS previous
        FROM lived),
      counted AS (SELECT * FROM ordered WHERE t <= \(asOf) AND (previous IS NULL OR t >= previous)),
      -- One row per (event, matched rule), or the event alone when it matches none.
      matched AS (
        SELECT c.line, c.lead, c.t, c.fit, c.eligible, c.period, c.raised, r.bit, r.points, r.max_per_bucket,
               CASE r.per WHEN 'day' THEN floor(c.t / 86400000)
                          WHEN 'week' THEN floor((floor(c.t / 86400000) + 3) / 7)
                          \(usesMonths ? "WHEN 'month' THEN \(dialect.monthIndex("c.t"))" : "")
                          ELSE 0 END AS bucket
        FROM counted c LEFT JOIN rules r ON (c.mask & r.bit) <> 0),
      -- Window 2: the first max_per_bucket matches of each rule and bucket score, f^-period each.
      weighted AS (
        SELECT line, lead, t, fit, eligible, period, raised,
               CASE WHEN bit IS NULL THEN 0.0
                    WHEN row_number() OVER (PARTITION BY lead, bit, bucket ORDER BY line) <= max_per_bucket THEN points * \(powerOf("-period"))
                    ELSE 0.0 END AS weight
        FROM matched),
      -- Window 3: engagement after each event, Σ points·f^(period_event − period_match), as a
      -- running sum (peers included, so all of an event's matches) scaled by f^period.
      running AS (
        SELECT *, sum(weight) OVER (PARTITION BY lead ORDER BY line RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running
        FROM weighted),
      -- The latest stage each event fires, by threshold or hand-raise.
      fired AS (
        SELECT lead, t, weight, raised, \(greatest(thresholdTerms + ["raised"])) AS stage FROM running),
      -- Per lead: total engagement, and the latest stage fired with the first time it fired.
      per_lead AS (
        SELECT lead, sum(weight) AS total,
               max(CASE WHEN stage IS NOT NULL THEN \(dialect.pair("stage", "-t")) END) AS best\(slaMoments)
        FROM fired GROUP BY lead)
      SELECT
        l.id,
        l.excluded,
        l.fit,
        \(clampE("coalesce(p.total, 0) * \(powerOf("floor((\(asOfDay) - l.created_day) / \(period))"))")) AS engagement,
        s.id AS stage,
        CASE WHEN p.best.first > l.start_stage THEN -p.best.second ELSE l.created END AS stage_reached_at\(slaScoreColumns)
      FROM scored_leads l
      LEFT JOIN per_lead p ON p.lead = l.lead
      JOIN stages s ON s.stage = CASE WHEN p.best.first > l.start_stage THEN p.best.first ELSE l.start_stage END
      """
    guard let sla else {
      return header + query + "\nORDER BY l.id;\n"
    }
    // The per-lead scoring rows are kept once; lead_sla carries them on with its own columns, so
    // the last SELECT reads lead_sla alone and no engine runs the event passes again.
    return header + dialect.temporaryTable("samepage_scores", query) + "\n\n"
      + (try slaStatements(sla, asOf: asOf)) + """
        SELECT \((Self.scoreColumns + Self.slaColumns).joined(separator: ", "))
        FROM lead_sla
        ORDER BY id;

        """
  }
}
