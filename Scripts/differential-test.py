#!/usr/bin/env python3
"""Differential test: the Swift scoring core and the exported SQL, run by DuckDB and by Spark
(PySpark in local mode), must give identical per-lead results on generated data, in every column the SQL's result has (today id, excluded,
fit, engagement, stage, stage_reached_at to the millisecond), matched by column name so a column added to the SQL
is compared without editing this script.

The other columns of the core's leads.csv are the SLA half (SWIFT_ONLY below): they need the
activities file and the business calendar (working hours, holidays, time-zone changes), which
the exported SQL does not read, so the SQL cannot produce them. The script fails when that set
changes, so a new core column is either exported and compared or listed here on purpose.

Usage: differential-test.py [SAMEPAGE_BINARY] [--seeds 1,2,3] [--leads N] [--events M] [--engines duckdb,spark]
Needs the duckdb and pyspark packages from PyPI and a Java 17 runtime (Scripts/bootstrap).
"""
import argparse, csv, datetime, importlib.util, pathlib, subprocess, sys, tempfile
import duckdb

spark_runner = importlib.util.spec_from_file_location("run_spark", pathlib.Path(__file__).with_name("run-spark.py"))
run_spark = importlib.util.module_from_spec(spark_runner)
spark_runner.loader.exec_module(run_spark)

parser = argparse.ArgumentParser()
parser.add_argument("binary", nargs="?", default=".build/debug/samepage")
parser.add_argument("--seeds", default="1,2,3")
parser.add_argument("--leads", type=int, default=3000)
parser.add_argument("--events", type=int, default=60000)
parser.add_argument("--engines", default="duckdb,spark")
args = parser.parse_args()
engines = args.engines.split(",")
spark = None
if "spark" in engines:
    spark = run_spark.session("local[2]", app="samepage-differential")
    spark.sparkContext.setLogLevel("ERROR")


def rows_from(engine, sql):
    """(column names, rows) of the script's final SELECT in one engine."""
    if engine == "duckdb":
        connection = duckdb.connect()
        pieces = run_spark.statements(sql)
        for statement in pieces[:-1]:
            connection.execute(statement)
        result = connection.execute(pieces[-1])
        return [column[0] for column in result.description], result.fetchall()
    frame = run_spark.run(spark, sql)
    return frame.columns, [tuple(row) for row in frame.collect()]

as_of = "2026-11-20T17:00:00-06:00"

def run(*command):
    subprocess.run([args.binary, *command], check=True, stdout=subprocess.DEVNULL)

# leads.csv columns the SQL cannot produce: the SLA half, computed from activities in business time.
SWIFT_ONLY = {"status", "priority", "clock_start", "first_touch_due", "first_touch_at", "first_touch",
              "attempts", "attempts_required", "window_end", "connected", "exhausted", "attempts_result"}

def epoch_ms(text):
    """Epoch milliseconds of the core's UTC timestamps (`…:00Z` or `…:00.250Z`), exactly."""
    moment = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return (moment - datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)) // datetime.timedelta(milliseconds=1)


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


def same(name, swift_value, sql_value):
    if name == "engagement":
        return sql_value is not None and abs(float(swift_value) - float(sql_value)) < 1e-6
    if name == "stage_reached_at":
        return sql_value is not None and epoch_ms(swift_value) == int(sql_value)
    if name == "fit":
        return sql_value is not None and int(swift_value) == int(sql_value)
    return swift_value == ("" if sql_value is None else str(sql_value))


def compare(label, header, swift, columns, rows):
    """The number of differences between the core's leads.csv and one engine's rows."""
    global compared
    failures = 0
    unknown = [name for name in columns if name not in header]
    if unknown or columns[:1] != ["id"]:
        print(f"{label}: the SQL's columns {columns} do not start with id or are not all in leads.csv "
              f"(not in leads.csv: {unknown})")
        return 1
    uncompared = set(header) - set(columns)
    if uncompared != SWIFT_ONLY:
        print(f"{label}: leads.csv columns without an SQL counterpart changed: "
              f"now {sorted(uncompared)}, listed {sorted(SWIFT_ONLY)}; export the new column or list it in SWIFT_ONLY")
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


failures = compared = 0
with tempfile.TemporaryDirectory() as scratch:
    scratch = pathlib.Path(scratch)
    config = scratch / "config.json"
    run("emit-config", "--out", str(config))
    for seed in ["edge"] + args.seeds.split(","):
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
        inputs = [("csv", data / "leads.csv", data / "events.csv")]
        if seed == "edge":
            # Parquet with text columns, as DuckDB writes it from the CSV files.
            for name in ("leads", "events"):
                duckdb.execute(f"COPY (SELECT * FROM read_csv('{data / name}.csv', header = true, all_varchar = true, "
                               f"quote = '\"', escape = '\"')) TO '{data / name}.parquet' (FORMAT parquet)")
            inputs.append(("parquet", data / "leads.parquet", data / "events.parquet"))
        for engine in engines:
            for form, leads, events in inputs:
                sql = subprocess.run([args.binary, "export-sql", "--dialect", engine, "--config", str(config),
                                      "--leads", str(leads), "--events", str(events),
                                      "--as-of", as_of], check=True, capture_output=True, text=True).stdout
                columns, rows = rows_from(engine, sql)
                failures += compare(f"seed {seed} {engine} {form}", header, swift, columns, rows)
        stages = {}
        for value in swift.values():
            stages[value["stage"]] = stages.get(value["stage"], 0) + 1
        print(f"seed {seed}: {len(swift)} leads, stages {dict(sorted(stages.items()))}")
        if not swift:
            # Two empty results agree; that proves nothing about the two implementations.
            print(f"seed {seed}: the Swift core scored no leads")
            failures += 1
print(f"differential: {compared} lead results compared ({', '.join(engines)} against the core), {failures} differences")
if compared == 0:
    print("differential: no leads were compared")
sys.exit(1 if failures or compared == 0 else 0)
