import Foundation

/// SQL that computes, from the same CSV files, what the Swift core computes per lead: exclusion,
/// fit, engagement at as-of, lifecycle stage and when it was reached, and with the activities
/// the SLA (docs/SCORING.md, "The SLA in SQL"; SLAExport.swift). It is the differential test's
/// oracle and the path for teams that outgrow one machine.
public struct SQLExport {
  /// The functions that differ between engines. DuckDB today; Spark SQL is a second instance.
  public struct Dialect: Sendable {
    public var name: String
    /// A relation reading a CSV file with a header, all columns as text.
    public var readCSV: @Sendable (_ path: String) -> String
    /// Epoch milliseconds (truncated) of an ISO 8601 timestamp with offset, from a text column;
    /// NULL for text the core's parser refuses (docs/SCORING.md, Inputs).
    public var epochMilliseconds: @Sendable (_ column: String) -> String
    /// Whether a text column holds a decimal number as the core reads it.
    public var isDecimal: @Sendable (_ column: String) -> String
    /// The text without surrounding spaces and tabs.
    public var trimmed: @Sendable (_ column: String) -> String
    /// The last part of `text` after `separator`.
    public var lastPart: @Sendable (_ text: String, _ separator: String) -> String
    /// Whether `text` contains `fragment`.
    public var contains: @Sendable (_ text: String, _ fragment: String) -> String
    /// A row number in file order.
    public var fileOrder: String
    /// Statements to run first.
    public var preamble: String

    public static let duckdb = Dialect(
      name: "duckdb",
      readCSV: { "read_csv(\(quote($0)), header = true, all_varchar = true, delim = ',', quote = '\"')" },
      epochMilliseconds: {
        // The shapes the core accepts (no leap second, hours 00–23, offset hours 00–23); the
        // cast then refuses days that do not exist, and the fraction is cut to milliseconds.
        let shape =
          #"\d{4}-\d{2}-\d{2}[T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d([.,]\d+)?)?(Z|[+-]([01]\d|2[0-3])(:?[0-5]\d)?)"#
        return
          "CASE WHEN regexp_full_match(upper(\($0)), '\(shape)') THEN CAST(floor(epoch_us(TRY_CAST(replace(upper(\($0)), ',', '.') AS TIMESTAMPTZ)) / 1000) AS BIGINT) END"
      },
      isDecimal: { "regexp_full_match(\($0), '[ \t]*[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)[ \t]*')" },
      trimmed: { "trim(\($0), ' ' || chr(9))" },
      lastPart: { "string_split(\($0), \(quote($1)))[-1]" },
      contains: { "contains(\($0), \($1))" },
      fileOrder: "row_number() OVER ()",
      preamble: "SET TimeZone = 'UTC';\nSET preserve_insertion_order = true;\n")
  }

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

  func list(_ values: [String]) -> String {
    values.isEmpty ? "(NULL)" : "(" + values.map(Self.quote).joined(separator: ", ") + ")"
  }

