#!/usr/bin/env python3
"""Compares per-lead results: the core's leads.csv against CSV files of SQL results (id, excluded,
fit, engagement, stage, stage_reached_at in epoch milliseconds; from a script exported with
--activities also the SLA columns, times in epoch milliseconds). Prints "all N leads identical"
or the differences, and exits 1 on any.

Usage: compare-leads.py CORE_LEADS.csv NAME=SQL_RESULT.csv [NAME=…]
The differential test imports its SLA column list and time conversion.
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


# The SLA columns of leads.csv; the core writes times as UTC timestamps or `never`, which the
# SQL writes as NEVER (Int64.max).
NEVER = 9223372036854775807
SLA = ["status", "priority", "clock_start", "first_touch_due", "first_touch_at", "first_touch", "attempts",
       "attempts_required", "window_end", "connected", "exhausted", "attempts_result"]
TIMES = {"clock_start", "first_touch_due", "first_touch_at", "window_end"}


def sla_values(row, from_core):
    def value(column):
        text = row[column] or ""
        if from_core and column in TIMES and text:
            return str(NEVER if text == "never" else milliseconds(text))
        return text.lower() if column in ("connected", "exhausted") else text
    return tuple(value(column) for column in SLA)


def scores(row):
    return (row["excluded"] or ""), int(row["fit"]), float(row["engagement"]), row["stage"]


def main(core_path, results):
    core_rows = {r["id"]: r for r in rows(core_path)}
    core = {k: scores(r) + (milliseconds(r["stage_reached_at"]),) for k, r in core_rows.items()}
    failed = not core
    for argument in results:
        name, path = argument.split("=", 1)
        other, other_sla = {}, {}
        for r in rows(path):
            if r["id"] in other:
                failed = True
                print(f"{name}: lead {r['id']} appears twice")
            other[r["id"]] = scores(r) + (int(r["stage_reached_at"]),)
            if "status" in r:
                other_sla[r["id"]] = sla_values(r, from_core=False)

        def scores_match(k):
            mine, theirs = core[k], other.get(k)
            return theirs is not None and theirs[:2] == mine[:2] and abs(theirs[2] - mine[2]) < 1e-6 \
                and theirs[3:] == mine[3:]

        # A result with the SLA columns is identical only when those are too.
        wrong_sla = [k for k in core if other_sla and other_sla.get(k) != sla_values(core_rows[k], from_core=True)]
        if wrong_sla:
            print(f"{name}: SLA columns differ for {len(wrong_sla)} leads; e.g. " + "; ".join(
                f"{k}: core {sla_values(core_rows[k], True)} {name} {other_sla.get(k)}" for k in wrong_sla[:3]))
        same = sum(1 for k in core if scores_match(k)) - sum(1 for k in set(wrong_sla) if scores_match(k))
        extra = len(set(other) - set(core))
        if same == len(core) and not extra:
            print(f"{name}: all {same} leads identical to the core{' (the SLA columns too)' if other_sla else ''}")
        else:
            failed = True
            wrong = [k for k in core if not scores_match(k)][:5]
            print(f"{name}: {len(core) - same} of {len(core)} leads differ, {extra} ids only in {name}; e.g. "
                  + "; ".join(f"{k}: core {core[k]} {name} {other.get(k)}" for k in wrong))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
