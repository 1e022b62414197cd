#!/usr/bin/env python3
"""Runs a script from `samepage export-sql --dialect spark` and writes its final SELECT.

Locally:     python3 Scripts/run-spark.py score.sql out/ [--master local[2]]
On a cluster: spark-submit --master yarn Scripts/run-spark.py score.sql hdfs:///scores/run-1/

The script's settings and views run first, then the query; its rows are written as CSV with a
header into OUT (a folder of part files, as Spark writes them; --format parquet for Parquet).
A script exported with --activities also leaves the SLA summary figures in sla_summary:
--summary SUMMARY_OUT writes those the same way. The paths inside the script are those the
cluster sees (export-sql --leads/--events/--activities).
"""
import argparse, sys, time


def statements(sql):
    """The script's statements, without comment-only pieces (they end with `;` and a newline)."""
    pieces = []
    for part in sql.split(";\n"):
        # Leading comments go: Spark reads `SET key = value` by pattern, comments included.
        lines = part.strip().splitlines()
        while lines and (lines[0].startswith("--") or not lines[0].strip()):
            lines.pop(0)
        if lines:
            pieces.append("\n".join(lines))
    return pieces


def run(spark, sql, timings=False):
    """Runs every statement but the last and returns the last one's DataFrame; with timings,
    prints how long each took (a CACHE TABLE computes its view then) to standard error."""
    pieces = statements(sql)
    for statement in pieces[:-1]:
        began = time.perf_counter()
        spark.sql(statement)
        if timings:
            first = statement.splitlines()[0]
            print(f"{time.perf_counter() - began:8.2f} s  {first[:90]}", file=sys.stderr)
    return spark.sql(pieces[-1].rstrip(";"))


def session(master=None, app="samepage-score", driver_memory=None):
    from pyspark.sql import SparkSession
    builder = SparkSession.builder.appName(app).config("spark.ui.showConsoleProgress", "false")
    if master:
        builder = builder.master(master)
    if driver_memory:
        # Only takes effect when this process starts the JVM (local mode, plain python).
        builder = builder.config("spark.driver.memory", driver_memory)
    return builder.getOrCreate()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("script")
    parser.add_argument("out")
    parser.add_argument("--master", help="e.g. local[2]; leave out under spark-submit")
    parser.add_argument("--driver-memory", help="e.g. 4g, in local mode (spark-submit takes --driver-memory itself)")
    parser.add_argument("--format", choices=["csv", "parquet"], default="csv")
    parser.add_argument("--single-file", action="store_true", help="one part file (small results only)")
    parser.add_argument("--summary", help="where to write sla_summary (a script exported with --activities)")
    parser.add_argument("--timings", action="store_true", help="print each statement's time to standard error")
    args = parser.parse_args()
    spark = session(args.master, driver_memory=args.driver_memory)
    spark.sparkContext.setLogLevel("WARN")
    start = time.perf_counter()
    result = run(spark, open(args.script).read(), timings=args.timings)
    outputs = [(result, args.out)]
    if args.summary:
        outputs.append((spark.table("sla_summary"), args.summary))
    for frame, path in outputs:
        if args.single_file:
            frame = frame.coalesce(1)
        writer = frame.write.mode("overwrite")
        if args.format == "csv":
            writer.option("header", "true").csv(path)
        else:
            writer.parquet(path)
    print(f"spark {spark.version}: {time.perf_counter() - start:.2f} s", file=sys.stderr)
    spark.stop()