  /// The whole script; its last statement selects one row per lead, ordered by id:
  /// `id, excluded, fit, engagement, stage, stage_reached_at` (epoch milliseconds), and with
  /// `sla` the SLA columns of leads.csv after them, the summary figures left in `sla_summary`.
  public func script(leads: String, events: String, asOf: Int64, sla: SLAInputs? = nil) throws -> String {
    let compiled = try CompiledConfig(config)
    let stages = config.lifecycle.stages.map(\.id)
    let factor = compiled.decayFactor
    let period = max(compiled.decayPeriodDays, 1)
    let decays = compiled.decayPeriodDays > 0 && factor != 1

    // Attribute expressions over the leads relation `l`.
    func attribute(_ id: String) -> String {
      id == "email_domain" ? "l.email_domain" : "l.\(id)"
    }
    var fitTerms: [String] = []
    for rule in config.fit.rules {
      guard let id = rule.attribute, let declared = config.attributes.first(where: { $0.id == id }) else {
        continue
      }
      let value = attribute(id)
      var condition: String
      if declared.type == "number" {
        let number = "TRY_CAST(\(dialect.trimmed(value)) AS DOUBLE)"
        var parts = [dialect.isDecimal(value)]
        if let low = rule.atLeast { parts.append("\(number) >= \(Self.number(low))") }
        if let high = rule.atMost { parts.append("\(number) <= \(Self.number(high))") }
        condition = parts.joined(separator: " AND ")
      } else {
        var alternatives: [String] = []
        // As the core folds text (FieldValue.text): lowercase, then Turkish's i's as one.
        let folded = "replace(replace(lower(\(value)), 'ı', 'i'), chr(775), '')"
        if !rule.anyOf.isEmpty {
          alternatives.append("\(folded) IN \(list(rule.anyOf.map(FieldValue.text)))")
        }
        alternatives += rule.containsAny.map { dialect.contains(folded, Self.quote(FieldValue.text($0))) }
        condition = alternatives.isEmpty ? "FALSE" : "(" + alternatives.joined(separator: " OR ") + ")"
      }
      fitTerms.append(
        "CASE WHEN coalesce(\(value), '') <> '' AND \(condition) THEN \(rule.points) ELSE 0 END")
    }
    func clamp(_ expression: String, floor: Int?, cap: Int?) -> String {
      var result = expression
      if let cap { result = "least(\(result), \(cap))" }
      if let floor { result = "greatest(\(result), \(floor))" }
      return result
    }
    let fit = clamp(
      "(" + (fitTerms.isEmpty ? "0" : fitTerms.joined(separator: "\n      + ")) + ")",
      floor: config.fit.floor, cap: config.fit.cap)
    let exclusion = """
      CASE
          WHEN l.email_domain IN \(list(config.exclusions.emailDomains)) THEN 'personal-email'
          WHEN \(config.exclusions.emailSuffixes.isEmpty ? "FALSE" : config.exclusions.emailSuffixes.map { "ends_with(l.email_lower, \(Self.quote($0)))" }.joined(separator: " OR ")) THEN 'excluded-suffix'
          WHEN l.email_domain IN \(list(config.exclusions.competitorDomains)) OR lower(\(dialect.trimmed("coalesce(l.domain, '')"))) IN \(list(config.exclusions.competitorDomains)) THEN 'competitor'
          WHEN upper(\(dialect.trimmed("coalesce(l.country, '')"))) IN \(list(config.exclusions.countries)) THEN 'country-not-served'
          ELSE '' END
      """
    let defaultType = config.leadTypes.first(where: \.isDefault).map { FieldValue.key($0.id) } ?? ""
    let typeRows = config.leadTypes.map { type in
      "(\(Self.quote(FieldValue.key(type.id))), \(type.scored ? "TRUE" : "FALSE"), \(compiled.startStage(for: type)))"
    }
    let ruleRows = compiled.engagementRules.enumerated().map { index, rule -> String in
      let bucket: String
      switch rule.bucket {
      case .day: bucket = "'day'"
      case .week: bucket = "'week'"
      case .month: bucket = "'month'"
      case .ever: bucket = "'ever'"
      }
      return
        "(\(index), \(Self.quote(FieldValue.key(config.engagement.rules[index].event ?? ""))), \(Self.number(rule.points)), \(rule.maxPerBucket), \(bucket))"
    }
    let patternRows = compiled.engagementRules.enumerated().flatMap { index, rule in
      rule.urlPatterns.map { "(\(index), \(Self.quote(String(decoding: $0, as: UTF8.self))))" }
    }
    let thresholdRows = compiled.thresholds.map { threshold in
      "(\(threshold.stage), \(threshold.fit.map(String.init) ?? "NULL"), \(threshold.engagement.map(String.init) ?? "NULL"))"
    }
    let raiseRows = config.handRaises.compactMap { raise -> String? in
      guard let stage = stages.firstIndex(of: raise.stage) else { return nil }
      return "(\(Self.quote(FieldValue.key(raise.event))), \(stage), \(raise.minimumFit))"
    }
    let stageRows = stages.enumerated().map { "(\($0.offset), \(Self.quote($0.element)))" }
    let clampE = { (expression: String) in
      clamp(expression, floor: self.config.engagement.floor, cap: self.config.engagement.cap)
    }
    let asOfDay = CivilDate.floorDiv(asOf, 86_400_000)
    let powerOf = { (exponent: String) in decays ? "power(\(Self.number(factor)), \(exponent))" : "1.0" }

    return """
      -- Generated by samepage export-sql --dialect \(dialect.name) from glossary \(config.glossaryVersion) (\(config.glossaryHash)).
      -- Computes per lead what samepage score computes (docs/SCORING.md): exclusion, fit, engagement at
      -- as-of \(Timestamp.format(asOf)), lifecycle stage and when it was reached.
      \(dialect.preamble)
      CREATE OR REPLACE TEMP TABLE lead_types(id VARCHAR, scored BOOLEAN, start_stage INTEGER);
      \(typeRows.isEmpty ? "" : "INSERT INTO lead_types VALUES " + typeRows.joined(separator: ", ") + ";")
      CREATE OR REPLACE TEMP TABLE rules(rule INTEGER, event VARCHAR, points DOUBLE, max_per_bucket INTEGER, bucket VARCHAR);
      \(ruleRows.isEmpty ? "" : "INSERT INTO rules VALUES " + ruleRows.joined(separator: ", ") + ";")
      CREATE OR REPLACE TEMP TABLE rule_patterns(rule INTEGER, pattern VARCHAR);
      \(patternRows.isEmpty ? "" : "INSERT INTO rule_patterns VALUES " + patternRows.joined(separator: ", ") + ";")
      CREATE OR REPLACE TEMP TABLE thresholds(stage INTEGER, fit INTEGER, engagement INTEGER);
      \(thresholdRows.isEmpty ? "" : "INSERT INTO thresholds VALUES " + thresholdRows.joined(separator: ", ") + ";")
      CREATE OR REPLACE TEMP TABLE hand_raises(event VARCHAR, stage INTEGER, minimum_fit INTEGER);
      \(raiseRows.isEmpty ? "" : "INSERT INTO hand_raises VALUES " + raiseRows.joined(separator: ", ") + ";")
      CREATE OR REPLACE TEMP TABLE stages(stage INTEGER, id VARCHAR);
      INSERT INTO stages VALUES \(stageRows.joined(separator: ", "));

      -- Leads: the first readable row of each id (a non-empty id, a real created_at, a known or
      -- empty lead type); fit and exclusion do not change over time.
      CREATE OR REPLACE TEMP TABLE scored_leads AS
      WITH raw AS (
        SELECT *, \(dialect.fileOrder) AS line, \(dialect.epochMilliseconds("created_at")) AS created_ms,
               lower(\(dialect.trimmed("coalesce(email, '')"))) AS email_lower,
               coalesce(nullif(lower(\(dialect.trimmed("coalesce(lead_type, '')"))), ''), \(Self.quote(defaultType))) AS type_key
        FROM \(dialect.readCSV(leads))),
      readable AS (
        SELECT r.*, CASE WHEN contains(r.email_lower, '@') THEN \(dialect.lastPart("r.email_lower", "@")) ELSE '' END AS email_domain
        FROM raw r
        WHERE coalesce(r.id, '') <> '' AND r.created_ms IS NOT NULL AND r.type_key IN (SELECT id FROM lead_types)),
      firsts AS (SELECT * FROM readable QUALIFY row_number() OVER (PARTITION BY id ORDER BY line) = 1)
      SELECT
        l.id,
        l.created_ms AS created,
        CAST(floor(l.created_ms / 86400000) AS BIGINT) AS created_day,
        \(fit) AS fit,
        \(exclusion) AS excluded,
        t.scored,
        t.start_stage,
        coalesce(l.owner, '') AS owner,
        t.id AS lead_type
      FROM firsts l
      JOIN lead_types t ON t.id = l.type_key;

      -- Events that count: declared types, within the lead's life up to as-of, and in time order
      -- for their lead (not earlier than an earlier line of the same lead).
      CREATE OR REPLACE TEMP TABLE accepted AS
      WITH raw AS (SELECT *, \(dialect.fileOrder) AS line FROM \(dialect.readCSV(events))),
      typed AS (
        SELECT r.line, r.lead_id, lower(\(dialect.trimmed("r.type"))) AS type, lower(coalesce(r.url, '')) AS url,
               \(dialect.epochMilliseconds("r.timestamp")) AS t, l.created, l.created_day, l.scored
        FROM raw r JOIN scored_leads l ON l.id = r.lead_id
        WHERE lower(\(dialect.trimmed("r.type"))) IN \(list(config.events.map(FieldValue.key)))),
      lived AS (SELECT * FROM typed WHERE t IS NOT NULL AND t >= created AND t <= \(asOf)),
      ordered AS (
        SELECT *, max(t) OVER (PARTITION BY lead_id ORDER BY line ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS previous
        FROM lived)
      SELECT line, lead_id, type, url, t, scored,
             CAST(floor((floor(t / 86400000) - created_day) / \(period)) AS BIGINT) AS period
      FROM ordered WHERE previous IS NULL OR t >= previous;

      -- Rule matches, the first N of each frequency bucket counted.
      CREATE OR REPLACE TEMP TABLE counted AS
      WITH matches AS (
        SELECT a.line, a.lead_id, a.t, a.period, r.rule, r.points, r.max_per_bucket,
          CASE r.bucket
            WHEN 'day' THEN floor(a.t / 86400000)
            WHEN 'week' THEN floor((floor(a.t / 86400000) + 3) / 7)
            WHEN 'month' THEN year(CAST(epoch_ms(a.t) AS DATE)) * 12 + month(CAST(epoch_ms(a.t) AS DATE)) - 1
            ELSE 0 END AS bucket
        FROM accepted a JOIN rules r ON r.event = a.type
        WHERE a.scored
          AND (NOT EXISTS (SELECT 1 FROM rule_patterns p WHERE p.rule = r.rule)
               OR EXISTS (SELECT 1 FROM rule_patterns p WHERE p.rule = r.rule AND \(dialect.contains("a.url", "p.pattern")))))
      SELECT line, lead_id, points * \(powerOf("-period")) AS weight
      FROM matches
      QUALIFY row_number() OVER (PARTITION BY lead_id, rule, bucket ORDER BY line) <= max_per_bucket;

      -- Engagement after each accepted event: Σ points·f^(period_event − period_match), as a
      -- running sum scaled by f^period (exact for halving decay).
      CREATE OR REPLACE TEMP TABLE engagement AS
      WITH per_event AS (
        SELECT a.line, a.lead_id, a.type, a.t, a.period, coalesce(sum(c.weight), 0) AS weight
        FROM accepted a LEFT JOIN counted c ON c.line = a.line
        GROUP BY a.line, a.lead_id, a.type, a.t, a.period)
      SELECT line, lead_id, type, t, period,
             sum(weight) OVER (PARTITION BY lead_id ORDER BY line ROWS UNBOUNDED PRECEDING) AS running
      FROM per_event;

      -- Stages fired by thresholds and hand-raises, at the first event that satisfies them.
      CREATE OR REPLACE TEMP TABLE firings AS
      SELECT e.lead_id, h.stage, min(e.t) AS t
      FROM engagement e JOIN scored_leads l ON l.id = e.lead_id CROSS JOIN thresholds h
      WHERE l.excluded = '' AND l.scored
        AND (h.fit IS NULL OR l.fit >= h.fit)
        AND (h.engagement IS NULL OR \(clampE("e.running * \(powerOf("e.period"))")) >= h.engagement)
      GROUP BY e.lead_id, h.stage
      UNION ALL
      SELECT e.lead_id, r.stage, min(e.t) AS t
      FROM engagement e JOIN scored_leads l ON l.id = e.lead_id JOIN hand_raises r ON r.event = e.type
      WHERE l.excluded = '' AND l.scored AND l.fit >= r.minimum_fit
      GROUP BY e.lead_id, r.stage;

      \(try sla.map { try slaStatements($0, asOf: asOf) } ?? "")
      WITH totals AS (SELECT lead_id, max(running) AS running_last FROM (
               SELECT lead_id, running, row_number() OVER (PARTITION BY lead_id ORDER BY line DESC) AS n FROM engagement) WHERE n = 1
             GROUP BY lead_id),
      best AS (SELECT lead_id, max(stage) AS stage FROM firings GROUP BY lead_id),
      reached AS (SELECT f.lead_id, f.stage, min(f.t) AS t FROM firings f JOIN best b ON b.lead_id = f.lead_id AND b.stage = f.stage GROUP BY f.lead_id, f.stage)
      SELECT
        l.id,
        l.excluded,
        l.fit,
        \(clampE("coalesce(t.running_last, 0) * \(powerOf("floor((\(asOfDay) - l.created_day) / \(period))"))")) AS engagement,
        s.id AS stage,
        CASE WHEN r.stage IS NOT NULL AND r.stage > l.start_stage THEN r.t ELSE l.created END AS stage_reached_at\(sla == nil ? "" : Self.slaColumns.map { ",\n  sla.\($0)" }.joined())
      FROM scored_leads l\(sla == nil ? "" : "\nJOIN lead_sla sla ON sla.id = l.id")
      LEFT JOIN totals t ON t.lead_id = l.id
      LEFT JOIN reached r ON r.lead_id = l.id
      JOIN stages s ON s.stage = CASE WHEN r.stage IS NOT NULL AND r.stage > l.start_stage THEN r.stage ELSE l.start_stage END
      ORDER BY l.id;

      """
  }
}
