#!/usr/bin/env bash
# Builds the same exports with the built-in engine and with `--engine spark --spark-master 'local[2]'`, and
# compares the two sites: every figure of data/kpis.json and data/segments.json (1e-9 relative), the rows,
# rejected and ignored counts of every source (exactly), every HTML page and data/rejected.csv byte for byte
# (Tests/Spark/compare_sites.py).
#
# Usage: Tests/Spark/check-spark.sh [path/to/scorecard]   (default: .build/debug/scorecard)
#
# Cases: the bundled sample; a generated export (scorecard sample --lines 20000 --skus 300 --weeks 60) at two
# as-of dates, one mid-week; that export with bad rows (every rejection reason, duplicates, wrong field counts,
# a row over 1 MiB, quoted line breaks, CRLF, a byte-order mark, sources split into several files); with only
# the required sources; with segments (an order dimension mapping inventory, forecast and purchase orders, and a
# product dimension, both with "Other"); as a German ERP writes it (';', decimal comma, thousands dots,
# dd.MM.yyyy, windows-1252); as Parquet files (typed columns, a folder of parts, renamed columns) read by Spark
# against the CSV read by the built-in engine; named by a file:// URL (`data: file:///…`, as a data lake's s3a://
# or hdfs://, so Spark lists the files itself). A last case checks that a windows-1252 file with an undefined
# byte fails both builds with exit status 2.
#
# Installs PySpark from PyPI (and Debian's default-jre-headless when java is missing) if needed.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${1:-$root/.build/debug/scorecard}
. "$here/ensure-spark.sh" || exit 1

work=${SPARK_CHECK_WORK:-$(mktemp -d /tmp/spark-check.XXXXXX)}
mkdir -p "$work"
echo "work folder: $work"
failures=0
summary=()
start_all=$(date +%s)

now() { date +%s.%N; }
elapsed() { python3 -c "import sys; print('%.1f' % (float(sys.argv[2]) - float(sys.argv[1])))" "$1" "$2"; }

# check NAME CONFIG [extra build arguments…]: both engines build the same config.
check() {
    local name=$1 config=$2
    shift 2
    check_pair "$name" "$config" "$config" "" "$@"
}

# check_pair NAME BUILTIN_CONFIG SPARK_CONFIG COMPARE_FLAG [extra build arguments…]: the built-in engine reads one
# config, Spark another that may name the same exports otherwise (as Parquet files; by a file:// URL); figures,
# counts and pages must agree (COMPARE_FLAG --other-files leaves aside the data-quality page, which names the files).
check_pair() {
    local name=$1 builtin_config=$2 spark_config=$3 flag=$4
    shift 4
    local out=$work/$name
    rm -rf "$out"
    mkdir -p "$out"
    local t0 t1 t2
    t0=$(now)
    "$bin" build --config "$builtin_config" --out "$out/builtin" --keep-aggregates "$out/builtin-aggregates" "$@" \
        >"$out/builtin.log" 2>&1
    local rb=$?
    t1=$(now)
    "$bin" build --config "$spark_config" --out "$out/spark" --engine spark --spark-master 'local[2]' "$@" >"$out/spark.log" 2>&1
    local rs=$?
    t2=$(now)
    local tb ts
    tb=$(elapsed "$t0" "$t1")
    ts=$(elapsed "$t1" "$t2")
    if [ $rb -ne 0 ] || [ $rs -ne 0 ]; then
        echo "FAIL $name: exit status builtin $rb, spark $rs"
        tail -5 "$out/builtin.log" "$out/spark.log" | sed 's/^/    /'
        failures=$((failures + 1))
        summary+=("FAIL  $name  builtin ${tb}s  spark ${ts}s  (exit $rb / $rs)")
        return
    fi
    local result
    result=$(python3 "$here/compare_sites.py" ${flag:+"$flag"} "$out/builtin" "$out/spark")
    local rc=$?
    echo "$result" | sed "s/^/[$name] /"
    if [ $rc -ne 0 ]; then
        failures=$((failures + 1))
        summary+=("FAIL  $name  builtin ${tb}s  spark ${ts}s  $(echo "$result" | head -1)")
    else
        summary+=("ok    $name  builtin ${tb}s  spark ${ts}s  $(echo "$result" | head -1)")
    fi
}

