#!/usr/bin/env python3
"""Differential test: the Swift scoring core and the exported DuckDB SQL must give identical
per-lead results on generated data, in every column of the core's leads.csv (scoring: id,
excluded, fit, engagement, stage, stage_reached_at; SLA: status, priority, clock_start,
first_touch_due, first_touch_at, first_touch, attempts, attempts_required, window_end,
connected, exhausted, attempts_result; times to the millisecond), matched by column name, and
identical SLA summary figures (the SQL's sla_summary against summary.json).

Each seed runs on its own calendar and SLA (VARIANTS below): the starter's; one whose working
hours hold a DST change inside the data's range (a day an hour longer in UTC) with holidays in
the range; one in the southern hemisphere whose working day crosses UTC midnight, holds the
spring-forward change and buckets MQLs by ISO week; and deadlines of zero and of `never`. One more export with --calendar-from after
the earliest lead must fail with the range error, not answer wrong.

When pyspark is importable and `export-sql --dialect spark` exists, the Spark SQL is run too and
must match (run_spark below); otherwise the script says it skipped Spark.

Usage: differential-test.py [SAMEPAGE_BINARY] [--seeds 1,2,3,4] [--leads N] [--events M]
Needs the duckdb package from PyPI.
"""
import argparse, csv, datetime, importlib.util, json, pathlib, re, subprocess, sys, tempfile
import duckdb

parser = argparse.ArgumentParser()
parser.add_argument("binary", nargs="?", default=".build/debug/samepage")
parser.add_argument("--seeds", default="1,2,3,4")
parser.add_argument("--leads", type=int, default=3000)
parser.add_argument("--events", type=int, default=60000)
args = parser.parse_args()
as_of = "2026-11-20T17:00:00-06:00"
NEVER = 9223372036854775807

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

def run(*command):
    subprocess.run([args.binary, *command], check=True, stdout=subprocess.DEVNULL)

def epoch_ms(text):
    """Epoch milliseconds of the core's UTC timestamps (`…:00Z` or `…:00.250Z`), exactly."""
    moment = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return (moment - datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)) // datetime.timedelta(milliseconds=1)

TIMES = {"stage_reached_at", "clock_start", "first_touch_due", "first_touch_at", "window_end"}
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
        return (NEVER if swift_value == "never" else epoch_ms(swift_value)) == int(sql_value)
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

def statements_of(sql):
    return [s for s in sql.split(";\n") if s.strip() and not all(l.startswith("--") or not l.strip() for l in s.splitlines())]

def run_duckdb(sql):
    connection = duckdb.connect()
    statements = statements_of(sql)
    for statement in statements[:-1]:
        connection.execute(statement)
    result = connection.execute(statements[-1])
    columns = [column[0] for column in result.description]
    rows = result.fetchall()
    summary = connection.execute("SELECT figure, subject, value FROM sla_summary").fetchall()
    return columns, rows, summary

def spark_available():
    if importlib.util.find_spec("pyspark") is None:
        return "pyspark is not installed"
    probe = subprocess.run([args.binary, "export-sql", "--help"], capture_output=True, text=True).stdout
    values = re.search(r"--dialect <dialect>.*\(values: ([^;)]*)", probe)
    return None if values and "spark" in values.group(1).split(", ") else "export-sql has no spark dialect"

def run_spark(sql, session):
    """The hook for Spark (goal 3's dialect): the same statements, the last one collected. Untested
    until a samepage with `--dialect spark` and pyspark meet on one machine."""
    statements = statements_of(sql)
    for statement in statements[:-1]:
        session.sql(statement)
    frame = session.sql(statements[-1])
    rows = [tuple(row) for row in frame.collect()]
    summary = [tuple(row) for row in session.sql("SELECT figure, subject, value FROM sla_summary").collect()]
    return list(frame.columns), rows, summary

failures = compared = 0
spark_skipped = spark_available()
spark = None
if spark_skipped is None:
    from pyspark.sql import SparkSession
    spark = SparkSession.builder.master("local[2]").config("spark.sql.session.timeZone", "UTC").getOrCreate()
else:
    print(f"spark: skipped ({spark_skipped})")

