#!/usr/bin/env python3
"""Differential test: the Swift scoring core and the exported SQL, run by DuckDB and by Spark
(PySpark in local mode), must give identical per-lead results on generated data, in every column
the SQL's result has, matched by column name so a column added to the SQL is compared without
editing this script: scoring (id, excluded, fit, engagement, stage, stage_reached_at) and, for
the engines in --sla-engines (the script exported with --activities), the SLA columns of
leads.csv (status, priority, clock_start, first_touch_due, first_touch_at, first_touch,
attempts, attempts_required, window_end, connected, exhausted, attempts_result; times to the
millisecond) and the SLA summary figures (the SQL's sla_summary against summary.json).

An engine run without the SLA leaves those columns uncompared (SWIFT_ONLY below); the script
fails when that set changes, so a new core column is either exported and compared or listed on
purpose.

Each numbered seed runs on its own calendar and SLA (VARIANTS below): the starter's; one whose
working hours hold a DST change inside the data's range (a day an hour longer in UTC) with
holidays in the range; one in the southern hemisphere whose working day crosses UTC midnight,
holds the spring-forward change and buckets MQLs by ISO week; and deadlines of zero and of
`never`, MQLs per quarter. The edge-case seed uses the starter's. One more export with
--calendar-from after the earliest lead must fail with the range error, not answer wrong.

Usage: differential-test.py [SAMEPAGE_BINARY] [--seeds 1,2,3,4] [--leads N] [--events M]
                            [--engines duckdb,spark] [--sla-engines duckdb,spark]
Needs the duckdb and pyspark packages from PyPI and a Java 17 runtime (Scripts/bootstrap).
"""
import argparse, csv, importlib.util, json, pathlib, subprocess, sys, tempfile
import duckdb

