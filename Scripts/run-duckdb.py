#!/usr/bin/env python3
"""Runs a script from samepage export-sql in DuckDB and writes its final SELECT as CSV.

Usage: run-duckdb.py SCRIPT.sql OUT.csv [--threads N] [--summary SUMMARY.csv]

--summary also writes the SLA summary figures (the sla_summary table a script exported with
--activities leaves) as CSV.
"""
import sys, time
import duckdb

script, out = sys.argv[1], sys.argv[2]
threads = int(sys.argv[sys.argv.index("--threads") + 1]) if "--threads" in sys.argv else None
summary = sys.argv[sys.argv.index("--summary") + 1] if "--summary" in sys.argv else None
sql = open(script).read()
statements = [s for s in sql.split(";\n") if s.strip() and not all(l.startswith("--") or not l.strip() for l in s.splitlines())]
connection = duckdb.connect()
if threads:
    connection.execute(f"SET threads = {threads}")
start = time.perf_counter()
for statement in statements[:-1]:
    connection.execute(statement)
connection.execute(f"COPY ({statements[-1].rstrip().rstrip(';')}) TO '{out}' (HEADER, DELIMITER ',')")
if summary:
    connection.execute(f"COPY (SELECT * FROM sla_summary ORDER BY figure, subject) TO '{summary}' (HEADER, DELIMITER ',')")
print(f"duckdb {duckdb.__version__}: {time.perf_counter() - start:.2f} s", file=sys.stderr)
