-- The benchmark's hand-written DuckDB query for the starter glossary (Glossary/ as bundled):
-- the per-lead results of `samepage score` (id, excluded, fit, engagement, stage,
-- stage_reached_at in epoch milliseconds) written the way one would write it for DuckDB alone,
-- with the glossary's numbers typed in. Scripts/benchmark-scoring.sh substitutes @LEADS@,
-- @EVENTS@ and @AS_OF_MS@ and requires it to agree with the core on every lead; it is the
-- yardstick for both the core (issue 14, goal 1) and export-sql (goal 2).
--
-- Stages: 0 subscriber, 1 lead, 2 mql, 3 sal, 4 sql, 5 opportunity, 6 customer, 7 evangelist, 8 other.
-- Engagement halves every 30 days of the lead's life: a running sum of points·2^period, read as
-- sum·2^-period, is exact in binary floating point.
SET TimeZone = 'UTC';
SET preserve_insertion_order = true;
WITH lead_rows AS (
  SELECT row_number() OVER () AS lead, id, email, created_at, domain, industry, employees, country, title, lead_type
  FROM read_csv('@LEADS@', header = true, all_varchar = true, quote = '"', escape = '"')),
leads AS (
  SELECT *,
    CASE WHEN regexp_full_match(upper(created_at), '\d{4}-\d{2}-\d{2}[T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d([.,]\d+)?)?(Z|[+-]([01]\d|2[0-3])(:?[0-5]\d)?)')
         THEN CAST(floor(epoch_us(TRY_CAST(replace(upper(created_at), ',', '.') AS TIMESTAMPTZ)) / 1000) AS BIGINT) END AS created,
    lower(trim(coalesce(email, ''), ' ' || chr(9))) AS mail,
    CASE lower(trim(coalesce(lead_type, ''), ' ' || chr(9)))
      WHEN '' THEN 1 WHEN 'new-business' THEN 1 WHEN 'service' THEN 1
      WHEN 'existing-customer' THEN 4 WHEN 'partner-referral' THEN 2 END AS start_stage
  FROM lead_rows),
firsts AS (
  SELECT *, CASE WHEN contains(mail, '@') THEN string_split(mail, '@')[-1] ELSE '' END AS email_domain
  FROM leads
  WHERE coalesce(id, '') <> '' AND created IS NOT NULL AND start_stage IS NOT NULL
  QUALIFY row_number() OVER (PARTITION BY id ORDER BY lead) = 1),
folded AS (
  SELECT *,
    replace(replace(lower(title), 'ı', 'i'), chr(775), '') AS title_f,
    replace(replace(lower(industry), 'ı', 'i'), chr(775), '') AS industry_f,
    replace(replace(lower(country), 'ı', 'i'), chr(775), '') AS country_f,
    CASE WHEN regexp_full_match(employees, '[ \t]*[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)[ \t]*')
         THEN TRY_CAST(trim(employees, ' ' || chr(9)) AS DOUBLE) END AS employee_count
  FROM firsts),
scored_leads AS (
  SELECT id, lead, created, CAST(floor(created / 86400000) AS BIGINT) AS created_day, start_stage,
    start_stage <> 4 AS scored,
    least(greatest(
        CASE WHEN coalesce(title, '') <> '' AND (contains(title_f, 'vp') OR contains(title_f, 'vice president')
             OR contains(title_f, 'director') OR contains(title_f, 'manager') OR contains(title_f, 'head of')) THEN 30 ELSE 0 END
      + CASE WHEN coalesce(industry, '') <> '' AND industry_f IN ('manufacturing', 'utilities', 'food and beverage', 'water treatment', 'chemicals') THEN 25 ELSE 0 END
      + CASE WHEN coalesce(employees, '') <> '' AND employee_count BETWEEN 50 AND 5000 THEN 25 ELSE 0 END
      + CASE WHEN coalesce(country, '') <> '' AND country_f IN ('us', 'ca') THEN 15 ELSE 0 END
      + CASE WHEN email_domain <> '' AND email_domain IN ('gmail.com', 'yahoo.com', 'hotmail.com', 'outlook.com') THEN -5 ELSE 0 END,
      0), 100) AS fit,
    CASE
      WHEN email_domain IN ('gmail.com', 'yahoo.com', 'hotmail.com', 'outlook.com') THEN 'personal-email'
      WHEN ends_with(mail, '.edu') THEN 'excluded-suffix'
      WHEN email_domain IN ('grainger.example', 'fastenal.example', 'motion-industries.example')
        OR lower(trim(coalesce(domain, ''), ' ' || chr(9))) IN ('grainger.example', 'fastenal.example', 'motion-industries.example') THEN 'competitor'
      WHEN upper(trim(coalesce(country, ''), ' ' || chr(9))) IN ('RU', 'BY', 'IR', 'KP', 'CU', 'SY') THEN 'country-not-served'
      ELSE '' END AS excluded
  FROM folded),
-- Events: one pass over the file. The type becomes a small code, the URL a bit mask of the
-- rules it matches: 1 product, 2 blog, 4 pricing, 8 contact, 16 quote page, 32 careers,
-- 64 form, 128 download, 256 webinar, 512 email click, 1024 unsubscribe.
event_rows AS (
  SELECT row_number() OVER () AS line, lead_id, lower(coalesce(url, '')) AS page,
    CASE WHEN type IN ('page_view', 'form_submission', 'content_download', 'webinar_attended', 'email_click', 'unsubscribe', 'demo_request', 'quote_request')
         THEN type ELSE lower(trim(type, ' ' || chr(9))) END AS kind,
    CASE WHEN regexp_full_match(upper(timestamp), '\d{4}-\d{2}-\d{2}[T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d([.,]\d+)?)?(Z|[+-]([01]\d|2[0-3])(:?[0-5]\d)?)')
         THEN CAST(floor(epoch_us(TRY_CAST(replace(upper(timestamp), ',', '.') AS TIMESTAMPTZ)) / 1000) AS BIGINT) END AS t
  FROM read_csv('@EVENTS@', header = true, all_varchar = true, quote = '"', escape = '"')),
