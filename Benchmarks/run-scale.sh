#!/usr/bin/env bash
# How far one machine goes, and the Spark engine beside the built-in one (docs/operations.md, "Resource use").
#
#   Benchmarks/run-scale.sh                          # built-in engine at 10 and 50 million order lines
#   LINES="100000000" Benchmarks/run-scale.sh         # one size (needs ~20 GB of disk for the export)
#   SPARK_LINES="1000000 5000000" Benchmarks/run-scale.sh   # also --engine spark, master local[2]
#                                                            # (spark.driver.memory: $SPARK_DRIVER_MEMORY, default 8g)
#
# Generates `scorecard sample --lines N --skus 20000 --weeks 104` once per size into Benchmarks/.cache/ (ignored
# by git), then times whole builds (read, every figure, every page, validation, publishing) with
# /usr/bin/time -v: wall time, CPU time, peak resident memory, and peak memory per million order lines.
set -euo pipefail
cd "$(dirname "$0")/.."
LINES=${LINES:-"10000000 50000000"}
SPARK_LINES=${SPARK_LINES:-""}
SKUS=${SKUS:-20000}
SPARK_DRIVER_MEMORY=${SPARK_DRIVER_MEMORY:-8g}
cache=Benchmarks/.cache
mkdir -p "$cache"
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }

swift build -c release --product scorecard 2>&1 | tail -1
bin=$(swift build -c release --show-bin-path)/scorecard

measure() { # /usr/bin/time -v log → "wall cpu peak-MiB"
  python3 - "$1" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
def get(label):
    m = re.search(re.escape(label) + r":\s*(.+)", t)
    return m.group(1).strip() if m else "0"
secs = 0.0
for part in get("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":"):
    secs = secs * 60 + float(part)
cpu = float(get("User time (seconds)")) + float(get("System time (seconds)"))
print(f"{secs:.1f} {cpu:.1f} {int(get('Maximum resident set size (kbytes)')) / 1024:.0f}")
PY
}

export_of() { # lines → cached export folder
  local data="$cache/lines-$1-v3"
  if [ ! -f "$data/.complete" ]; then
    rm -rf "$data"
    "$bin" sample --out "$data" --lines "$1" --skus "$SKUS" --weeks 104
    touch "$data/.complete"
  fi
  echo "$data"
}

printf '\n| engine | lines | CSV MB | wall s | CPU s | peak MiB | MiB per million lines |\n|---|---:|---:|---:|---:|---:|---:|\n'
run() { # engine lines
  local engine=$1 lines=$2 data work
  data=$(export_of "$lines")
  work=$(mktemp -d)
  local extra=()
  if [ "$engine" = spark ]; then
    # local[2] runs the executors inside the driver's JVM, whose default heap (1 GiB) is too small past a few
    # hundred thousand lines: give it SPARK_DRIVER_MEMORY (spark.driver.memory, as a cluster user would).
    printf 'engine: spark\nspark:\n  master: "local[2]"\n  conf: {spark.driver.memory: %s}\n' "$SPARK_DRIVER_MEMORY" > "$work/scorecard.yml"
    extra=(--config "$work/scorecard.yml")
  fi
  /usr/bin/time -v "$bin" build --data "$data" --out "$work/site" --base-url https://example.invalid/ "${extra[@]}" \
    2> "$work/time" >/dev/null || { tail -20 "$work/time" >&2; exit 1; }
  read -r wall cpu rss < <(measure "$work/time")
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$engine" "$lines" "$(du -sm --exclude=.complete "$data" | cut -f1)" \
    "$wall" "$cpu" "$rss" "$(python3 -c "print(round($rss / ($lines / 1e6)))")"
  rm -rf "$work"
}
for lines in $LINES; do run builtin "$lines"; done
for lines in $SPARK_LINES; do run builtin "$lines"; run spark "$lines"; done
printf '\nmachine: %s cores, %s; %s\n' "$(nproc)" "$(free -g | awk '/Mem:/{print $2 " GiB"}')" "$(swift --version 2>&1 | head -1)"
