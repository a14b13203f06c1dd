#!/usr/bin/env bash
# Every figure of `scorecard build` against the independent DuckDB implementation (kpis_duckdb.py), within
# 1e-9 relative: the bundled sample, and a generated export of 120,000 order lines with the default as-of
# date, an as-of date in the middle of a week and of a month, and with the optional sources removed.
# Usage: Tests/Reference/check-against-duckdb.sh [path/to/scorecard]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-$(swift build --show-bin-path)/scorecard}
python3 -c 'import duckdb' 2>/dev/null || python3 -m pip install -q duckdb 2>/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

passed=0 failed=0
check() { # name data-dir [--as-of D]
  local name=$1 data=$2; shift 2
  "$bin" build --data "$data" --out "$work/$name-site" --base-url https://example.invalid/ "$@"
  python3 Tests/Reference/kpis_duckdb.py "$data" "$@" > "$work/$name.json"
  if python3 Tests/Reference/compare.py "$work/$name-site/data/kpis.json" "$work/$name.json" > "$work/$name.txt"; then
    echo "duckdb vs scorecard, $name: $(tail -1 "$work/$name.txt")"
  else
    echo "duckdb vs scorecard, $name: FIGURES DIFFER" >&2
    head -40 "$work/$name.txt" >&2
  fi
  read -r p _ f _ < <(tail -1 "$work/$name.txt" | tr -d ',')
  passed=$((passed + p)) failed=$((failed + f))
}

check bundled-sample Samples/exports
"$bin" sample --out "$work/gen" --lines 120000 --skus 600 --weeks 40 --seed 7
check generated "$work/gen"
check generated-midweek "$work/gen" --as-of 2026-10-14
mkdir "$work/required-only"
for s in products orders deliveries campaigns campaign_items; do cp "$work/gen/$s.csv" "$work/required-only/"; done
check required-only "$work/required-only" --as-of 2026-09-30
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