lived AS (
  SELECT e.line, l.lead, e.t, l.fit, l.excluded = '' AND l.scored AS eligible,
    CAST(floor((floor(e.t / 86400000) - l.created_day) / 30) AS BIGINT) AS period,
    CASE WHEN NOT l.scored THEN 0
         WHEN e.kind = 'page_view' THEN
             CASE WHEN contains(e.page, '/products/') THEN 1 ELSE 0 END
           + CASE WHEN contains(e.page, '/blog/') THEN 2 ELSE 0 END
           + CASE WHEN contains(e.page, '/pricing') THEN 4 ELSE 0 END
           + CASE WHEN contains(e.page, '/contact') THEN 8 ELSE 0 END
           + CASE WHEN contains(e.page, '/request-quote') THEN 16 ELSE 0 END
           + CASE WHEN contains(e.page, '/careers') THEN 32 ELSE 0 END
         WHEN e.kind = 'form_submission' THEN 64 WHEN e.kind = 'content_download' THEN 128
         WHEN e.kind = 'webinar_attended' THEN 256 WHEN e.kind = 'email_click' THEN 512
         WHEN e.kind = 'unsubscribe' THEN 1024 ELSE 0 END AS mask,
    CASE WHEN l.excluded = '' AND l.scored AND e.kind IN ('demo_request', 'quote_request') AND l.fit >= 40 THEN 4 END AS raised
  FROM event_rows e JOIN scored_leads l ON l.id = e.lead_id AND e.t >= l.created
  WHERE e.kind IN ('page_view', 'form_submission', 'content_download', 'webinar_attended', 'email_click', 'unsubscribe', 'demo_request', 'quote_request')),
-- Pass 1: time order per lead. As-of is tested after the window: a filter on t before it would
-- be pushed down to the scan and parse every timestamp twice.
counted AS (
  SELECT * FROM lived
  QUALIFY t <= @AS_OF_MS@
      AND t >= coalesce(max(CASE WHEN t <= @AS_OF_MS@ THEN t END) OVER (PARTITION BY lead ORDER BY line ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), t)),
rules(bit, points, max_per_bucket, per) AS (VALUES
  (1, 5, 3, 'day'), (2, 1, 5, 'day'), (4, 10, 1, 'day'), (8, 15, 1, 'week'), (16, 20, 1, 'week'), (32, -10, 1, 'day'),
  (64, 30, 1, 'week'), (128, 15, 2, 'week'), (256, 40, 1, 'month'), (512, 3, 1, 'day'), (1024, -25, 1, 'ever')),
matched AS (
  SELECT c.*, r.bit, r.points, r.max_per_bucket,
    CASE r.per WHEN 'day' THEN floor(c.t / 86400000) WHEN 'week' THEN floor((floor(c.t / 86400000) + 3) / 7)
               WHEN 'month' THEN year(CAST(epoch_ms(c.t) AS DATE)) * 12 + month(CAST(epoch_ms(c.t) AS DATE)) - 1 ELSE 0 END AS bucket
  FROM counted c LEFT JOIN rules r ON (c.mask & r.bit) <> 0),
-- Pass 2: frequency caps.
weighted AS (
  SELECT line, lead, t, fit, eligible, period, raised,
    CASE WHEN bit IS NULL THEN 0.0
         WHEN row_number() OVER (PARTITION BY lead, bit, bucket ORDER BY line) <= max_per_bucket THEN points * power(0.5, -period)
         ELSE 0.0 END AS weight
  FROM matched),
-- Pass 3: the running sum, all of an event's matches at once.
fired AS (
  SELECT lead, t, weight,
    greatest(
      CASE WHEN eligible AND fit >= 40
            AND least(greatest(sum(weight) OVER (PARTITION BY lead ORDER BY line RANGE UNBOUNDED PRECEDING) * power(0.5, period), 0), 150) >= 50 THEN 2 END,
      CASE WHEN eligible AND fit >= 60
            AND least(greatest(sum(weight) OVER (PARTITION BY lead ORDER BY line RANGE UNBOUNDED PRECEDING) * power(0.5, period), 0), 150) >= 100 THEN 4 END,
      raised) AS stage
  FROM weighted),
per_lead AS (
  SELECT lead, sum(weight) AS total, max(CASE WHEN stage IS NOT NULL THEN {'stage': stage, 'negative_t': -t} END) AS best
  FROM fired GROUP BY lead)
SELECT l.id, l.excluded, l.fit,
  least(greatest(coalesce(p.total, 0) * power(0.5, floor((floor(@AS_OF_MS@ / 86400000) - l.created_day) / 30)), 0), 150) AS engagement,
  (['subscriber', 'lead', 'mql', 'sal', 'sql', 'opportunity', 'customer', 'evangelist', 'other'])[greatest(coalesce(p.best.stage, -1), l.start_stage) + 1] AS stage,
  CASE WHEN p.best.stage > l.start_stage THEN -p.best.negative_t ELSE l.created END AS stage_reached_at
FROM scored_leads l LEFT JOIN per_lead p ON p.lead = l.lead
ORDER BY l.id;