with tempfile.TemporaryDirectory() as scratch:
    scratch = pathlib.Path(scratch)
    starter_config = scratch / "config.json"
    run("emit-config", "--out", str(starter_config))
    for position, seed in enumerate(args.seeds.split(",")):
        variant = VARIANTS[position % len(VARIANTS)]
        settings = json.loads(starter_config.read_text())
        variant(settings)
        config = scratch / f"config-{seed}.json"
        config.write_text(json.dumps(settings))
        calendar = settings["calendar"]
        data = scratch / f"seed-{seed}"
        run("sample-data", "--config", str(config), "--leads", str(args.leads), "--events", str(args.events),
            "--seed", seed, "--out", str(data))
        run("score", "--config", str(config), "--leads", str(data / "leads.csv"), "--events", str(data / "events.csv"),
            "--activities", str(data / "activities.csv"), "--as-of", as_of, "--out", str(data / "scores"))
        with open(data / "scores" / "leads.csv", newline="") as handle:
            reader = csv.DictReader(handle)
            header = list(reader.fieldnames or [])
            swift = {row["id"]: row for row in reader}
        swift_figures = summary_figures(json.loads((data / "scores" / "summary.json").read_text()))
        export = ["export-sql", "--config", str(config), "--leads", str(data / "leads.csv"),
                  "--events", str(data / "events.csv"), "--activities", str(data / "activities.csv"), "--as-of", as_of]
        engines = [("duckdb", run_duckdb(subprocess.run([args.binary, *export, "--dialect", "duckdb"], check=True,
                                                           capture_output=True, text=True).stdout))]
        if spark is not None:
            engines.append(("spark", run_spark(subprocess.run([args.binary, *export, "--dialect", "spark"], check=True,
                                                                capture_output=True, text=True).stdout, spark)))
        for engine, (columns, rows, figures) in engines:
            label = f"seed {seed} {engine}"
            if columns != header:
                print(f"{label}: the SQL's columns {columns} are not leads.csv's {header}")
                failures += 1
                continue
            got = {row[0]: dict(zip(columns, row)) for row in rows}
            if set(got) != set(swift):
                print(f"{label}: lead sets differ: {len(set(got) ^ set(swift))} ids")
                failures += 1
            differing = {}
            for lead, expected in swift.items():
                row = got.get(lead)
                compared += 1
                wrong = [name for name in columns[1:] if row is None or not same(name, expected[name], row[name])]
                if wrong:
                    failures += 1
                    for name in wrong:
                        differing[name] = differing.get(name, 0) + 1
                    if failures <= 10:
                        print(f"{label} lead {lead}: " + ", ".join(
                            f"{name}: swift {expected[name]!r} sql {None if row is None else row[name]!r}" for name in wrong))
            if differing:
                print(f"{label}: differing leads by column: {dict(sorted(differing.items()))}")
            sql_figures = {(figure, subject or ""): value for figure, subject, value in figures}
            wrong_figures = sorted(key for key in set(swift_figures) | set(sql_figures)
                                   if key not in swift_figures or key not in sql_figures
                                   or not same_figure(swift_figures[key], sql_figures[key]))
            for key in wrong_figures[:10]:
                print(f"{label} summary {key}: swift {swift_figures.get(key, 'absent')!r} sql {sql_figures.get(key, 'absent')!r}")
            failures += len(wrong_figures)
            counts = {}
            for value in swift.values():
                counts[value["first_touch"] or "-"] = counts.get(value["first_touch"] or "-", 0) + 1
            print(f"{label} ({variant.__name__}): {len(swift)} leads on {calendar['timeZone']} days {calendar['workingDays']} "
                  f"{calendar['start']}-{calendar['end']}, {len(columns) - 1} columns and {len(sql_figures)} summary "
                  f"figures compared, first touch {dict(sorted(counts.items()))}")
        if not swift or not any(value["first_touch"] for value in swift.values()):
            # Two empty results agree; that proves nothing about the two implementations.
            print(f"seed {seed}: the Swift core scored no leads or started no SLA clock")
            failures += 1

    # A calendar table that starts after the earliest lead must stop the SQL, never answer wrong.
    data = scratch / f"seed-{args.seeds.split(',')[0]}"
    late = subprocess.run([args.binary, "export-sql", "--config", str(starter_config), "--leads", str(data / "leads.csv"),
                           "--events", str(data / "events.csv"), "--activities", str(data / "activities.csv"),
                           "--as-of", as_of, "--calendar-from", "2026-11-01"], check=True, capture_output=True, text=True).stdout
    try:
        run_duckdb(late)
        print("calendar range: a table starting 2026-11-01 gave results for leads created before it")
        failures += 1
    except duckdb.Error as error:
        if "outside the calendar table's range" not in str(error):
            print(f"calendar range: unexpected error {error}")
            failures += 1
        else:
            print("calendar range: a table that starts after the earliest lead stops the SQL with its error")
if spark is not None:
    spark.stop()
print(f"differential: {compared} leads compared, {failures} differences")
if compared == 0:
    print("differential: no leads were compared")
sys.exit(1 if failures or compared == 0 else 0)
