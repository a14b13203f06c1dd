#!/usr/bin/env bash
# Every figure of `scorecard build` against the independent DuckDB implementation (kpis_duckdb.py), within
# 1e-9 relative: the bundled sample, and a generated export of 120,000 order lines with the default as-of
# date and an as-of date in the middle of a week and of a month; the generated export without `receipts`,
# without `purchase_orders` and `receipts`, and with only the required sources; a report window clipped by
# a small report.max_weeks; the comparisons (last year, year to date) on a generated export of 370 weeks at
# as-of dates around New Year, an ISO year of 53 weeks and 29 February; the reference's hand-made fixtures
# (with purchase_orders and receipts, and without them or without inventory; the comparison ranges; segments);
# segments (data/segments.json, every view) on the sample and the generated export with segment columns added
# by a deterministic step (an order dimension and a product dimension, with max_values 3, and an order
# dimension of the orders alone); and `receipts` without `purchase_orders`, and a segment header missing from
# its export (both must exit 2). Every run compares `comparisons` too.
# The inbound runs are only as meaningful as the generated export: when `scorecard sample` writes no
# purchase_orders.csv / receipts.csv they compare the same sources as the plain run.
# Usage: Tests/Reference/check-against-duckdb.sh [path/to/scorecard]
#        REF_WORK=/tmp/ref Tests/Reference/check-against-duckdb.sh   # keeps the sites, JSON and mismatch lists there
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-$(swift build --show-bin-path)/scorecard}
python3 -c 'import duckdb' 2>/dev/null || python3 -m pip install -q duckdb 2>/dev/null
if [ -n "${REF_WORK:-}" ]; then
  rm -rf "$REF_WORK"; mkdir -p "$REF_WORK"; work=$(cd "$REF_WORK" && pwd)
else
  work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
fi

