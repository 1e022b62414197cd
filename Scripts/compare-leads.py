#!/usr/bin/env python3
"""Compares per-lead results: the core's leads.csv against CSV files of SQL results (id, excluded,
fit, engagement, stage, stage_reached_at in epoch milliseconds). Prints "all N leads identical"
or the differences, and exits 1 on any.

Usage: compare-leads.py CORE_LEADS.csv NAME=SQL_RESULT.csv [NAME=…]
"""
import csv, datetime, glob, os, sys

epoch = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


def milliseconds(text):
    # Exactly: the core writes `…:00Z` or `…:00.250Z`.
    return (datetime.datetime.fromisoformat(text.replace("Z", "+00:00")) - epoch) // datetime.timedelta(milliseconds=1)


def rows(path):
    # A folder is Spark's output: part files, each with a header.
    files = sorted(glob.glob(os.path.join(path, "part-*"))) if os.path.isdir(path) else [path]
    for name in files:
        with open(name, newline="") as handle:
            yield from csv.DictReader(handle)


core = {r["id"]: (r["excluded"], int(r["fit"]), float(r["engagement"]), r["stage"], milliseconds(r["stage_reached_at"]))
        for r in rows(sys.argv[1])}
failed = not core
for argument in sys.argv[2:]:
    name, path = argument.split("=", 1)
    other = {}
    for r in rows(path):
        if r["id"] in other:
            failed = True
            print(f"{name}: lead {r['id']} appears twice")
        other[r["id"]] = ((r["excluded"] or ""), int(r["fit"]), float(r["engagement"]), r["stage"], int(r["stage_reached_at"]))
    same = sum(1 for k, v in core.items() if k in other and other[k][:2] == v[:2]
               and abs(other[k][2] - v[2]) < 1e-6 and other[k][3:] == v[3:])
    extra = len(set(other) - set(core))
    if same == len(core) and not extra:
        print(f"{name}: all {same} leads identical to the core")
    else:
        failed = True
        wrong = [k for k, v in core.items() if k not in other or other[k] != v][:5]
        print(f"{name}: {len(core) - same} of {len(core)} leads differ, {extra} ids only in {name}; e.g. "
              + "; ".join(f"{k}: core {core[k]} {name} {other.get(k)}" for k in wrong))
sys.exit(1 if failed else 0)