# expect_problem NAME CONFIG: both engines must refuse the exports (exit status 2).
expect_problem() {
    local name=$1 config=$2
    local out=$work/$name
    rm -rf "$out"
    mkdir -p "$out"
    local t0 t1
    t0=$(now)
    "$bin" build --config "$config" --out "$out/builtin" >"$out/builtin.log" 2>&1
    local rb=$?
    "$bin" build --config "$config" --out "$out/spark" --engine spark --spark-master 'local[2]' >"$out/spark.log" 2>&1
    local rs=$?
    t1=$(now)
    if [ $rb -eq 2 ] && [ $rs -eq 2 ]; then
        summary+=("ok    $name  $(elapsed "$t0" "$t1")s  both exit 2: $(grep -h 'not valid' "$out/spark.log" | head -1)")
    else
        failures=$((failures + 1))
        summary+=("FAIL  $name  exit status builtin $rb, spark $rs (both should be 2)")
        tail -3 "$out/builtin.log" "$out/spark.log" | sed 's/^/    /'
    fi
}

# The exports.
gen=$work/exports/generated
if [ ! -f "$gen/orders.csv" ]; then
    "$bin" sample --out "$gen" --lines 20000 --skus 300 --weeks 60 >/dev/null || { echo "scorecard sample failed" >&2; exit 1; }
fi
printf 'data: .\ntitle: Spark check\ncurrency: EUR\n' >"$gen/scorecard.yml"
for kind in bad required segments dialect; do
    python3 "$here/make_variants.py" "$kind" "$gen" "$work/exports/$kind" || { echo "make_variants.py $kind failed" >&2; exit 1; }
done
python3 -c 'import duckdb' 2>/dev/null || python3 -m pip install -q duckdb || { echo "cannot install duckdb" >&2; exit 1; }
rm -rf "$work/exports/parquet"
python3 "$here/make_parquet.py" "$gen" "$work/exports/parquet" || { echo "make_parquet.py failed" >&2; exit 1; }
# The undefined windows-1252 byte (0x81) in a copy of the German export.
rm -rf "$work/exports/undefined"
cp -r "$work/exports/dialect" "$work/exports/undefined"
printf 'SKU-BAD;Caf\xe9 \x81;1,00;2,00;undefined byte\n' >>"$work/exports/undefined/products.csv"

# A mid-week as-of date five weeks before the latest order, and a Sunday twenty weeks before it.
dates=$(python3 -c '
import csv, datetime, sys
def day(s):
    try:
        return datetime.date.fromisoformat(s)
    except ValueError:
        return None
with open(sys.argv[1], newline="") as fh:
    latest = max(d for d in (day(r["order_date"]) for r in csv.DictReader(fh)) if d)
mid = latest - datetime.timedelta(weeks=5)
mid = mid - datetime.timedelta(days=mid.weekday()) + datetime.timedelta(days=2)
sunday = latest - datetime.timedelta(weeks=20)
sunday = sunday + datetime.timedelta(days=6 - sunday.weekday())
print(mid.isoformat(), sunday.isoformat())
' "$gen/orders.csv") || { echo "cannot compute the as-of dates" >&2; exit 1; }
read -r asof_midweek asof_sunday <<<"$dates"

check sample "$root/Samples/scorecard.yml"
check generated-asof-midweek "$gen/scorecard.yml" --as-of "$asof_midweek"
check generated-asof-sunday "$gen/scorecard.yml" --as-of "$asof_sunday"
check bad-rows "$work/exports/bad/scorecard.yml"
check required-only "$work/exports/required/scorecard.yml"
check segments "$work/exports/segments/scorecard.yml"
check dialect "$work/exports/dialect/scorecard.yml"
check_pair parquet "$gen/scorecard.yml" "$work/exports/parquet/scorecard.yml" --other-files
# The data folder as a URL, as for s3a:// or hdfs://: Spark lists and reads the files itself.
mkdir -p "$work/exports/url"
printf 'data: file://%s\ntitle: Spark check\ncurrency: EUR\n' "$gen" >"$work/exports/url/scorecard.yml"
check_pair data-url "$gen/scorecard.yml" "$work/exports/url/scorecard.yml" ""
expect_problem undefined-windows-1252 "$work/exports/undefined/scorecard.yml"

echo
echo "as-of dates: mid-week $asof_midweek, Sunday $asof_sunday"
for line in "${summary[@]}"; do echo "$line"; done
echo "total $(( $(date +%s) - start_all ))s, $failures failing case(s)"
[ $failures -eq 0 ]
