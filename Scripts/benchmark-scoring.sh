#!/usr/bin/env bash
# The scoring benchmark: 200 000 leads, 10 000 000 events, 500 000 activities on this machine.
# Runs the Swift core (samepage score) and DuckDB (the SQL from samepage export-sql, without and
# with the SLA part) on the same files, interleaved, and prints the median time, events per
# second and peak memory of each, and what the SLA part adds.
# Exits 1 when the two give different results for any lead.
# Usage: Scripts/benchmark-scoring.sh [RUNS] [LEADS] [EVENTS] [ACTIVITIES]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}; leads=${2:-200000}; events=${3:-10000000}; activities=${4:-500000}
Scripts/bootstrap
swift build -c release --product samepage >/dev/null
bin=.build/release/samepage
# The folder names the sample format, so files from an older sample-data are never reused.
data=.bench-data/v2-$leads-$events-$activities
as_of=2026-11-20T17:00:00-06:00
mkdir -p "$data"
"$bin" emit-config --out "$data/config.json" >/dev/null
if [[ ! -s "$data/events.csv" ]]; then
  "$bin" sample-data --config "$data/config.json" --leads "$leads" --events "$events" --activities "$activities" --seed 1 --out "$data"
fi
"$bin" export-sql --dialect duckdb --config "$data/config.json" --leads "$data/leads.csv" --events "$data/events.csv" \
  --as-of "$as_of" --out "$data/score.sql"
"$bin" export-sql --dialect duckdb --config "$data/config.json" --leads "$data/leads.csv" --events "$data/events.csv" \
  --activities "$data/activities.csv" --as-of "$as_of" --out "$data/score-sla.sql"
echo "data: $(du -h "$data/events.csv" | cut -f1) of events, $(wc -l < "$data/leads.csv") lines of leads"

swift_times=(); swift_memory=(); duck_times=(); duck_memory=(); sla_times=(); sla_memory=()
for run in $(seq "$runs"); do
  /usr/bin/time -f "%e %M" -o "$data/time" "$bin" score --config "$data/config.json" --leads "$data/leads.csv" \
    --events "$data/events.csv" --activities "$data/activities.csv" --as-of "$as_of" --out "$data/swift" >/dev/null
  read -r seconds kilobytes < "$data/time"; swift_times+=("$seconds"); swift_memory+=("$kilobytes")
  /usr/bin/time -f "%e %M" -o "$data/time" python3 Scripts/run-duckdb.py "$data/score.sql" "$data/duckdb.csv" 2>/dev/null
  read -r seconds kilobytes < "$data/time"; duck_times+=("$seconds"); duck_memory+=("$kilobytes")
  /usr/bin/time -f "%e %M" -o "$data/time" python3 Scripts/run-duckdb.py "$data/score-sla.sql" "$data/duckdb-sla.csv" \
    --summary "$data/duckdb-sla-summary.csv" 2>/dev/null
  read -r seconds kilobytes < "$data/time"; sla_times+=("$seconds"); sla_memory+=("$kilobytes")
  echo "run $run: swift ${swift_times[-1]} s ${swift_memory[-1]} KB, duckdb ${duck_times[-1]} s ${duck_memory[-1]} KB, duckdb with SLA ${sla_times[-1]} s ${sla_memory[-1]} KB"
done
python3 - "$events" "${swift_times[*]}" "${swift_memory[*]}" "${duck_times[*]}" "${duck_memory[*]}" "${sla_times[*]}" "${sla_memory[*]}" <<'PY'
import statistics, sys
events = int(sys.argv[1])
swift_t, swift_m, duck_t, duck_m, sla_t, sla_m = ([float(x) for x in arg.split()] for arg in sys.argv[2:8])
st, dt = statistics.median(swift_t), statistics.median(duck_t)
print(f"swift core : {st:6.2f} s  {events / st / 1e6:5.2f} M events/s  peak {statistics.median(swift_m) / 1024:7.0f} MB")
print(f"duckdb SQL : {dt:6.2f} s  {events / dt / 1e6:5.2f} M events/s  peak {statistics.median(duck_m) / 1024:7.0f} MB")
print(f"ratio (duckdb time / swift time): {dt / st:.2f}  (median of {len(swift_t)} interleaved runs)")
lt = statistics.median(sla_t)
print(f"duckdb SQL with SLA: {lt:6.2f} s  peak {statistics.median(sla_m) / 1024:7.0f} MB; the SLA part adds "
      f"{lt - dt:+.2f} s ({(lt / dt - 1) * 100:+.0f} %) and {(statistics.median(sla_m) - statistics.median(duck_m)) / 1024:+.0f} MB")
PY
python3 - "$data/swift/leads.csv" "$data/duckdb.csv" <<'PY'
import csv, datetime, sys
# Epoch milliseconds, exactly (the core writes `…:00.250Z`, the SQL epoch milliseconds).
epoch = lambda t: (datetime.datetime.fromisoformat(t.replace("Z", "+00:00")) - datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)) // datetime.timedelta(milliseconds=1)
swift = {r["id"]: (r["excluded"], r["fit"], float(r["engagement"]), r["stage"], epoch(r["stage_reached_at"])) for r in csv.DictReader(open(sys.argv[1]))}
duck = {r["id"]: (r["excluded"], r["fit"], float(r["engagement"]), r["stage"], int(r["stage_reached_at"])) for r in csv.DictReader(open(sys.argv[2]))}
same = sum(1 for k, v in swift.items() if k in duck and duck[k][:2] == v[:2] and abs(duck[k][2] - v[2]) < 1e-6 and duck[k][3:] == v[3:])
print(f"results: {same} of {len(swift)} leads identical in both")
# A benchmark of two implementations that disagree (or score nothing) measures nothing.
if not swift or same != len(swift) or set(duck) != set(swift):
    sys.exit(f"results differ: {len(swift) - same} of {len(swift)} leads, {len(set(duck) ^ set(swift))} ids in only one")
PY
python3 - "$data/swift/leads.csv" "$data/duckdb-sla.csv" <<'PY'
import csv, datetime, sys
# The SLA columns of the SQL with --activities against the core's (times as epoch milliseconds).
epoch = lambda t: t if t == "" else str(9223372036854775807 if t == "never" else (datetime.datetime.fromisoformat(t.replace("Z", "+00:00")) - datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)) // datetime.timedelta(milliseconds=1))
times = {"clock_start", "first_touch_due", "first_touch_at", "window_end"}
columns = ["status", "priority", "clock_start", "first_touch_due", "first_touch_at", "first_touch", "attempts",
           "attempts_required", "window_end", "connected", "exhausted", "attempts_result"]
swift = {r["id"]: [epoch(r[c]) if c in times else r[c] for c in columns] for r in csv.DictReader(open(sys.argv[1]))}
duck = {r["id"]: [r[c] for c in columns] for r in csv.DictReader(open(sys.argv[2]))}
same = sum(1 for k, v in swift.items() if duck.get(k) == v)
print(f"SLA results: {same} of {len(swift)} leads identical in both")
if not swift or same != len(swift) or set(duck) != set(swift):
    sys.exit(f"SLA results differ: {len(swift) - same} of {len(swift)} leads")
PY