passed=0 failed=0
tally() { # name: adds the "N passed, M failed" line of $work/name.txt
  local p f
  read -r p _ f _ < <(tail -1 "$work/$1.txt" | tr -d ',')
  passed=$((passed + p)) failed=$((failed + f))
}
compare() { # name [A B]: two kpis.json (default: name's site and the reference's) or two segments.json
  local name=$1 a=${2:-$work/$1-site/data/kpis.json} b=${3:-$work/$1.json}
  if python3 Tests/Reference/compare.py "$a" "$b" > "$work/$name.txt"; then
    echo "duckdb vs scorecard, $name: $(tail -1 "$work/$name.txt")"
  else
    echo "duckdb vs scorecard, $name: FIGURES DIFFER ($(tail -1 "$work/$name.txt"))" >&2
    head -40 "$work/$name.txt" >&2
  fi
  tally "$name"
}
check() { # name data-dir [--as-of D]: the same options for both
  local name=$1 data=$2; shift 2
  "$bin" build --data "$data" --out "$work/$name-site" --base-url https://example.invalid/ "$@"
  python3 Tests/Reference/kpis_duckdb.py "$data" "$@" > "$work/$name.json"
  compare "$name"
}
check_max_weeks() { # name data-dir N [--as-of D]: report.max_weeks from a config file / --max-weeks
  local name=$1 data=$2 n=$3; shift 3
  printf 'data: %s\nreport:\n  max_weeks: %s\n' "$(cd "$data" && pwd)" "$n" > "$work/$name.yml"
  "$bin" build --config "$work/$name.yml" --out "$work/$name-site" --base-url https://example.invalid/ "$@"
  python3 Tests/Reference/kpis_duckdb.py "$data" --max-weeks "$n" "$@" > "$work/$name.json"
  compare "$name"
}
check_fixture() { # name data-dir [N] [--as-of D]: a hand-made fixture, whose rejected rows exceed the default
  # max_rejected_share on purpose; N = report.max_weeks (default 260)
  local name=$1 data=$2 n=260; shift 2
  if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then n=$1; shift; fi
  printf 'data: %s\ntargets:\n  max_rejected_share: 1\nreport:\n  max_weeks: %s\n' "$(cd "$data" && pwd)" "$n" \
    > "$work/$name.yml"
  "$bin" build --config "$work/$name.yml" --out "$work/$name-site" --base-url https://example.invalid/ "$@" 2> "$work/$name.err" \
    || { cat "$work/$name.err" >&2; exit 1; }
  python3 Tests/Reference/kpis_duckdb.py "$data" --max-weeks "$n" "$@" > "$work/$name.json"
  compare "$name"
}
copy_without() { # from to source...: a copy of an export folder without the given sources
  local from=$1 to=$2 entry base skip s; shift 2
  mkdir "$to"
  for entry in "$from"/*; do
    base=$(basename "$entry"); skip=
    for s in "$@"; do [ "$base" = "$s.csv" ] || [ "$base" = "$s" ] && skip=1; done
    [ -n "$skip" ] || cp -R "$entry" "$to/"
  done
}
repeat_campaigns() { # dir K: appends to dir's campaigns (and their items) copies 52·k weeks earlier, k = 1..K
  python3 - "$@" <<'PY'
import csv, datetime as dt, os, sys
folder, years = sys.argv[1], int(sys.argv[2])
def table(name):
    with open(os.path.join(folder, name + ".csv"), newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))
campaigns, items = table("campaigns"), table("campaign_items")
def back(day, k):
    return (dt.date.fromisoformat(day) - dt.timedelta(weeks=52 * k)).isoformat()
for name, rows, copy in (
        ("campaigns", campaigns, lambda r, k: {**r, "campaign_id": f"{r['campaign_id']}-{k}",
                                               "start_date": back(r["start_date"], k), "end_date": back(r["end_date"], k)}),
        ("campaign_items", items, lambda r, k: {**r, "campaign_id": f"{r['campaign_id']}-{k}"})):
    with open(os.path.join(folder, name + ".csv"), "a", newline="", encoding="utf-8") as fh:
        out = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        for k in range(1, years + 1):
            out.writerows(copy(r, k) for r in rows)
PY
}
check_segments() { # name data-dir config [--as-of D]: config = the YAML after `data:` (segments and
  # more); the reference gets the same segments as options in the array seg. Compares kpis.json and segments.json.
  local name=$1 data=$2 config=$3; shift 3
  printf 'data: %s\n%s\n' "$(cd "$data" && pwd)" "$config" > "$work/$name.yml"
  check_segments_file "$name" "$data" "$work/$name.yml" "$@"
}
check_segments_file() { # name data-dir config-file [--as-of D]: check_segments with a config file as it is
  local name=$1 data=$2 file=$3; shift 3
  "$bin" build --config "$file" --out "$work/$name-site" --base-url https://example.invalid/ "$@"
  python3 Tests/Reference/kpis_duckdb.py "$data" "${seg[@]}" --segments-out "$work/$name-segments.json" "$@" > "$work/$name.json"
  compare "$name"
  compare "$name-segments" "$work/$name-site/data/segments.json" "$work/$name-segments.json"
}
add_segment_columns() { # dir sample|generated: deterministic segment columns. orders: VKORG, six regions (the
  # empty value, also as blanks; " EMEA<tab>" for EMEA; a value with markup, quotes and non-ASCII; one line in
  # nine of an order in another region); inventory (and, generated, forecast and purchase_orders): Region, the
  # same regions and LATAM, which has no order line; forecast split into one row per region (several rows per
  # (week_start, sku)) with a duplicate (week_start, sku, region) now and then; products: Marke, 20 brands.
  python3 - "$@" <<'PY'
import csv, hashlib, os, sys
folder, mode = sys.argv[1], sys.argv[2]  # mode: sample (orders, inventory, products) | generated (every source, forecast split)
def h(*parts):
    return int.from_bytes(hashlib.sha256("|".join(parts).encode()).digest()[:4], "big")
REGIONS = ["EMEA", "Americas", "APAC", "", "<Süd & \"Ost\">", "Nordics"]
EXTRA = REGIONS + ["LATAM"]  # LATAM: stock, forecast and purchase orders of a region without order lines
BRANDS = [f"Brand {c}" for c in "ABCDEFGHIJKLMNOPQR"] + ["Brände & Co", ""]
def rewrite(name, column, value_of, split=None):
    path = os.path.join(folder, name + ".csv")
    if not os.path.isfile(path):
        return
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        fields, rows = list(reader.fieldnames), list(reader)
    out_rows = []
    for r in rows:
        for part in (split(r) if split else [r]):
            value = value_of(part)
            out_rows.append({**part, column: value})
    with open(path, "w", newline="", encoding="utf-8") as fh:
        out = csv.DictWriter(fh, fieldnames=fields + [column] * (column not in fields), lineterminator="\n")
        out.writeheader()
        out.writerows(out_rows)
def order_region(r):
    region = REGIONS[h(r["order_id"]) % 6]
    if h(r["order_id"], r["line_no"]) % 9 == 0:  # some orders span two regions (freight is shared)
        region = REGIONS[h(r["line_no"], r["order_id"]) % 6]
    if region == "EMEA" and h("pad", r["order_id"]) % 11 == 0:
        region = " EMEA\t"  # trimmed: EMEA
    if region == "" and h("blank", r["order_id"]) % 3 == 0:
        region = "   "     # trimmed: the empty value
    return region
def split_forecast(r):  # one row per region (and now and then LATAM): several rows per (week_start, sku)
    units = r["forecast_units"]
    if mode != "generated" or not units.isdigit():
        return [r]
    regions = REGIONS + (["LATAM"] if h("latam", r["week_start"], r["sku"]) % 5 == 0 else [])
    u, k = int(units), len(regions)
    parts = [{**r, "forecast_units": str(u // k + (u % k if i == 0 else 0)), "_region": region}
             for i, region in enumerate(regions)]
    if h("dup", r["week_start"], r["sku"]) % 97 == 0:  # a duplicate (week_start, sku, region): rejected
        parts.append({**parts[1], "forecast_units": "999"})
    return parts
rewrite("orders", "VKORG", order_region)
rewrite("inventory", "Region", lambda r: EXTRA[h(r["sku"], r.get("location") or "") % 7])
rewrite("products", "Marke", lambda r: BRANDS[h(r["sku"]) % len(BRANDS)])
if mode == "generated":
    rewrite("forecast", "Region", lambda r: r.pop("_region", EXTRA[h(r["sku"]) % 7]), split_forecast)
    rewrite("purchase_orders", "Region", lambda r: EXTRA[h(r["po_id"], r["line_no"]) % 7])
PY
}
expect_exit_2() { # name data-dir [config reference-option...]: both tools reject the input with exit status 2;
  # config = the YAML after `data:` for scorecard, with the same meaning as the reference's options
  local name=$1 data=$2 s r; shift 2
  local build=(--data "$data")
  if [ $# -gt 0 ]; then
    printf 'data: %s\n%s\n' "$(cd "$data" && pwd)" "$1" > "$work/$name.yml"; build=(--config "$work/$name.yml"); shift
  fi
  set +e
  "$bin" build "${build[@]}" --out "$work/$name-site" > /dev/null 2> "$work/$name.err"; s=$?
  python3 Tests/Reference/kpis_duckdb.py "$data" "$@" > /dev/null 2>> "$work/$name.err"; r=$?
  set -e
  if [ "$s" -eq 2 ] && [ "$r" -eq 2 ]; then
    echo "duckdb vs scorecard, $name: both exit 2"; passed=$((passed + 1))
  else
    echo "duckdb vs scorecard, $name: exit status scorecard $s, duckdb $r (want 2 and 2)" >&2
    cat "$work/$name.err" >&2; failed=$((failed + 1))
  fi
}

check bundled-sample Samples/exports
"$bin" sample --out "$work/gen" --lines 120000 --skus 600 --weeks 40 --seed 7
[ -f "$work/gen/purchase_orders.csv" ] || echo "note: the generated export has no purchase_orders.csv" >&2
check generated "$work/gen"
check generated-midweek "$work/gen" --as-of 2026-10-14
copy_without "$work/gen" "$work/no-receipts" receipts
check no-receipts "$work/no-receipts"
check no-receipts-midweek "$work/no-receipts" --as-of 2026-10-14
copy_without "$work/gen" "$work/no-inbound" purchase_orders receipts
check no-inbound "$work/no-inbound" --as-of 2026-10-14
check_max_weeks max-weeks-6 "$work/gen" 6 --as-of 2026-10-14
# segments (every view of data/segments.json, computed by the reference on the exports restricted to it): the
# bundled sample with an order dimension (orders and inventory) and a product dimension; the generated export
# with an order dimension on every source it may name and a product dimension, also with max_values 3 (an
# "Other" view in every source) at a Wednesday, and an order dimension of the orders alone (no inventory,
# forecast or purchase orders in the views; forecast keyed by (week_start, sku) again: its regions' rows are
# duplicates, hence max_rejected_share 1)
cp -R Samples/exports "$work/seg-sample"
add_segment_columns "$work/seg-sample" sample
seg=(--segment "region:label=Sales region,orders=VKORG,inventory=Region" --segment "brand:label=Brand,products=Marke")
check_segments segments-sample "$work/seg-sample" "segments:
  region:
    label: Sales region
    orders: VKORG
    inventory: Region
  brand:
    label: Brand
    products: Marke"
# the bundled sample built with Samples/scorecard.yml itself (its own dimensions and columns; its other
# settings are the reference's defaults)
seg=(--segment "region:label=Sales region,orders=region,inventory=region" --segment "brand:label=Brand,products=brand")
check_segments_file segments-sample-config Samples/exports Samples/scorecard.yml
cp -R "$work/gen" "$work/seg-gen"
add_segment_columns "$work/seg-gen" generated
seg=(--segment "region:label=Sales region,orders=VKORG,inventory=Region,forecast=Region,purchase_orders=Region"
     --segment "brand:label=Brand,products=Marke")
segments_gen="segments:
  region:
    label: Sales region
    orders: VKORG
    inventory: Region
    forecast: Region
    purchase_orders: Region
  brand:
    label: Brand
    products: Marke"
check_segments segments-generated "$work/seg-gen" "$segments_gen"
seg+=(--max-values 3)
check_segments segments-other "$work/seg-gen" "$segments_gen
  max_values: 3" --as-of 2026-10-28
seg=(--segment "region:orders=VKORG")
check_segments segments-orders-only "$work/seg-gen" "targets:
  max_rejected_share: 1
segments:
  region:
    orders: VKORG"
mkdir "$work/required-only"
for s in products orders deliveries campaigns campaign_items; do cp "$work/gen/$s.csv" "$work/required-only/"; done
check required-only "$work/required-only" --as-of 2026-09-30
# the reference's hand-made fixtures (Tests/Reference/fixtures, arithmetic in selftest.sh): they hold
# purchase_orders and receipts even while the generated exports do not
fx=Tests/Reference/fixtures
check_fixture fixture-basic "$fx/basic" --as-of 2026-01-25
check_fixture fixture-isoweek "$fx/isoweek"
check_fixture fixture-drilldown "$fx/drilldown" --as-of 2026-03-18
check_fixture fixture-drilldown-max-weeks-2 "$fx/drilldown" 2 --as-of 2026-03-18
check_fixture fixture-drilldown-max-weeks-4 "$fx/drilldown" 4 --as-of 2026-03-18
check_fixture fixture-inbound "$fx/inbound"
copy_without "$fx/inbound" "$work/inbound-no-receipts" receipts
check_fixture fixture-inbound-no-receipts "$work/inbound-no-receipts"
copy_without "$fx/inbound" "$work/inbound-no-inbound" purchase_orders receipts
check_fixture fixture-inbound-no-inbound "$work/inbound-no-inbound"
copy_without "$fx/inbound" "$work/inbound-no-inventory" inventory
check_fixture fixture-inbound-no-inventory "$work/inbound-no-inventory"
# the segments fixture (arithmetic in selftest.sh): freight shared by value and by line count, freight in no
# view, each view's own latest snapshot, stock, forecast and purchase orders of no value, case and blanks in
# values, a brand without lines, a tie at the max_values cut (max_values 4)
seg=(--segment "region:label=Sales region,orders=Region,inventory=Region,forecast=Region,purchase_orders=Region"
     --segment "brand:products=Brand")
segments_fx="targets:
  max_rejected_share: 1
segments:
  region:
    label: Sales region
    orders: Region
    inventory: Region
    forecast: Region
    purchase_orders: Region
  brand:
    products: Brand"
check_segments fixture-segments "$fx/segments" "$segments_fx" --as-of 2026-03-08
seg+=(--max-values 4)
check_segments fixture-segments-other "$fx/segments" "$segments_fx
  max_values: 4" --as-of 2026-03-08
# comparisons against last year and the year to date, on exports that have last year. `scorecard sample`
# always ends on 2026-11-15; 370 weeks reach back to October 2019, so the export holds 2020 (an ISO year of
# 53 weeks) and the leap day 2024-02-29. Its campaigns start in October 2025 or later: they are repeated 52,
# 104, ..., 364 weeks earlier (the same weekdays, like the week comparisons) so that every as-of date below
# has promotions last year too (the repeats overlap the originals and each other now and then).
"$bin" sample --out "$work/gen-long" --lines 120000 --skus 400 --weeks 370 --seed 11
repeat_campaigns "$work/gen-long" 7
check long "$work/gen-long"                                  # A = 2026-11-15, a Sunday
check long-wednesday "$work/gen-long" --as-of 2026-10-14     # mid-week, mid-month, campaigns running
check long-january "$work/gen-long" --as-of 2026-01-02       # 2026-W01 began on 2025-12-29
check long-new-year-eve "$work/gen-long" --as-of 2025-12-31  # in ISO 2026-W01, calendar year 2025
check long-week-53 "$work/gen-long" --as-of 2021-01-02       # in 2020-W53: the week's year to date is 370 days
check long-after-53 "$work/gen-long" --as-of 2021-01-06      # 2021-W01: last year to date starts in 2020-W02
check long-leap-day "$work/gen-long" --as-of 2024-02-29      # a year earlier: 2023-02-28
check long-after-leap "$work/gen-long" --as-of 2025-02-28    # a year earlier: 2024-02-28, not the 29th
check_max_weeks long-max-weeks-6 "$work/gen-long" 6 --as-of 2021-01-06  # ranges ignore the report window
# the hand-made comparisons fixture (arithmetic in selftest.sh): 2026 has 53 ISO weeks too, and 2028 a 29 February
check_fixture fixture-comparisons "$fx/comparisons"                           # A = 2028-02-29
check_fixture fixture-comparisons-week-53 "$fx/comparisons" --as-of 2027-01-02
check_fixture fixture-comparisons-after-53 "$fx/comparisons" --as-of 2027-01-06
check_fixture fixture-comparisons-max-weeks-2 "$fx/comparisons" 2 --as-of 2027-01-06
check_fixture fixture-comparisons-new-year "$fx/comparisons" --as-of 2028-01-01
copy_without "$work/gen" "$work/receipts-only" purchase_orders
[ -f "$work/receipts-only/receipts.csv" ] || printf 'po_id,line_no,receipt_date,qty_received\n' > "$work/receipts-only/receipts.csv"
expect_exit_2 receipts-without-purchase-orders "$work/receipts-only"
expect_exit_2 segment-header-missing "$fx/segments" "segments:
  region:
    orders: Region
    inventory: VKORG" --segment "region:orders=Region,inventory=VKORG"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