def script(name):
    """A script beside this one (its file name has a dash), as a module."""
    spec = importlib.util.spec_from_file_location(name.replace("-", "_"), pathlib.Path(__file__).with_name(f"{name}.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


run_spark = script("run-spark")
compare_leads = script("compare-leads")

parser = argparse.ArgumentParser()
parser.add_argument("binary", nargs="?", default=".build/debug/samepage")
parser.add_argument("--seeds", default="1,2,3,4")
parser.add_argument("--leads", type=int, default=3000)
parser.add_argument("--events", type=int, default=60000)
parser.add_argument("--engines", default="duckdb,spark")
# The engines whose script carries the SLA part (export-sql --activities).
parser.add_argument("--sla-engines", default="duckdb,spark")
args = parser.parse_args()
engines = args.engines.split(",")
sla_engines = set(args.sla_engines.split(",")) & set(engines)
spark = None
if "spark" in engines:
    spark = run_spark.session("local[2]", app="samepage-differential")
    spark.sparkContext.setLogLevel("ERROR")


def rows_from(engine, sql, with_summary=False):
    """(column names, rows, sla_summary rows or None) of the script's final SELECT in one engine."""
    if engine == "duckdb":
        connection = duckdb.connect()
        pieces = run_spark.statements(sql)
        for statement in pieces[:-1]:
            connection.execute(statement)
        result = connection.execute(pieces[-1])
        columns, rows = [column[0] for column in result.description], result.fetchall()
        summary = connection.execute("SELECT figure, subject, value FROM sla_summary").fetchall() if with_summary else None
        return columns, rows, summary
    frame = run_spark.run(spark, sql)
    columns, rows = frame.columns, [tuple(row) for row in frame.collect()]
    summary = [tuple(row) for row in spark.sql("SELECT figure, subject, value FROM sla_summary").collect()] \
        if with_summary else None
    return columns, rows, summary

as_of = "2026-11-20T17:00:00-06:00"

def run(*command):
    subprocess.run([args.binary, *command], check=True, stdout=subprocess.DEVNULL)

# leads.csv columns the SQL cannot produce: the SLA half, computed from activities in business time.
SLA_COLUMNS = set(compare_leads.SLA)

# Calendars and SLAs, by seed position: each changes the starter config's settings (Chicago,
# Monday to Friday 08:00-17:00, Thanksgiving; DST ends on Sunday 1 November, outside hours).
def starter(settings):
    pass

def dst_inside_working_hours(settings):
    # Every day 00:30-23:00 Chicago: 1 November 2026 (DST ends at 02:00) is an hour longer in UTC;
    # Labor Day, Columbus Day and Veterans Day are holidays inside the data's range.
    settings["calendar"] = {"timeZone": "America/Chicago", "workingDays": [1, 2, 3, 4, 5, 6, 7], "start": "00:30",
                            "end": "23:00", "holidays": ["2026-09-07", "2026-10-12", "2026-11-11", "2026-11-26"]}

def southern_hemisphere_weekly(settings):
    # Sydney, every day 01:00-23:30 (the working day crosses UTC midnight); DST starts at 02:00 on
    # 4 October 2026 (that day an hour shorter); Labour Day holiday; MQLs per ISO week.
    settings["calendar"] = {"timeZone": "Australia/Sydney", "workingDays": [1, 2, 3, 4, 5, 6, 7], "start": "01:00",
                            "end": "23:30", "holidays": ["2026-10-05", "2026-10-06"]}
    settings["sla"]["mqlVolume"] = {"per": "week", "quantity": 30}

def edge_deadlines(settings):
    # Deadlines of nothing (the opening itself) and a connect window no calendar reaches
    # (`never`, past the core's century of days), MQLs per quarter.
    settings["sla"]["acceptReject"] = {"amount": 0, "unit": "business_hours"}
    for clock in settings["sla"]["firstTouch"]:
        if clock["priority"] == "hand_raise":
            clock["within"] = {"amount": 0, "unit": "minutes"}
    settings["connectAttempts"]["window"] = {"amount": 1000000, "unit": "business_days"}
    settings["sla"]["mqlVolume"] = {"per": "quarter", "quantity": 500}

VARIANTS = [starter, dst_inside_working_hours, southern_hemisphere_weekly, edge_deadlines]

def write_edge_cases(folder):
    """Rows written to catch the engines out, beside the generated data: every timestamp shape the
    core accepts and several it refuses, numbers with spaces and without digits, case and Turkish
    i's, exclusions written oddly, a quoted title over two lines and a quoted email with quotes
    and @ inside (well-formed CSV: a malformed row stops the SQL engines, docs/SCALE.md), duplicate, empty and unknown ids
    and lead types, events out of order, before creation and after as-of, hand-raises, caps
    across day, ISO-week and month boundaries, and decay periods. The core is the oracle."""
    folder.mkdir(parents=True)
    header = "id,email,created_at,owner,company,domain,industry,employees,annual_revenue_usd,country,title,lead_type\n"
    shapes = ["2026-09-01T08:00:00Z", "2026-09-01t08:00:00z", "2026-09-01 08:00Z", "2026-09-01T08:00:00.5+05:45",
              "2026-09-01T08:00:00,123456-0330", "2026-09-01T08:00:07.999999+05", "2026-09-01T13:45:00-00:00",
              "2024-02-29T12:00:00Z"]
    refused = ["2026-02-29T08:00:00Z", "2026-09-01T24:00:00Z", "2026-09-01T08:00:60Z", "2026-09-01T08:00:00",
               "2026-13-01T08:00:00Z", "2026-09-01", "2026-09-01T08:00:00+24:00", "2026-9-01T08:00:00Z", "yesterday"]
    leads, events = [header], ["lead_id,type,timestamp,url\n"]
    titles = ["VP Operations", "Plant MANAGER", "head of purchasing", "\"Director,\nMaintenance\"", "Intern", ""]
    industries = ["Manufacturing", "CHEMİCALS", "utılıtıes", "UTILITIES", " water treatment", "food and beverage", "kimya"]
    employees = [" 50 ", "5.", ".5", "\"1,000\"", "nan", "5000", "5000.0001", "+120", "-3", "1e3", ""]
    emails = ["a@plant.example", "b@GMAIL.com", "c@school.EDU", "d@grainger.example", "\"e\"\"@x\"\"@plant.example\"",
              "no-at-sign", "f@plant.example"]
    countries = ["US", " ca", "ru ", "Us", "DE", ""]
    types = ["", "new-business", " Partner-Referral ", "existing-customer", "service", "unknown-type"]
    count = 0
    for index in range(240):
        lead = f"E{index}"
        created = shapes[index % len(shapes)] if index % 17 else refused[index % len(refused)]
        created = f'"{created}"' if "," in created else created
        leads.append(",".join([lead, emails[index % len(emails)], created, f"rep-{index % 3}", "co",
                               "Grainger.example" if index % 23 == 0 else "plant.example", industries[index % len(industries)],
                               employees[index % len(employees)], "", countries[index % len(countries)],
                               titles[index % len(titles)], types[index % len(types)]]) + "\n")
        count += 1
        if index % 31 == 0:  # the same id again: the first readable row counts
            leads.append(f"{lead},dup@plant.example,2026-08-01T00:00:00Z,rep-1,co,plant.example,chemicals,100,,US,VP,\n")
        for step in range(index % 40):
            day = 2 + (step * 3) % 80
            moment = f"2026-09-{1 + day % 30:02d}T{(step * 5) % 24:02d}:{step % 60:02d}:00Z" if day < 30 else \
                f"2026-{9 + day // 30:02d}-{1 + day % 30:02d}T{(step * 7) % 24:02d}:30:00.250+02:00"
            if step % 13 == 7:
                moment = refused[step % len(refused)]
            if step % 11 == 5:
                moment = "2026-08-15T00:00:00Z"  # out of order (or before creation)
            kind = ["page_view", " PAGE_VIEW", "form_submission", "content_download", "webinar_attended", "email_click",
                    "unsubscribe", "demo_request", "Quote_Request", "email_open", "page_view"][step % 11]
            url = ["https://k.example/products/a", "https://k.example/BLOG/x", "https://k.example/pricing",
                   "https://k.example/contact", "https://k.example/request-quote?x=1", "https://k.example/careers",
                   "", "https://k.example/products/b/blog/c"][step % 8]
            if index % 9 == 4:
                moment = shapes[step % len(shapes)].replace("2026-09-01", f"2026-10-{1 + step % 28:02d}")
            moment = f'"{moment}"' if "," in moment else moment
            events.append(f"{lead},{kind},{moment},{url}\n")
        if index % 19 == 0:
            events.append(f"{lead},page_view,2027-01-01T00:00:00Z,https://k.example/products/late\n")  # after as-of
            events.append(f"ghost-{index},page_view,2026-10-01T00:00:00Z,https://k.example/products/a\n")
    leads.append(",ghost@plant.example,2026-09-01T00:00:00Z,rep-1,co,plant.example,,,,US,,\n")  # no id
    (folder / "leads.csv").write_text("".join(leads))
    (folder / "events.csv").write_text("".join(events))
    (folder / "activities.csv").write_text("lead_id,rep,channel,disposition,timestamp\n")


TIMES = {"stage_reached_at"} | compare_leads.TIMES
INTEGERS = {"fit", "attempts", "attempts_required"}
BOOLEANS = {"connected", "exhausted"}

def same(name, swift_value, sql_value):
    """The core's CSV text against the SQL's typed value; empty text is NULL."""
    if swift_value == "":
        return sql_value is None or (sql_value == "" and name not in TIMES | INTEGERS)
    if sql_value is None:
        return False
    if name == "engagement":
        return abs(float(swift_value) - float(sql_value)) < 1e-6
    if name in TIMES:
        return (compare_leads.NEVER if swift_value == "never" else compare_leads.milliseconds(swift_value)) \
            == int(sql_value)
    if name in INTEGERS:
        return int(swift_value) == int(sql_value)
    if name in BOOLEANS:
        return swift_value == ("true" if sql_value else "false")
    return swift_value == str(sql_value)

def summary_figures(summary):
    """summary.json as sla_summary's rows: {(figure, subject): value}."""
    figures = {}
    for period in summary["mqlsPerPeriod"]:
        figures[("mqls", period["period"])] = period["mqls"]
        if period.get("commitment") is not None:
            figures[("mql_commitment", period["period"])] = period["commitment"]
            figures[("mql_commitment_met", period["period"])] = 1 if period["met"] else 0
    figures[("acceptance_due", "")] = summary["acceptanceDue"]
    figures[("acceptance_rate", "")] = summary.get("acceptanceRate")
    if summary.get("acceptanceTarget") is not None:
        figures[("acceptance_target", "")] = summary["acceptanceTarget"]
    figures[("median_first_touch_business_minutes", "")] = summary.get("medianFirstTouchBusinessMinutes")
    for result, count in summary["firstTouch"].items():
        figures[("first_touch", result)] = count
    for result, count in summary["attempts"].items():
        figures[("attempts", result)] = count
    names = {"leads": "rep_leads", "slaLeads": "rep_sla_leads", "firstTouchInTime": "rep_first_touch_in_time",
             "firstTouchBreached": "rep_first_touch_breached", "firstTouchPending": "rep_first_touch_pending",
             "windowsEnded": "rep_windows_ended", "attemptsCompliant": "rep_attempts_compliant"}
    for rep in summary["reps"]:
        for key, figure in names.items():
            figures[(figure, rep["rep"])] = rep[key]
    return figures

def same_figure(expected, got):
    if expected is None or got is None:
        return expected is None and got is None
    # The median and the rate are doubles: the engines may round the last bit differently.
    return abs(float(expected) - float(got)) <= 1e-9 * max(1.0, abs(float(expected)))

def compare(label, header, swift, columns, rows, swift_only):
    """The number of differences between the core's leads.csv and one engine's rows."""
    global compared
    failures = 0
    unknown = [name for name in columns if name not in header]
    if unknown or columns[:1] != ["id"]:
        print(f"{label}: the SQL's columns {columns} do not start with id or are not all in leads.csv "
              f"(not in leads.csv: {unknown})")
        return 1
    uncompared = set(header) - set(columns)
    if uncompared != swift_only:
        print(f"{label}: leads.csv columns without an SQL counterpart changed: "
              f"now {sorted(uncompared)}, listed {sorted(swift_only)}; export the new column or list it in SLA_COLUMNS")
        failures += 1
    got_rows = {row[0]: dict(zip(columns, row)) for row in rows}
    if len(got_rows) != len(rows):
        print(f"{label}: {len(rows) - len(got_rows)} ids appear more than once")
        failures += 1
    if set(got_rows) != set(swift):
        print(f"{label}: lead sets differ: {len(set(got_rows) ^ set(swift))} ids")
        failures += 1
    differing = {}
    for lead, expected in swift.items():
        got = got_rows.get(lead)
        compared += 1
        wrong = [name for name in columns[1:] if got is None or not same(name, expected[name], got[name])]
        if wrong:
            failures += 1
            for name in wrong:
                differing[name] = differing.get(name, 0) + 1
            if failures <= 10:
                print(f"{label} lead {lead}: " + ", ".join(
                    f"{name}: swift {expected[name]!r} sql {None if got is None else got[name]!r}" for name in wrong))
    if differing:
        print(f"{label}: differing leads by column: {dict(sorted(differing.items()))}")
    print(f"{label}: {len(swift)} leads, {len(columns) - 1} columns compared ({', '.join(columns[1:])}), "
          f"{failures} differences")
    return failures



def compare_summary(label, swift_figures, figures):
    """The number of summary figures that differ between summary.json and sla_summary."""
    sql_figures = {(figure, subject or ""): value for figure, subject, value in figures}
    wrong = sorted(key for key in set(swift_figures) | set(sql_figures)
                   if key not in swift_figures or key not in sql_figures
                   or not same_figure(swift_figures[key], sql_figures[key]))
    for key in wrong[:10]:
        print(f"{label} summary {key}: swift {swift_figures.get(key, 'absent')!r} sql {sql_figures.get(key, 'absent')!r}")
    print(f"{label}: {len(sql_figures)} summary figures compared, {len(wrong)} differences")
    return len(wrong)


def engine_error(engine):
    return duckdb.Error if engine == "duckdb" else Exception


failures = compared = 0
with tempfile.TemporaryDirectory() as scratch:
    scratch = pathlib.Path(scratch)
    starter_config = scratch / "config.json"
    run("emit-config", "--out", str(starter_config))
    for position, seed in enumerate(["edge"] + args.seeds.split(",")):
        variant = starter if seed == "edge" else VARIANTS[(position - 1) % len(VARIANTS)]
        settings = json.loads(starter_config.read_text())
        variant(settings)
        config = scratch / f"config-{seed}.json"
        config.write_text(json.dumps(settings))
        calendar = settings["calendar"]
        data = scratch / f"seed-{seed}"
        if seed == "edge":
            write_edge_cases(data)
        else:
            run("sample-data", "--config", str(config), "--leads", str(args.leads), "--events", str(args.events),
                "--seed", seed, "--out", str(data))
        # The edge cases skip more than 1% of their bytes on purpose.
        run("score", "--config", str(config), "--leads", str(data / "leads.csv"), "--events", str(data / "events.csv"),
            "--activities", str(data / "activities.csv"), "--as-of", as_of, "--out", str(data / "scores"),
            "--max-skipped-percent", "100", "--max-errors", "100000")
        with open(data / "scores" / "leads.csv", newline="") as handle:
            reader = csv.DictReader(handle)
            header = list(reader.fieldnames or [])
            swift = {row["id"]: row for row in reader}
        swift_figures = summary_figures(json.loads((data / "scores" / "summary.json").read_text()))
        inputs = [("csv", data / "leads.csv", data / "events.csv")]
        if seed == "edge":
            # Parquet with text columns, as DuckDB writes it from the CSV files.
            for name in ("leads", "events"):
                duckdb.execute(f"COPY (SELECT * FROM read_csv('{data / name}.csv', header = true, all_varchar = true, "
                               f"quote = '\"', escape = '\"')) TO '{data / name}.parquet' (FORMAT parquet)")
            inputs.append(("parquet", data / "leads.parquet", data / "events.parquet"))
        for engine in engines:
            for form, leads, events in inputs:
                with_sla = engine in sla_engines
                export = [args.binary, "export-sql", "--dialect", engine, "--config", str(config),
                          "--leads", str(leads), "--events", str(events), "--as-of", as_of]
                if with_sla:
                    export += ["--activities", str(data / "activities.csv")]
                    if form != "csv":
                        # The calendar's range is read from a CSV leads file; here it is told.
                        export += ["--calendar-from", "2024-01-01"]
                sql = subprocess.run(export, check=True, capture_output=True, text=True).stdout
                columns, rows, figures = rows_from(engine, sql, with_summary=with_sla)
                label = f"seed {seed} {engine} {form}{' with SLA' if with_sla else ''}"
                failures += compare(label, header, swift, columns, rows, set() if with_sla else SLA_COLUMNS)
                if with_sla:
                    failures += compare_summary(label, swift_figures, figures)
        counts = {}
        for value in swift.values():
            counts[value["first_touch"] or "-"] = counts.get(value["first_touch"] or "-", 0) + 1
        stages = {}
        for value in swift.values():
            stages[value["stage"]] = stages.get(value["stage"], 0) + 1
        print(f"seed {seed} ({variant.__name__}): {len(swift)} leads on {calendar['timeZone']} days "
              f"{calendar['workingDays']} {calendar['start']}-{calendar['end']}, stages {dict(sorted(stages.items()))}, "
              f"first touch {dict(sorted(counts.items()))}")
        if not swift or (seed != "edge" and not any(value["first_touch"] for value in swift.values())):
            # Two empty results agree; that proves nothing about the two implementations.
            print(f"seed {seed}: the Swift core scored no leads or started no SLA clock")
            failures += 1

    # A calendar table that starts after the earliest lead must stop the SQL, never answer wrong.
    data = scratch / f"seed-{args.seeds.split(',')[0]}"
    for engine in sorted(sla_engines):
        late = subprocess.run([args.binary, "export-sql", "--dialect", engine, "--config", str(starter_config),
                               "--leads", str(data / "leads.csv"), "--events", str(data / "events.csv"),
                               "--activities", str(data / "activities.csv"), "--as-of", as_of,
                               "--calendar-from", "2026-11-01"], check=True, capture_output=True, text=True).stdout
        try:
            rows_from(engine, late, with_summary=True)
            print(f"calendar range {engine}: a table starting 2026-11-01 gave results for leads created before it")
            failures += 1
        except engine_error(engine) as error:
            if "outside the calendar table's range" not in str(error):
                print(f"calendar range {engine}: unexpected error {str(error)[:500]}")
                failures += 1
            else:
                print(f"calendar range {engine}: a table that starts after the earliest lead stops the SQL with its error")
print(f"differential: {compared} lead results compared ({', '.join(engines)} against the core; SLA in "
      f"{', '.join(sorted(sla_engines)) or 'none'}), {failures} differences")
if compared == 0:
    print("differential: no leads were compared")
sys.exit(1 if failures or compared == 0 else 0)
