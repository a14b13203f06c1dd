#!/usr/bin/env bash
# Full-build benchmark: `scorecard build` against DuckDB computing the same figures (docs/figures.md) from the same
# CSV exports, side by side on this machine. Prints wall time, CPU time, peak RSS and throughput for each,
# the ratio, and checks that both give the same figures (Tests/Reference/compare.py).
#
#   Benchmarks/run.sh                     # 1, 5 and 10 million order lines
#   LINES="1000000" Benchmarks/run.sh     # one size
#
# Generated exports are cached in Benchmarks/.cache/ (ignored by git) between runs.
#
# Then the same build with segments (a region of the order lines, about 6 values, and a brand of the
# products, about 20, both written by the generator): its time and peak memory against the plain build's
# (the goal: at most 2 × the time and 1.5 × the memory).
set -euo pipefail
cd "$(dirname "$0")/.."
LINES=${LINES:-"1000000 5000000 10000000"}
SKUS=${SKUS:-20000}
cache=Benchmarks/.cache
mkdir -p "$cache"

command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
python3 -c 'import duckdb' 2>/dev/null || python3 -m pip install -q duckdb

swift build -c release --product scorecard 2>&1 | tail -1
bin=$(swift build -c release --show-bin-path)/scorecard

# Reads /usr/bin/time -v output: wall seconds, cpu seconds, peak RSS MiB.
measure() {
  local log=$1
  python3 - "$log" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
def get(label):
    m = re.search(re.escape(label) + r":\s*(.+)", t)
    return m.group(1).strip() if m else "0"
wall = get("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")
secs = 0.0
for part in wall:
    secs = secs * 60 + float(part)
cpu = float(get("User time (seconds)")) + float(get("System time (seconds)"))
rss = int(get("Maximum resident set size (kbytes)")) / 1024
print(f"{secs:.2f} {cpu:.2f} {rss:.0f}")
PY
}

printf '\n| lines | CSV MB | scorecard s (cpu s) | scorecard MiB | DuckDB s (cpu s) | DuckDB MiB | ratio | scorecard MB/s | figures |\n'
printf '|---:|---:|---:|---:|---:|---:|---:|---:|---|\n'
for lines in $LINES; do
  # v3: the generator writes region and brand columns, and a region on inventory (a storage location per region).
  data="$cache/lines-$lines-v3"
  if [ ! -f "$data/.complete" ]; then
    rm -rf "$data"
    "$bin" sample --out "$data" --lines "$lines" --skus "$SKUS" --weeks 104
    touch "$data/.complete"
  fi
  mb=$(du -sm --exclude=.complete "$data" | cut -f1)
  work=$(mktemp -d)
  /usr/bin/time -v "$bin" build --data "$data" --out "$work/site" --base-url https://example.invalid/ \
    2> "$work/scorecard.time" >/dev/null || { cat "$work/scorecard.time" >&2; exit 1; }
  read -r s_wall s_cpu s_rss < <(measure "$work/scorecard.time")
  /usr/bin/time -v python3 Tests/Reference/kpis_duckdb.py "$data" > "$work/duckdb.json" 2> "$work/duckdb.time" \
    || { cat "$work/duckdb.time" >&2; exit 1; }
  read -r d_wall d_cpu d_rss < <(measure "$work/duckdb.time")
  if python3 Tests/Reference/compare.py "$work/site/data/kpis.json" "$work/duckdb.json" > "$work/compare.txt"; then
    figures="equal ($(tail -1 "$work/compare.txt"))"
  else
    figures="DIFFER ($(tail -1 "$work/compare.txt"))"
  fi
  ratio=$(python3 -c "print(f'{$s_wall/$d_wall:.2f}')")
  mbs=$(python3 -c "print(f'{$mb/$s_wall:.0f}')")
  printf '| %s | %s | %s (%s) | %s | %s (%s) | %s | %s | %s | %s |\n' \
    "$lines" "$mb" "$s_wall" "$s_cpu" "$s_rss" "$d_wall" "$d_cpu" "$d_rss" "$ratio" "$mbs" "$figures"
  rm -rf "$work"
done
printf '\nWith segments (region of the orders, brand of the products), against the plain build above:\n\n'
printf '| lines | plain s | segments s | time ratio | plain MiB | segments MiB | memory ratio | views |\n'
printf '|---:|---:|---:|---:|---:|---:|---:|---:|\n'
for lines in $LINES; do
  data="$cache/lines-$lines-v3"
  work=$(mktemp -d)
  printf 'data: %s\nsegments:\n  region:\n    orders: region\n    inventory: region\n  brand:\n    products: brand\n' "$(cd "$data" && pwd)" > "$work/segments.yml"
  /usr/bin/time -v "$bin" build --data "$data" --out "$work/plain" --base-url https://example.invalid/ 2> "$work/plain.time" >/dev/null
  /usr/bin/time -v "$bin" build --config "$work/segments.yml" --out "$work/segments" --base-url https://example.invalid/ \
    2> "$work/segments.time" >/dev/null || { cat "$work/segments.time" >&2; exit 1; }
  read -r p_wall _ p_rss < <(measure "$work/plain.time")
  read -r s_wall _ s_rss < <(measure "$work/segments.time")
  views=$(python3 -c "import json; print(sum(d['values'] for d in json.load(open('$work/segments/data/kpis.json'))['segments']))")
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$lines" "$p_wall" "$s_wall" \
    "$(python3 -c "print(f'{$s_wall/$p_wall:.2f}')")" "$p_rss" "$s_rss" "$(python3 -c "print(f'{$s_rss/$p_rss:.2f}')")" "$views"
  rm -rf "$work"
done
printf '\nmachine: %s cores, %s; %s\n' "$(nproc)" "$(free -g | awk '/Mem:/{print $2 " GiB"}')" "$(swift --version 2>&1 | head -1)"
