#!/usr/bin/env python3
"""Differential test: the Swift scoring core and the exported DuckDB SQL must give identical
per-lead results (exclusion, fit, engagement, stage, stage_reached_at) on generated data.

Usage: differential-test.py [SAMEPAGE_BINARY] [--seeds 1,2,3] [--leads N] [--events M]
Needs the duckdb package from PyPI.
"""
import argparse, csv, datetime, pathlib, subprocess, sys, tempfile
import duckdb

parser = argparse.ArgumentParser()
parser.add_argument("binary", nargs="?", default=".build/debug/samepage")
parser.add_argument("--seeds", default="1,2,3")
parser.add_argument("--leads", type=int, default=3000)
parser.add_argument("--events", type=int, default=60000)
args = parser.parse_args()
as_of = "2026-11-20T17:00:00-06:00"

def run(*command):
    subprocess.run([args.binary, *command], check=True, stdout=subprocess.DEVNULL)

def epoch(text):
    return int(datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp())

failures = compared = 0
with tempfile.TemporaryDirectory() as scratch:
    scratch = pathlib.Path(scratch)
    config = scratch / "config.json"
    run("emit-config", "--out", str(config))
    for seed in args.seeds.split(","):
        data = scratch / f"seed-{seed}"
        run("sample-data", "--config", str(config), "--leads", str(args.leads), "--events", str(args.events),
            "--seed", seed, "--out", str(data))
        run("score", "--config", str(config), "--leads", str(data / "leads.csv"), "--events", str(data / "events.csv"),
            "--activities", str(data / "activities.csv"), "--as-of", as_of, "--out", str(data / "scores"))
        swift = {}
        with open(data / "scores" / "leads.csv", newline="") as handle:
            for row in csv.DictReader(handle):
                swift[row["id"]] = (row["excluded"], int(row["fit"]), float(row["engagement"]), row["stage"],
                                    epoch(row["stage_reached_at"]))
        sql = subprocess.run([args.binary, "export-sql", "--dialect", "duckdb", "--config", str(config),
                              "--leads", str(data / "leads.csv"), "--events", str(data / "events.csv"),
                              "--as-of", as_of], check=True, capture_output=True, text=True).stdout
        connection = duckdb.connect()
        statements = [s for s in sql.split(";\n") if s.strip() and not all(l.startswith("--") or not l.strip() for l in s.splitlines())]
        for statement in statements[:-1]:
            connection.execute(statement)
        rows = connection.execute(statements[-1]).fetchall()
        duck = {row[0]: (row[1], int(row[2]), float(row[3]), row[4], int(row[5])) for row in rows}
        if set(duck) != set(swift):
            print(f"seed {seed}: lead sets differ: {len(set(duck) ^ set(swift))} ids")
            failures += 1
        for lead, expected in swift.items():
            got = duck.get(lead)
            compared += 1
            same = got is not None and got[0] == expected[0] and got[1] == expected[1] \
                and abs(got[2] - expected[2]) < 1e-6 and got[3] == expected[3] and got[4] == expected[4]
            if not same:
                failures += 1
                if failures <= 10:
                    print(f"seed {seed} lead {lead}: swift {expected} duckdb {got}")
        stages = {}
        for value in swift.values():
            stages[value[3]] = stages.get(value[3], 0) + 1
        print(f"seed {seed}: {len(swift)} leads, stages {dict(sorted(stages.items()))}")
        if not swift:
            # Two empty results agree; that proves nothing about the two implementations.
            print(f"seed {seed}: the Swift core scored no leads")
            failures += 1
print(f"differential: {compared} leads compared, {failures} differences")
if compared == 0:
    print("differential: no leads were compared")
sys.exit(1 if failures or compared == 0 else 0)
