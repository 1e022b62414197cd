#!/usr/bin/env python3
"""Runs the SLA statements of a script from `export-sql --dialect duckdb --activities` on Spark in
local mode and requires the same lead_sla and sla_summary as DuckDB.

A bridge until `export-sql --dialect spark` exists (then Scripts/differential-test.py runs the
whole Spark script against the core): DuckDB runs the scoring statements and hands their tables
(scored_leads, accepted, firings, hand_raises) to Spark as Parquet; the SLA statements are
turned into Spark SQL by rewriting what the Dialect members would write for Spark
(temporaryTable, median, fail; reading the activities and their timestamps, and trim).

Usage: spark-sla-check.py SCRIPT.sql WORK_DIR   (needs pyspark, Java 17+, duckdb)
"""
import re, sys, duckdb, pathlib
script = open(sys.argv[1]).read()
work = pathlib.Path(sys.argv[2]); work.mkdir(exist_ok=True)
def statements(sql):
    return [s for s in sql.split(";\n") if s.strip() and not all(l.startswith("--") or not l.strip() for l in s.splitlines())]
all_statements = statements(script)
first_sla = next(i for i, s in enumerate(all_statements) if "TEMP TABLE business_calendar" in s)
last_sla = next(i for i, s in enumerate(all_statements) if "TEMP TABLE sla_summary" in s)
duck = duckdb.connect()
for s in all_statements[:-1]:
    duck.execute(s)
for table in ["scored_leads", "accepted", "firings", "hand_raises"]:
    duck.execute(f"COPY {table} TO '{work}/{table}.parquet' (FORMAT PARQUET)")
duck_sla = sorted(tuple(r) for r in duck.execute("SELECT * EXCLUDE (touch_minutes) FROM lead_sla").fetchall())
duck_summary = {(f, s): v for f, s, v in duck.execute("SELECT * FROM sla_summary").fetchall()}

def to_spark(s):
    s = re.sub(r"CREATE OR REPLACE TEMP TABLE (\w+) AS", r"CREATE OR REPLACE TEMPORARY VIEW \1 AS", s)
    s = s.replace("median(touch_minutes)", "percentile(touch_minutes, 0.5)")
    s = re.sub(r"\berror\(", "raise_error(", s)
    s = re.sub(r"read_csv\('([^']*)'[^)]*\)", "activities_csv", s)
    s = re.sub(r"trim\(([^,()]*(?:\([^()]*\))?[^,()]*), ' ' \|\| chr\(9\)\)", r"trim(BOTH ' \\t' FROM \1)", s)
    s = re.sub(r"CASE WHEN regexp_full_match\(upper\(timestamp\).*? END AS t", "CAST(floor(unix_micros(CAST(timestamp AS TIMESTAMP)) / 1000) AS BIGINT) AS t", s, flags=re.S)
    return s
from pyspark.sql import SparkSession
spark = SparkSession.builder.master("local[2]").config("spark.sql.session.timeZone", "UTC").config("spark.ui.enabled", "false").getOrCreate()
spark.sparkContext.setLogLevel("ERROR")
for table in ["scored_leads", "accepted", "firings", "hand_raises"]:
    spark.read.parquet(f"{work}/{table}.parquet").createOrReplaceTempView(table)
activities = re.search(r"read_csv\('([^']*activities[^']*)'", script).group(1)
spark.read.option("header", True).csv(activities).createOrReplaceTempView("activities_csv")
for s in all_statements[first_sla:last_sla + 1]:
    converted = to_spark(s)
    spark.sql(converted)
spark_sla = sorted(tuple(r) for r in spark.sql("SELECT * FROM lead_sla").drop("touch_minutes").collect())
spark_summary = {(r[0], r[1]): r[2] for r in spark.sql("SELECT * FROM sla_summary").collect()}
same_leads = sum(1 for a, b in zip(duck_sla, spark_sla) if a == b)
print(f"lead_sla: {same_leads} of {len(duck_sla)} rows identical (spark {len(spark_sla)} rows)")
wrong = [k for k in set(duck_summary) | set(spark_summary)
         if (duck_summary.get(k) is None) != (spark_summary.get(k) is None)
         or (duck_summary.get(k) is not None and abs(float(duck_summary[k]) - float(spark_summary[k])) > 1e-9)]
print(f"sla_summary: {len(duck_summary)} figures, {len(wrong)} differ {sorted(wrong)[:5]}")
for a, b in list((a, b) for a, b in zip(duck_sla, spark_sla) if a != b)[:3]:
    print("duck ", a); print("spark", b)
