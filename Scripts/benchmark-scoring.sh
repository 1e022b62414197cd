#!/usr/bin/env bash
# The scoring benchmark: 200 000 leads, 10 000 000 events, 500 000 activities on this machine.
# Runs, on the same files and interleaved, the Swift core (samepage score, at 1 and 2 threads
# when it has --threads), the hand-written DuckDB query (Benchmarks/tuned-duckdb.sql) and the
# exported SQL on DuckDB without and with the SLA part (--activities), each at 1 and 2 threads,
# and the exported SQL with the SLA on Spark in local mode once (SPARK=0 skips it). Prints the
# median time and peak memory of each, the ratios, what the SLA part adds, and whether every
# engine gave the core's result for every lead (the SLA columns too); exits 1 when any differs.
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
as_of_ms=$(python3 -c "import datetime; print(int(datetime.datetime.fromisoformat('$as_of').timestamp() * 1000))")
mkdir -p "$data"
"$bin" emit-config --out "$data/config.json" >/dev/null
if [[ ! -s "$data/events.csv" ]]; then
  "$bin" sample-data --config "$data/config.json" --leads "$leads" --events "$events" --activities "$activities" --seed 1 --out "$data"
fi
"$bin" export-sql --dialect duckdb --config "$data/config.json" --leads "$PWD/$data/leads.csv" \
  --events "$PWD/$data/events.csv" --as-of "$as_of" --out "$data/exported-duckdb.sql"
for dialect in duckdb spark; do
  "$bin" export-sql --dialect "$dialect" --config "$data/config.json" --leads "$PWD/$data/leads.csv" \
    --events "$PWD/$data/events.csv" --activities "$PWD/$data/activities.csv" --as-of "$as_of" \
    --out "$data/exported-$dialect-sla.sql"
done
sed -e "s|@LEADS@|$PWD/$data/leads.csv|; s|@EVENTS@|$PWD/$data/events.csv|; s|@AS_OF_MS@|$as_of_ms|g" \
  Benchmarks/tuned-duckdb.sql >"$data/tuned-duckdb.sql"
echo "data: $(du -h "$data/events.csv" | cut -f1) of events, $(($(wc -l <"$data/leads.csv") - 1)) lead rows; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

core_threads=("")
if "$bin" score --help | grep -q -- --threads; then core_threads=(1 2); fi
declare -A times memory
measure() { # NAME COMMAND…: appends the run's seconds and peak kilobytes under NAME
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$data/time" "$@" >/dev/null 2>"$data/stderr" || { cat "$data/stderr" >&2; exit 1; }
  read -r seconds kilobytes <"$data/time"
  times[$name]+="$seconds "; memory[$name]+="$kilobytes "
  printf '  %-22s %7.2f s %7.0f MB\n' "$name" "$seconds" "$((kilobytes / 1024))"
}
for run in $(seq "$runs"); do
  echo "run $run:"
  for threads in "${core_threads[@]}"; do
    measure "core${threads:+ ($threads thread$([[ $threads == 1 ]] || echo s))}" "$bin" score --config "$data/config.json" \
      --leads "$data/leads.csv" --events "$data/events.csv" --activities "$data/activities.csv" --as-of "$as_of" \
      --out "$data/core" ${threads:+--threads "$threads"}
  done
  for threads in 1 2; do
    measure "tuned duckdb ($threads)" python3 Scripts/run-duckdb.py "$data/tuned-duckdb.sql" "$data/tuned-$threads.csv" --threads "$threads"
    measure "exported duckdb ($threads)" python3 Scripts/run-duckdb.py "$data/exported-duckdb.sql" "$data/exported-$threads.csv" --threads "$threads"
    measure "exported duckdb SLA ($threads)" python3 Scripts/run-duckdb.py "$data/exported-duckdb-sla.sql" \
      "$data/exported-sla-$threads.csv" --threads "$threads" --summary "$data/exported-sla-summary-$threads.csv"
  done
done
results=(tuned=$data/tuned-1.csv tuned-2=$data/tuned-2.csv exported=$data/exported-1.csv exported-2=$data/exported-2.csv
  exported-sla=$data/exported-sla-1.csv exported-sla-2=$data/exported-sla-2.csv)
if [[ "${SPARK:-1}" != 0 ]]; then
  echo "spark (once):"
  # Through spark-submit, as on a cluster, so the peak memory is the JVM's.
  spark_submit=$(python3 -c 'import os, pyspark; print(os.path.join(os.path.dirname(pyspark.__file__), "bin", "spark-submit"))')
  measure "spark SLA (local 2)" "$spark_submit" --master "local[2]" --driver-memory 4g Scripts/run-spark.py \
    "$data/exported-spark-sla.sql" "$data/spark" --summary "$data/spark-summary"
  results+=(spark=$data/spark)
fi

python3 - "$events" "$(declare -p times)" "$(declare -p memory)" <<'PY'
import re, statistics, sys
events = int(sys.argv[1])
# `declare -p` output: [name]="…" or ["name with spaces"]="…".
parse = lambda text: {k: [float(x) for x in v.split()] for _, k, v in re.findall(r'\[("?)([^\]]+?)\1\]="([^"]*)"', text)}
times, memory = parse(sys.argv[2]), parse(sys.argv[3])
median = {k: statistics.median(v) for k, v in times.items()}
print(f"\nmedians of {max(len(v) for v in times.values())} interleaved runs ({events / 1e6:g} M events):")
for name in sorted(times, key=lambda n: (not n.startswith("core"), n.startswith("spark"), n)):
    print(f"{name:24} {median[name]:7.2f} s  {events / median[name] / 1e6:5.2f} M events/s  peak {statistics.median(memory[name]) / 1024:6.0f} MB")
core = {n: t for n, t in median.items() if n.startswith("core")}
for threads in (1, 2):
    tuned = median.get(f"tuned duckdb ({threads})")
    mine = core.get(f"core ({threads} thread{'s' if threads > 1 else ''})")
    note = ""
    if mine is None and "core" in core:
        mine, note = core["core"], " (this core has no --threads: its one configuration)"
    if tuned and mine:
        print(f"core vs tuned duckdb, {threads} thread{'s' if threads > 1 else ''}: {tuned / mine:.2f}× (tuned time / core time){note}")
    exported = median.get(f"exported duckdb ({threads})")
    if tuned and exported:
        print(f"exported SQL vs tuned duckdb, {threads} thread{'s' if threads > 1 else ''}: {exported / tuned:.2f}× (exported time / tuned time)")
    with_sla = median.get(f"exported duckdb SLA ({threads})")
    if exported and with_sla:
        extra = statistics.median(memory[f"exported duckdb SLA ({threads})"]) - statistics.median(memory[f"exported duckdb ({threads})"])
        print(f"the SLA part, {threads} thread{'s' if threads > 1 else ''}: {with_sla - exported:+.2f} s "
              f"({(with_sla / exported - 1) * 100:+.0f} %), {extra / 1024:+.0f} MB")
spark, core_2 = median.get("spark SLA (local 2)"), core.get("core (2 threads)")
if spark and core_2:
    print(f"spark local[2] with the SLA vs core, 2 threads: {spark / core_2:.0f}× (spark time / core time)")
PY
python3 Scripts/compare-leads.py "$data/core/leads.csv" "${results[@]}"
