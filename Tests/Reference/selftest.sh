#!/usr/bin/env bash
# Self-test of the DuckDB reference implementation on the hand-made fixtures.
# Usage: Tests/Reference/selftest.sh        (exit status non-zero on any failure)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
PY="${PYTHON:-python3}"
"$PY" -c 'import duckdb' 2>/dev/null || "$PY" -m pip install -q duckdb
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

"$PY" "$HERE/kpis_duckdb.py" "$HERE/fixtures/basic" --as-of 2026-01-25 > "$TMP/basic.json"
"$PY" "$HERE/kpis_duckdb.py" "$HERE/fixtures/basic" > "$TMP/basic_default.json"
"$PY" "$HERE/kpis_duckdb.py" "$HERE/fixtures/isoweek" > "$TMP/isoweek.json"
# drill-down figures and the report window
DD="$HERE/fixtures/drilldown"
"$PY" "$HERE/kpis_duckdb.py" "$DD" --as-of 2026-03-18 > "$TMP/dd.json"
for n in 2 4 20 21; do
  "$PY" "$HERE/kpis_duckdb.py" "$DD" --as-of 2026-03-18 --max-weeks "$n" > "$TMP/dd_w$n.json"
done
# inbound supply, and the same exports without receipts / without both inbound sources / without inventory
IB="$HERE/fixtures/inbound"
"$PY" "$HERE/kpis_duckdb.py" "$IB" > "$TMP/ib.json"
without() { # name source...: a copy of fixtures/inbound without the given sources
  local name=$1 f; shift
  mkdir "$TMP/$name"
  for f in "$IB"/*.csv; do
    case " $* " in *" $(basename "$f" .csv) "*) ;; *) cp "$f" "$TMP/$name/" ;; esac
  done
}
without ib_norc receipts && "$PY" "$HERE/kpis_duckdb.py" "$TMP/ib_norc" > "$TMP/ib_norc.json"
without ib_nopo receipts purchase_orders && "$PY" "$HERE/kpis_duckdb.py" "$TMP/ib_nopo" > "$TMP/ib_nopo.json"
without ib_noinv inventory && "$PY" "$HERE/kpis_duckdb.py" "$TMP/ib_noinv" > "$TMP/ib_noinv.json"
# receipts without purchase_orders: exit status 2
without ib_rconly purchase_orders
set +e; "$PY" "$HERE/kpis_duckdb.py" "$TMP/ib_rconly" > /dev/null 2> "$TMP/ib_rconly.err"; echo $? > "$TMP/ib_rconly.rc"; set -e
# comparisons against last year and the year to date: the default as-of date (2028-02-29), three more, and a
# report window of 2 weeks
CP="$HERE/fixtures/comparisons"
"$PY" "$HERE/kpis_duckdb.py" "$CP" > "$TMP/cp_2028-02-29.json"
for a in 2027-01-02 2027-01-06 2028-01-01; do "$PY" "$HERE/kpis_duckdb.py" "$CP" --as-of "$a" > "$TMP/cp_$a.json"; done
"$PY" "$HERE/kpis_duckdb.py" "$CP" --as-of 2027-01-06 --max-weeks 2 > "$TMP/cp_w2.json"
# segments: an order dimension on every source it may name and a product dimension, at max_values 50 and 4
SG="$HERE/fixtures/segments"
SEG=(--as-of 2026-03-08 --segment "region:label=Sales region,orders=Region,inventory=Region,forecast=Region,purchase_orders=Region"
     --segment "brand:products=Brand")
for n in 50 4; do
  "$PY" "$HERE/kpis_duckdb.py" "$SG" "${SEG[@]}" --max-values "$n" --segments-out "$TMP/sg_$n.seg.json" > "$TMP/sg_$n.json"
done
# a bad --segment (a product dimension naming inventory) and a missing header: exit status 2
set +e
"$PY" "$HERE/kpis_duckdb.py" "$SG" --segment "brand:products=Brand,inventory=Region" > /dev/null 2> "$TMP/sg_bad.err"; echo $? > "$TMP/sg_bad.rc"
"$PY" "$HERE/kpis_duckdb.py" "$SG" --segment "region:orders=NoSuchColumn" > /dev/null 2> "$TMP/sg_nohdr.err"; echo $? > "$TMP/sg_nohdr.rc"
# compare.py on two reference documents (no "path"): every figure matches, every value's path fails
"$PY" "$HERE/compare.py" "$TMP/sg_4.seg.json" "$TMP/sg_4.seg.json" > "$TMP/cmp_sg.txt"; echo $? > "$TMP/cmp_sg.rc"
set -e
# a document equals itself
"$PY" "$HERE/compare.py" "$TMP/basic.json" "$TMP/basic.json" > "$TMP/cmp.txt"
tail -n 1 "$TMP/cmp.txt" | grep -Eq '^[0-9]+ passed, 0 failed$'

"$PY" - "$TMP" <<'EOF'
import json, sys, os
tmp = sys.argv[1]
d = json.load(open(os.path.join(tmp, "basic.json")))
bdef = json.load(open(os.path.join(tmp, "basic_default.json")))
iso = json.load(open(os.path.join(tmp, "isoweek.json")))
dd = json.load(open(os.path.join(tmp, "dd.json")))
ddw = {n: json.load(open(os.path.join(tmp, f"dd_w{n}.json"))) for n in (2, 4, 20, 21)}
ib, ib_norc, ib_nopo, ib_noinv = (json.load(open(os.path.join(tmp, f"{n}.json")))
                                  for n in ("ib", "ib_norc", "ib_nopo", "ib_noinv"))
W = {p["period"]: p for p in d["weeks"]}
M = {p["period"]: p for p in d["months"]}
C = {c["campaign_id"]: c for c in d["campaigns"]}
fails = []

checks = 0

def eq(label, got, want):
    global checks
    checks += 1
    ok = (got is None and want is None) or (
        got is not None and want is not None and
        (got == want if isinstance(want, (bool, str, list, dict)) else abs(got - want) <= 1e-9 * max(1, abs(want))))
    if not ok:
        fails.append(f"{label}: got {got!r}, want {want!r}")

# ---- fixture "basic", A = 2026-01-25 (a Sunday) --------------------------------------
# Used lines (order, sku, qty, price, order_date -> requested_date):
#   O1/1 C 4@20 12-30->01-02   O2/1 A 10@5 01-06->01-09   O2/2 B 5@8 01-06->01-09
#   O3/1 A 6@5 01-13->01-16    O3/2 C 8@20 01-13->01-16   O4/1 D 3@2 01-20->01-23
#   O8/1 A 2@5 01-15->01-28 (not due: requested after A)
#   rejected: O6 (sku Z), 2nd O2/1 (duplicate), O7 (empty qty); ignored: O5 (01-27 > A)
# Campaigns: C1 01-05..01-18 item A; C2 01-12..01-18 items garden(C,D) + A;
#   C3 02-10..02-20 items B, garden (upcoming); C4 03-30 (> A+28, not listed).
# Promotional: O2/1 {C1}; O3/1 {C1,C2} (overlap); O3/2 {C2}; O8/1 {C1,C2}.
# ots: O1/1 4; O2/1 6 (4 more shipped late on 01-12); O2/2 min(5,7)=5 (over-shipped);
#   O3/1 6; O3/2 5 (3 more shipped 01-26 > A: ignored); O4/1 3; O8/1 2.
eq("as_of", d["as_of"], "2026-01-25")
eq("default as_of = latest valid order_date", bdef["as_of"], "2026-01-27")
eq("week labels", [p["period"] for p in d["weeks"]], ["2026-W01", "2026-W02", "2026-W03", "2026-W04"])
eq("W01 start (ISO week-year)", W["2026-W01"]["start"], "2025-12-29")
eq("month labels", [p["period"] for p in d["months"]], ["2025-12", "2026-01"])
eq("campaign order", [c["campaign_id"] for c in d["campaigns"]], ["C1", "C2", "C3"])
# sources: products 6 rows, 2 rejected (duplicate A, negative cost E)
eq("products", d["sources"]["products"], {"rows": 6, "rejected": 2, "ignored_after_as_of": 0})
# orders: 11 rows, 3 rejected, 1 ignored (O5)
eq("orders", d["sources"]["orders"], {"rows": 11, "rejected": 3, "ignored_after_as_of": 1})
# deliveries (folder of 2 files): 12 rows; rejected O6 (line rejected), O99; ignored O3/2 01-26, O5
eq("deliveries", d["sources"]["deliveries"], {"rows": 12, "rejected": 2, "ignored_after_as_of": 2})
# campaign_items: 11 rows; rejected C9, both sku+category, sku Z, neither, category furniture
eq("campaign_items", d["sources"]["campaign_items"], {"rows": 11, "rejected": 5, "ignored_after_as_of": 0})
eq("campaigns", d["sources"]["campaigns"], {"rows": 6, "rejected": 2, "ignored_after_as_of": 0})
eq("forecast", d["sources"]["forecast"], {"rows": 6, "rejected": 1, "ignored_after_as_of": 0})

# W02 (01-05..01-11): promo due O2/1: 6/10 = 0.6; shortfall (10-6)*5 = 20; other O2/2 5/5 = 1
eq("W02 promo_fill_rate", W["2026-W02"]["promo_fill_rate"], 0.6)
eq("W02 promo_shortfall_value", W["2026-W02"]["promo_shortfall_value"], 20)
eq("W02 other_fill_rate", W["2026-W02"]["other_fill_rate"], 1.0)
# W03: promo due O3/1 + O3/2 = (6+5)/(6+8) = 11/14; shortfall 0*5 + 3*20 = 60
#   campaigns: C1 (O3/1) 6/6 = 1 ok, C2 (O3/1+O3/2) 11/14 below -> measured 2, below 1, share .5
eq("W03 promo_fill_rate", W["2026-W03"]["promo_fill_rate"], 11 / 14)
eq("W03 promo_units_ordered", W["2026-W03"]["promo_units_ordered"], 14)
eq("W03 promo_shortfall_value", W["2026-W03"]["promo_shortfall_value"], 60)
eq("W03 campaigns_measured", W["2026-W03"]["campaigns_measured"], 2)
eq("W03 stockout_campaign_share", W["2026-W03"]["stockout_campaign_share"], 0.5)
eq("W03 other_fill_rate (no lines)", W["2026-W03"]["other_fill_rate"], None)
# Month 2026-01: promo (6+6+5)/(10+6+8) = 17/24; C1 (O2/1,O3/1) 12/16, C2 11/14 -> 2 of 2 below
eq("2026-01 promo_fill_rate", M["2026-01"]["promo_fill_rate"], 17 / 24)
eq("2026-01 campaigns_below_target", M["2026-01"]["campaigns_below_target"], 2)
# Empty month 2025-12: sums 0, ratios null
eq("2025-12 promo_units_ordered", M["2025-12"]["promo_units_ordered"], 0)
eq("2025-12 promo_fill_rate", M["2025-12"]["promo_fill_rate"], None)
eq("2025-12 total_freight_spend", M["2025-12"]["total_freight_spend"], 0)
eq("2025-12 return_rate", M["2025-12"]["return_rate"], None)

# Inventory turns. Snapshots (value = qty*unit_cost; A=2, B=3, C=10):
#   01-04 toys 20 garden 50 | 01-11 toys 46 garden 40 | 01-18 toys 8 garden 20
#   01-25 toys 49 garden 60 | 02-01 ignored.
# COGS by ship date: W01 garden 40; W02 toys 12+21=33; W03 toys 8+12=20, garden 50;
#   W04 garden 3, toys 4.
# W01: no campaign overlaps -> promoted null; other {toys,garden}: 40/70*365/7
eq("W01 inventory_turns_promoted", W["2026-W01"]["inventory_turns_promoted"], None)
eq("W01 inventory_turns_other", W["2026-W01"]["inventory_turns_other"], 40 / 70 * 365 / 7)
# W02: C1 -> promoted {toys}: 33/46*365/7; other {garden}: 0/40 = 0
eq("W02 inventory_turns_promoted", W["2026-W02"]["inventory_turns_promoted"], 33 / 46 * 365 / 7)
eq("W02 inventory_turns_other", W["2026-W02"]["inventory_turns_other"], 0.0)
# W03: C1,C2 -> promoted {toys,garden}: 70/28*365/7; other = {} -> null
eq("W03 inventory_turns_promoted", W["2026-W03"]["inventory_turns_promoted"], 70 / 28 * 365 / 7)
eq("W03 inventory_turns_other", W["2026-W03"]["inventory_turns_other"], None)
# Month 2026-01: days(P) = 01-01..01-25 = 25; |S| = 4; promoted {toys,garden}
#   COGS 40+33+70+7 = 150; avg (70+86+28+109)/4 = 73.25 -> 150/73.25*365/25
eq("2026-01 inventory_turns_promoted", M["2026-01"]["inventory_turns_promoted"], 150 / 73.25 * 365 / 25)
eq("2025-12 inventory_turns_other (no snapshot)", M["2025-12"]["inventory_turns_other"], None)

# Freight (<= A; F6 ignored, F7 rejected): F1 01-08 std 10 O2; F2 01-12 ' air ' 30 O2;
#   F3 01-16 EXPEDITED 50 O3; F4 01-22 Next_Day 7 O4; F5 01-15 AIR 5 unknown order.
# W03: total 30+50+5 = 85, emergency 85, promo emergency 30+50 = 80 (F5 not attributed)
eq("W03 total_freight_spend", W["2026-W03"]["total_freight_spend"], 85)
eq("W03 promo_emergency_freight_spend", W["2026-W03"]["promo_emergency_freight_spend"], 80)
eq("W02 emergency_freight_share", W["2026-W02"]["emergency_freight_share"], 0.0)
eq("W01 emergency_freight_share (0/0)", W["2026-W01"]["emergency_freight_share"], None)
# Month: 92/102
eq("2026-01 emergency_freight_share", M["2026-01"]["emergency_freight_share"], 92 / 102)

# Returns (<= A): O2/1 01-14 2 (promo), O2/2 01-14 1, O1/1 01-05 1 (O3/2 01-26 ignored)
# W02: returns 1 (O1/1) / shipped 6 (O2/1) + 7 (O2/2) = 1/13; promo 0/6; other 1/7
eq("W02 return_rate", W["2026-W02"]["return_rate"], 1 / 13)
eq("W02 other_return_rate", W["2026-W02"]["other_return_rate"], 1 / 7)
# W03: shipped promo 4+6+5 = 15, other 0 -> promo 2/15, other null
eq("W03 promo_return_rate", W["2026-W03"]["promo_return_rate"], 2 / 15)
eq("W03 other_return_rate", W["2026-W03"]["other_return_rate"], None)
# Month: 4 / (4+6+4+7+6+5+3+2 = 37)
eq("2026-01 return_rate", M["2026-01"]["return_rate"], 4 / 37)

# Forecast (price A5 B8 C20 D2; 01-13 row rejected, not a Monday):
#   W02: A a10 f8 -> 2*5=10 / 50; B a5 f5 -> 0 / 40 -> 1 - 10/90
#   W03: A a8 (O3/1 6 + O8/1 2) f5 -> 15 / 40; C a8 f10 -> 40 / 160 -> 1 - 55/200 = 0.725
#   W04: D a3 f0 -> 6/6 -> max(0, 0) = 0;  W01: no forecast row -> null
#   Month 2026-01 (Mondays 01-05, 01-12, 01-19): 1 - 71/296
eq("W02 forecast_accuracy", W["2026-W02"]["forecast_accuracy"], 1 - 10 / 90)
eq("W03 forecast_accuracy", W["2026-W03"]["forecast_accuracy"], 0.725)
eq("W04 forecast_accuracy", W["2026-W04"]["forecast_accuracy"], 0.0)
eq("W01 forecast_accuracy", W["2026-W01"]["forecast_accuracy"], None)
eq("2026-01 forecast_accuracy", M["2026-01"]["forecast_accuracy"], 1 - 71 / 296)

# Campaigns
# C1: lines O2/1, O3/1, O8/1 -> ordered 18; planned 10 (rejected items not counted) -> 1.8
#   fill (due: O2/1, O3/1) 12/16 = .75 -> below; shortfall 20; returns 2 / shipped 10+6+2
#   emergency freight of orders O2,O3,O8: F2 30 + F3 50 = 80
eq("C1 name", C["C1"]["name"], "Spring, Toys")
eq("C1 status", C["C1"]["status"], "ended")
eq("C1 ordered_units", C["C1"]["ordered_units"], 18)
eq("C1 plan_attainment", C["C1"]["plan_attainment"], 1.8)
eq("C1 fill_rate", C["C1"]["fill_rate"], 0.75)
eq("C1 below_target", C["C1"]["below_target"], True)
eq("C1 return_rate", C["C1"]["return_rate"], 2 / 18)
eq("C1 emergency_freight_spend", C["C1"]["emergency_freight_spend"], 80)
eq("C1 readiness (not upcoming)", C["C1"]["readiness"], None)
# C2: lines O3/1, O3/2, O8/1 -> ordered 16, planned 20+5 = 25; fill 11/14; shortfall 60;
#   emergency freight of O3, O8: 50
eq("C2 ordered_units", C["C2"]["ordered_units"], 16)
eq("C2 plan_attainment", C["C2"]["plan_attainment"], 16 / 25)
eq("C2 shortfall_value", C["C2"]["shortfall_value"], 60)
eq("C2 emergency_freight_spend", C["C2"]["emergency_freight_spend"], 50)
# C3 upcoming: latest snapshot <= A is 01-25: A 20, B 3, C 6, D absent (0)
#   item B planned 10: min(3,10) = 3; item garden planned 30: min(6+0, 30) = 6 -> 9/40
eq("C3 status", C["C3"]["status"], "upcoming")
eq("C3 readiness", C["C3"]["readiness"], 9 / 40)
eq("C3 at_risk", C["C3"]["at_risk"], True)
eq("C3 fill_rate", C["C3"]["fill_rate"], None)
eq("C3 below_target", C["C3"]["below_target"], False)
eq("C3 return_rate (nothing shipped)", C["C3"]["return_rate"], None)

# ---- fixture "isoweek": orders 2026-12-30 and 2027-01-04, no optional source ----------
# 2026-12-30 is in 2026-W53 (Mon 2026-12-28); 2027-01-04 starts 2027-W01.
eq("iso weeks", [p["period"] for p in iso["weeks"]], ["2026-W53", "2027-W01"])
eq("iso W53 end", iso["weeks"][0]["end"], "2027-01-03")
eq("iso months", [p["period"] for p in iso["months"]], ["2026-12", "2027-01"])
eq("iso sources (absent optional omitted)", sorted(iso["sources"]),
   ["campaign_items", "campaigns", "deliveries", "orders", "products"])
w = iso["weeks"][0]
for k in ("total_freight_spend", "emergency_freight_spend", "promo_emergency_freight_spend",
          "return_rate", "inventory_turns_promoted", "inventory_turns_other", "forecast_accuracy"):
    eq(f"iso {k} (source absent)", w[k], None)
# nothing shipped: ots 0 -> other_fill_rate 0/1 = 0
eq("iso other_fill_rate", w["other_fill_rate"], 0.0)

# ---- fixture "drilldown", A = 2026-03-18 (a Wednesday) --------------------------------
# Weeks: W10 03-02..03-08, W11 03-09..03-15, W12 03-16..03-22 (reported up to A).
# Campaigns (file order P1, P2, P3; listed by start date: P3, P1, P2):
#   P1 03-02..03-15 items A, garden (C, D); P2 03-10..03-22 item A (overlaps P1 on A, 03-10..03-15);
#   P3 02-23..03-08 item kits (K01..K12).
# Lines (sku qty@price, order -> requested; deliveries; completed / lead time):
#   S7   B 2@8   2025-11-01 -> 11-05; 1 on 11-03, 1 on 12-01 -> complete 2025-12-01, lt 30 (other)
#   S1   D 0.8@2 03-06 -> 03-10; 0.1 on 03-07, 0.7 on 03-10 -> 0.1 + 0.7 = 0.7999999999999999
#        >= 0.8 - 1e-9: completed by its second delivery 03-10, lt 4 (P1); ots 0.7999999999999999
#   S2   A 4@5   03-11 -> 03-13; 4 on 03-09 (before the order date): completed 03-09, lt -2 (P1, P2)
#   S3   A 6@5   03-09 -> 03-11; 6 on 03-12 (late, ots 0): lt 3 (P1 only: P2 starts 03-10)
#   S4   C 2@20  03-05 -> 03-08; 2 on 03-14 (late, ots 0): lt 9 (P1)
#   S5   E 5@4   03-09 -> 03-12; 5 on 03-09: lt 0 (other)
#   S6   E 3@4   03-02 -> 03-12; 1 on 03-03, 2 on 03-11: completed by the second, lt 9 (other)
#   S8   E 10@4  03-10 -> 03-20; 4 on 03-11, 3 on 03-12, 3 on 03-19 (> A, ignored): never complete
#   S9   A 1@5   03-12 -> 03-20 (not due); 1 on 03-17: lt 5 (P1, P2)
#   S10  D 3@2   03-14 -> 03-17; 3 on 03-16: lt 2 (P1)
#   S11/1..4 C 1@20 03-02 -> 03-06; 1 each on 03-03, 03-04, 03-05, 03-06: lt 1, 2, 3, 4 (P1)
#   S15  E 2@4   03-16 -> 03-25, nothing shipped
#   S16  B 1@8   03-10 -> 03-16; 1 on 03-15: lt 5 (other)
#   SK/k Kk 10 03-02 -> 03-04 (P3), shipped on time on 03-03: K01 4 (@5), K02 5 (@2), K03 0 (@3),
#        K04 8 (@10), K05..K11 5 (@1); K12 qty 0 (@1). None complete (K12: qty 0 never is).
DW = {p["period"]: p for p in dd["weeks"]}
DM = {p["period"]: p for p in dd["months"]}
DC = {c["campaign_id"]: c for c in dd["campaigns"]}
# report: weeks from 2025-W44 (Monday 2025-10-27 holds 11-01) to 2026-W12: 9 + 12 = 21 weeks;
# months from the later of 2025-11 (earliest order) and 2025-10 (that week's Monday) to 2026-03.
eq("dd weeks", [p["period"] for p in dd["weeks"]],
   [f"2025-W{n}" for n in range(44, 53)] + [f"2026-W{n:02d}" for n in range(1, 13)])
eq("dd months", [p["period"] for p in dd["months"]], ["2025-11", "2025-12", "2026-01", "2026-02", "2026-03"])
# percentiles: nearest rank ceil(p*n)
# W10 promo {1,2,3,4} (n=4): median rank 2 -> 2, p90 rank ceil(3.6)=4 -> 4; other: none -> null
eq("W10 promo_lead_time_median", DW["2026-W10"]["promo_lead_time_median"], 2)
eq("W10 promo_lead_time_p90", DW["2026-W10"]["promo_lead_time_p90"], 4)
eq("W10 other_lead_time_median", DW["2026-W10"]["other_lead_time_median"], None)
# W11 promo {S1 4, S2 -2, S3 3, S4 9} -> [-2,3,4,9] (even): median rank 2 -> 3, p90 rank 4 -> 9
eq("W11 promo_lead_time_median", DW["2026-W11"]["promo_lead_time_median"], 3)
eq("W11 promo_lead_time_p90", DW["2026-W11"]["promo_lead_time_p90"], 9)
# W11 other {S5 0, S6 9, S16 5} -> [0,5,9] (odd): median rank 2 -> 5, p90 rank ceil(2.7)=3 -> 9
eq("W11 other_lead_time_median", DW["2026-W11"]["other_lead_time_median"], 5)
eq("W11 other_lead_time_p90", DW["2026-W11"]["other_lead_time_p90"], 9)
# W12 promo {S9 5, S10 2}: median rank 1 -> 2, p90 rank 2 -> 5
eq("W12 promo_lead_time_median", DW["2026-W12"]["promo_lead_time_median"], 2)
eq("W12 promo_lead_time_p90", DW["2026-W12"]["promo_lead_time_p90"], 5)
# 2025-W49 (Monday 12-01): S7 completed 12-01, lt 30
eq("2025-W49 other_lead_time_median", DW["2025-W49"]["other_lead_time_median"], 30)
# March promo: [-2,1,2,2,3,3,4,4,5,9] (n=10): median rank 5 -> 3, p90 rank 9 -> 5 (not the max 9)
eq("2026-03 promo_lead_time_median", DM["2026-03"]["promo_lead_time_median"], 3)
eq("2026-03 promo_lead_time_p90", DM["2026-03"]["promo_lead_time_p90"], 5)
eq("2026-03 other_lead_time_p90", DM["2026-03"]["other_lead_time_p90"], 9)
eq("2025-12 other_lead_time_p90", DM["2025-12"]["other_lead_time_p90"], 30)

# Forecast (price = list_price: A 5, B 8, C 20, D 2, E 4, K 1). Promotional SKU-weeks: W10 K*, C, D, A;
# W11 A (P1, P2), C, D (P1); W12 A only (P2; P1 ended 03-15, so D is not promotional in W12).
# W11 pairs: A a=4+6+1=11 f=12: |d|*p 5, a*p 55, (f-a)*p +5 (promo)
#            D a=3 (S10) no row, f=0: 6, 6, -6 (promo)
#            E a=5+10=15 f=10: 20, 60, -20;  B a=1 (S16) f=3: 16, 8, +16 (other)
#   promo 1 - 11/61; other 1 - 36/68; all 1 - 47/129; bias (5-6-20+16)/129 = -5/129
eq("W11 promo_forecast_accuracy", DW["2026-W11"]["promo_forecast_accuracy"], 1 - 11 / 61)
eq("W11 other_forecast_accuracy", DW["2026-W11"]["other_forecast_accuracy"], 1 - 36 / 68)
eq("W11 forecast_accuracy", DW["2026-W11"]["forecast_accuracy"], 1 - 47 / 129)
eq("W11 forecast_bias", DW["2026-W11"]["forecast_bias"], -5 / 129)
# W12 pairs: A f=2 a=0: 10, 0, +10 (promo: has a row but denominator 0 -> null)
#            D f=4 a=0: 8, 0, +8;  E a=2 (S15) no row: 8, 8, -8 (other: max(0, 1-16/8) = 0)
#   all max(0, 1 - 26/8) = 0; bias (10+8-8)/8 = 1.25 (not clamped)
eq("W12 promo_forecast_accuracy (denominator 0)", DW["2026-W12"]["promo_forecast_accuracy"], None)
eq("W12 other_forecast_accuracy", DW["2026-W12"]["other_forecast_accuracy"], 0.0)
eq("W12 forecast_accuracy", DW["2026-W12"]["forecast_accuracy"], 0.0)
eq("W12 forecast_bias", DW["2026-W12"]["forecast_bias"], 1.25)
# W10: no forecast row -> accuracy, promo, other and bias all null
for k in ("forecast_accuracy", "promo_forecast_accuracy", "other_forecast_accuracy", "forecast_bias"):
    eq(f"W10 {k}", DW["2026-W10"][k], None)
# March = W10 + W11 + W12. W10 pairs (no rows, f=0): K01..K11 a=10 (10 each), K12 a=0, C a=2+4=6 (120),
#   D a=0.8 (1.6) -> promo num = den = 110 + 120 + 1.6 = 231.6; E a=3 (12) other.
#   promo 1 - (231.6+11+10)/(231.6+61+0); other 1 - (12+36+16)/(12+68+8) = 1 - 64/88
#   all 1 - 316.6/380.6; bias (-231.6 - 12 - 5 + 10)/380.6 = -238.6/380.6
eq("2026-03 promo_forecast_accuracy", DM["2026-03"]["promo_forecast_accuracy"], 1 - 252.6 / 292.6)
eq("2026-03 other_forecast_accuracy", DM["2026-03"]["other_forecast_accuracy"], 1 - 64 / 88)
eq("2026-03 forecast_accuracy", DM["2026-03"]["forecast_accuracy"], 1 - 316.6 / 380.6)
eq("2026-03 forecast_bias", DM["2026-03"]["forecast_bias"], -238.6 / 380.6)

# top_shortfall. W10, promotional lines due (requested 03-02..03-08):
#   C: S4 2 (ots 0) + S11/1..4 4 (ots 4): due 6, on time 4, shortfall 2*20 = 40
#   K01 (10-4)*5 = 30, K03 10*3 = 30 (tie: K01 before K03, though K03 comes first in the file),
#   K04 (10-8)*10 = 20, K02 (10-5)*2 = 10, K05..K11 5 each (file order K11..K05), K12 0 (cut)
#   -> ten: C, K01, K03, K04, K02, K05, K06, K07, K08, K09 (K10, K11 fall off)
def ts(sku, cat, due, ot, sv):
    return {"sku": sku, "category": cat, "due_units": due, "on_time_units": ot, "shortfall_value": sv}
W10_TOP = ([ts("C", "garden", 6, 4, 40), ts("K01", "kits", 10, 4, 30), ts("K03", "kits", 10, 0, 30),
            ts("K04", "kits", 10, 8, 20), ts("K02", "kits", 10, 5, 10)]
           + [ts(f"K0{k}", "kits", 10, 5, 5) for k in range(5, 10)])
def eq_list(label, got, want):
    if not isinstance(got, list) or len(got) != len(want):
        fails.append(f"{label}: got {got!r}, want {want!r}")
        return
    for i, (g, w) in enumerate(zip(got, want)):
        if sorted(g) != sorted(w):
            fails.append(f"{label}[{i}] keys: got {sorted(g)}, want {sorted(w)}")
        for k in w:
            eq(f"{label}[{i}].{k}", g.get(k), w[k])
eq_list("W10 top_shortfall", DW["2026-W10"]["top_shortfall"], W10_TOP)
# W11: A: S2 due 4 on time 4, S3 due 6 on time 0 -> 10, 4, 30. D (S1): (0.8 - 0.7999999999999999)*2
#   = 2.2e-16 <= 1e-9 -> cut.
eq_list("W11 top_shortfall", DW["2026-W11"]["top_shortfall"], [ts("A", "toys", 10, 4, 30)])
# W12: S10 (D) on time -> 0 -> cut: an empty list
eq("W12 top_shortfall", DW["2026-W12"]["top_shortfall"], [])
eq("2025-W44 top_shortfall (no promo line)", DW["2025-W44"]["top_shortfall"], [])
# March: C 40; A, K01, K03 30 (by sku); K04 20; K02 10; K05..K08 5 (cap of 10)
eq_list("2026-03 top_shortfall", DM["2026-03"]["top_shortfall"],
        [ts("C", "garden", 6, 4, 40), ts("A", "toys", 10, 4, 30), ts("K01", "kits", 10, 4, 30),
         ts("K03", "kits", 10, 0, 30), ts("K04", "kits", 10, 8, 20), ts("K02", "kits", 10, 5, 10)]
        + [ts(f"K0{k}", "kits", 10, 5, 5) for k in range(5, 9)])

# campaign lead times. P1: S1 4, S2 -2, S3 3, S4 9, S9 5, S10 2, S11 1..4 -> [-2,1,2,2,3,3,4,4,5,9]:
#   median rank 5 -> 3, p90 rank 9 -> 5. P2: S2 -2, S9 5: median rank 1 -> -2 (the negative lead
#   time counts as it is), p90 rank 2 -> 5. P3: none.
eq("P1 lead_time_median", DC["P1"]["lead_time_median"], 3)
eq("P1 lead_time_p90", DC["P1"]["lead_time_p90"], 5)
eq("P2 lead_time_median", DC["P2"]["lead_time_median"], -2)
eq("P2 lead_time_p90", DC["P2"]["lead_time_p90"], 5)
eq("P3 lead_time_median", DC["P3"]["lead_time_median"], None)
eq("P3 lead_time_p90", DC["P3"]["lead_time_p90"], None)
eq("dd campaigns (start date order)", [c["campaign_id"] for c in dd["campaigns"]], ["P3", "P1", "P2"])
# no purchase_orders: inbound keys null
eq("P1 inbound_units (no purchase_orders)", DC["P1"]["inbound_units"], None)
eq("W11 supplier_lead_time_median (no purchase_orders)", DW["2026-W11"]["supplier_lead_time_median"], None)
eq("W11 supplier_on_time_rate (no purchase_orders)", DW["2026-W11"]["supplier_on_time_rate"], None)

# campaign_skus: campaigns as listed (P3, P1, P2), then shortfall_value descending, then sku.
# Stock at A: one date, the latest snapshot <= A = 03-15 (03-22 is after A; 03-08 not the latest):
#   A 7, B 3, C 6+4 = 10, D 0, E 4, F 5, K* 0 (K01's row is on 03-08).
CS = dd["campaign_skus"]
eq("campaign_skus order", [(r["campaign_id"], r["sku"]) for r in CS],
   [("P3", k) for k in ["K01", "K03", "K04", "K02", "K05", "K06", "K07", "K08", "K09", "K10", "K11", "K12"]]
   + [("P1", "C"), ("P1", "A"), ("P1", "D"), ("P2", "A")])
R = {(r["campaign_id"], r["sku"]): r for r in CS}
def row(cid, sku, **want):
    for k, v in want.items():
        eq(f"campaign_skus {cid}/{sku} {k}", R[(cid, sku)][k], v)
eq("campaign_skus keys", sorted(CS[0]), sorted(["campaign_id", "sku", "category", "ordered_units", "due_units",
   "on_time_units", "fill_rate", "shortfall_value", "lead_time_median", "stock_on_hand"]))
row("P3", "K01", category="kits", ordered_units=10, due_units=10, on_time_units=4, fill_rate=0.4,
    shortfall_value=30, lead_time_median=None, stock_on_hand=0)
# K12: a qty-0 line: due 0 -> fill_rate null
row("P3", "K12", ordered_units=0, due_units=0, on_time_units=0, fill_rate=None, shortfall_value=0)
# P1/C: S4 + S11/1..4: ordered 6, due 6, on time 4, 40; lead [1,2,3,4,9] -> rank 3 -> 3
row("P1", "C", category="garden", ordered_units=6, due_units=6, on_time_units=4, fill_rate=4 / 6,
    shortfall_value=40, lead_time_median=3, stock_on_hand=10)
# P1/A (S2, S3, S9; S9 not due): ordered 11, due 10, on time 4, 30; lead [-2,3,5] -> 3
row("P1", "A", category="toys", ordered_units=11, due_units=10, on_time_units=4, fill_rate=0.4,
    shortfall_value=30, lead_time_median=3, stock_on_hand=7)
# P1/D (S1, S10): ordered 3.8, on time 0.7999999999999999 + 3; lead [2,4] -> rank 1 -> 2; stock row 0
row("P1", "D", ordered_units=3.8, due_units=3.8, on_time_units=3.8, fill_rate=1.0,
    shortfall_value=0, lead_time_median=2, stock_on_hand=0)
# the SKU in two overlapping campaigns: in P2 only S2 and S9 (S3 was ordered before P2 started):
#   ordered 4+1 = 5, due 4 (S2), on time 4, fill 1, shortfall 0; lead [-2, 5] -> rank 1 -> -2
row("P2", "A", ordered_units=5, due_units=4, on_time_units=4, fill_rate=1.0, shortfall_value=0,
    lead_time_median=-2, stock_on_hand=7)

# categories, by name. Window: Monday of A's week 03-16 minus 12 weeks = 2025-12-22 .. 03-18.
#   food:   lead S5 0, S6 9 -> [0,9] rank 1 -> 0; cover E 4 / ((5+3+7)/13) = 52/15
#   garden: lead S1 4, S4 9, S10 2, S11 1..4 -> [1,2,2,3,4,4,9] rank 4 -> 3;
#           cover (10+0) / ((0.8+2+3+4)/13) = 130/9.8
#   kits:   no completed line -> null; cover 0 / ((4+8+5+7*5)/13) = 0
#   spare:  nothing shipped -> cover null (stock 5 notwithstanding)
#   toys:   lead S2 -2, S3 3, S9 5, S16 5 -> [-2,3,5,5] rank 2 -> 3 (S7 completed 2025-12-01, before
#           the window: with it the median would be 5); cover (7+3) / ((4+6+1+1)/13) = 130/12
#           (S7's deliveries are before the window)
CT = {c["category"]: c for c in dd["categories"]}
eq("dd categories", [c["category"] for c in dd["categories"]], ["food", "garden", "kits", "spare", "toys"])
eq("food lead_time_median", CT["food"]["lead_time_median"], 0)
eq("food weeks_of_cover", CT["food"]["weeks_of_cover"], 52 / 15)
eq("garden lead_time_median", CT["garden"]["lead_time_median"], 3)
eq("garden weeks_of_cover", CT["garden"]["weeks_of_cover"], 130 / 9.8)
eq("kits lead_time_median", CT["kits"]["lead_time_median"], None)
eq("kits weeks_of_cover", CT["kits"]["weeks_of_cover"], 0.0)
eq("spare weeks_of_cover (nothing shipped)", CT["spare"]["weeks_of_cover"], None)
eq("toys lead_time_median", CT["toys"]["lead_time_median"], 3)
eq("toys weeks_of_cover", CT["toys"]["weeks_of_cover"], 130 / 12)
eq("toys supplier_lead_time_median (no purchase_orders)", CT["toys"]["supplier_lead_time_median"], None)

# report.max_weeks. As-of week 2026-W12 (Monday 03-16):
#   2: weeks from max(2025-W44, W12 - 1 = W11): W11, W12; months from the later of 2025-11 and the
#      month of 03-09 (W11's Monday): 2026-03 only.
#   4: W09 (Monday 02-23) .. W12; months from 2026-02 (W09's Monday is in February).
#   20: 2025-W45 (Monday 11-03) ..; months from the later of 2025-11 and 2025-11.
#   21: exactly the unclipped report.
# Every reported period is unchanged: W11 counts S6 (ordered 03-02, before a 2-week window) in its
# lead times, March counts the W10 forecast pairs and lines.
for n, weeks, months in ((2, ["2026-W11", "2026-W12"], ["2026-03"]),
                         (4, ["2026-W09", "2026-W10", "2026-W11", "2026-W12"], ["2026-02", "2026-03"]),
                         (20, [f"2025-W{n}" for n in range(45, 53)] + [f"2026-W{n:02d}" for n in range(1, 13)],
                          ["2025-11", "2025-12", "2026-01", "2026-02", "2026-03"]),
                         (21, [p["period"] for p in dd["weeks"]], [p["period"] for p in dd["months"]])):
    dn = ddw[n]
    eq(f"max_weeks {n}: weeks", [p["period"] for p in dn["weeks"]], weeks)
    eq(f"max_weeks {n}: months", [p["period"] for p in dn["months"]], months)
    for sect, by in (("weeks", DW), ("months", DM)):
        for p in dn[sect]:
            eq(f"max_weeks {n}: {p['period']} unchanged", p, by[p["period"]])
    for k in ("campaigns", "campaign_skus", "categories", "sources"):
        eq(f"max_weeks {n}: {k} unchanged", dn[k], dd[k])

# ---- fixture "inbound": A = 2026-05-20 (latest order_date, a Wednesday) ----------------
# Reported weeks W15 (04-06) .. W21 (05-18..05-24); months 2026-04, 2026-05.
# Latest snapshot <= A: S = 05-17 (A 5, C 8+2 = 10, D 1, B 0; 05-24 is after A).
# purchase_orders (15 rows): rejected the duplicate PO1/1 (the first wins), PO6/1 (sku Z),
#   PO7/1 (empty qty), PO8/1 (negative qty); ignored PO4/1 (order_date 05-25 > A).
# receipts (16 rows): rejected R12 (of rejected PO6/1), R13 (of rejected PO7/1), R14 (PO9/9 unknown),
#   R15 (negative); ignored R8 (05-22 > A) and R10 (05-18, but its PO line PO4/1 is ignored).
IW = {p["period"]: p for p in ib["weeks"]}
IM = {p["period"]: p for p in ib["months"]}
IC = {c["campaign_id"]: c for c in ib["campaigns"]}
eq("ib as_of", ib["as_of"], "2026-05-20")
eq("ib weeks", [p["period"] for p in ib["weeks"]], [f"2026-W{n}" for n in range(15, 22)])
eq("purchase_orders", ib["sources"]["purchase_orders"], {"rows": 15, "rejected": 4, "ignored_after_as_of": 1})
eq("receipts", ib["sources"]["receipts"], {"rows": 16, "rejected": 4, "ignored_after_as_of": 2})
eq("ib inventory", ib["sources"]["inventory"], {"rows": 6, "rejected": 0, "ignored_after_as_of": 1})
# received / supplier lead time (order_date -> received):
#   PO0/1 C 3: 3 on 01-07 -> 01-07, 2 (W02, not reported; before the category window)
#   PO1/1 A 10: 4 on 04-10, 6 on 04-20 (two receipts) -> 04-20, 19 (W17)
#   PO1/2 C 5: 5 on 04-14 -> 13 (W16)
#   PO2/1 D 8: never received
#   PO2/2 C 4: 3 on 05-05, 1 on 05-06 (listed in the other order) -> 05-06, 14 (W19)
#   PO3/1 A 12: 2 on 05-15, 3 on 05-19, (7 on 05-22 ignored) -> not received by A
#   PO3/2 A 6, PO3/3 C 7: no receipt
#   PO3/4 D 2: 2 on 05-12 -> 9 (W20)
#   PO5/1 B 9: 9.5 on 05-16 -> 11 (W20)
for wk, med, p90 in (("2026-W15", None, None), ("2026-W16", 13, 13), ("2026-W17", 19, 19),
                     ("2026-W18", None, None), ("2026-W19", 14, 14), ("2026-W20", 9, 11), ("2026-W21", None, None)):
    eq(f"{wk} supplier_lead_time_median", IW[wk]["supplier_lead_time_median"], med)
    eq(f"{wk} supplier_lead_time_p90", IW[wk]["supplier_lead_time_p90"], p90)
# April [13, 19]: median rank 1 -> 13, p90 rank 2 -> 19; May [9, 11, 14]: rank 2 -> 11, rank 3 -> 14
eq("2026-04 supplier_lead_time_median", IM["2026-04"]["supplier_lead_time_median"], 13)
eq("2026-04 supplier_lead_time_p90", IM["2026-04"]["supplier_lead_time_p90"], 19)
eq("2026-05 supplier_lead_time_median", IM["2026-05"]["supplier_lead_time_median"], 11)
eq("2026-05 supplier_lead_time_p90", IM["2026-05"]["supplier_lead_time_p90"], 14)
# supplier_on_time_rate (due in P, due <= A; received by the due date):
#   W16: PO1/1 due 04-15 min(10, 4) = 4, PO1/2 min(5, 5) = 5 -> 9/15
#   W19: PO2/1 due 05-04 0 of 8, PO2/2 due 05-06 3+1 = 4 of 4 -> 4/12
#   W21: PO3/4 due 05-20 = A: 2 of 2 -> 1 (PO3/3 due 05-25 > A does not count)
#   April 9/15; May (0+4+2)/(8+4+2) = 6/14; W15, W17, W18, W20: nothing due -> null
eq("W16 supplier_on_time_rate", IW["2026-W16"]["supplier_on_time_rate"], 0.6)
eq("W19 supplier_on_time_rate", IW["2026-W19"]["supplier_on_time_rate"], 4 / 12)
eq("W21 supplier_on_time_rate", IW["2026-W21"]["supplier_on_time_rate"], 1.0)
eq("W20 supplier_on_time_rate", IW["2026-W20"]["supplier_on_time_rate"], None)
eq("2026-04 supplier_on_time_rate", IM["2026-04"]["supplier_on_time_rate"], 0.6)
eq("2026-05 supplier_on_time_rate", IM["2026-05"]["supplier_on_time_rate"], 6 / 14)
# inbound_i (S = 05-17): open = max(0, qty - received by S) of PO lines due before the start:
#   A: PO1/1 10-10 = 0 (due 04-15), PO3/1 12-2 = 10 (due 05-28; the 3 received 05-19, after the
#      snapshot but before A, are still inbound), PO3/2 6 (due 06-01)
#   garden: PO0/1 0, PO1/2 0, PO2/1 8 (never received, overdue), PO2/2 0, PO3/3 7, PO3/4 0
#   B: PO5/1 max(0, 9 - 9.5) = 0 (PO4/1 ignored)
# U1 (starts 06-01: PO3/2, due exactly 06-01, does not count): A 10, garden 15 -> 25
#   readiness (min(5,20) + min(11,30))/50 = 16/50; with inbound (min(15,20) + min(26,30))/50 = 41/50
# U2 (starts 06-08): A 10 + 6 = 16; readiness min(5,10)/10 = .5; with inbound min(21,10)/10 = 1
# U3 (item B planned 0): inbound 0; readiness and readiness_with_inbound null (sum planned 0)
# E1 (ended): inbound_units and readiness_with_inbound null; lead time O1 04-06 -> 04-08 = 2
eq("U1 inbound_units", IC["U1"]["inbound_units"], 25)
eq("U1 readiness", IC["U1"]["readiness"], 16 / 50)
eq("U1 readiness_with_inbound", IC["U1"]["readiness_with_inbound"], 41 / 50)
eq("U2 inbound_units", IC["U2"]["inbound_units"], 16)
eq("U2 readiness", IC["U2"]["readiness"], 0.5)
eq("U2 readiness_with_inbound", IC["U2"]["readiness_with_inbound"], 1.0)
eq("U2 at_risk (readiness without inbound)", IC["U2"]["at_risk"], True)
eq("U3 inbound_units", IC["U3"]["inbound_units"], 0)
eq("U3 readiness_with_inbound", IC["U3"]["readiness_with_inbound"], None)
eq("E1 inbound_units", IC["E1"]["inbound_units"], None)
eq("E1 readiness_with_inbound", IC["E1"]["readiness_with_inbound"], None)
eq("E1 lead_time_median", IC["E1"]["lead_time_median"], 2)
eq("E1 lead_time_p90", IC["E1"]["lead_time_p90"], 2)
eq("U1 lead_time_median", IC["U1"]["lead_time_median"], None)
eq("ib campaign_skus", ib["campaign_skus"], [{"campaign_id": "E1", "sku": "A", "category": "toys",
   "ordered_units": 1.0, "due_units": 1.0, "on_time_units": 1.0, "fill_rate": 1.0, "shortfall_value": 0.0,
   "lead_time_median": 2, "stock_on_hand": 5.0}])
# categories (window 2026-02-23 .. 05-20):
#   gadgets: no line, no PO -> nulls
#   garden: supplier [PO3/4 9, PO1/2 13, PO2/2 14] -> rank 2 -> 13 (PO0/1, received 01-07, is before
#           the window: with it [2,9,13,14] -> 9); nothing shipped -> cover null
#   toys: supplier [PO5/1 11, PO1/1 19] -> rank 1 -> 11; lead O1 2; cover (5+0)/(1/13) = 65
ICT = {c["category"]: c for c in ib["categories"]}
eq("ib categories", [c["category"] for c in ib["categories"]], ["gadgets", "garden", "toys"])
eq("gadgets supplier_lead_time_median", ICT["gadgets"]["supplier_lead_time_median"], None)
eq("garden supplier_lead_time_median", ICT["garden"]["supplier_lead_time_median"], 13)
eq("toys supplier_lead_time_median", ICT["toys"]["supplier_lead_time_median"], 11)
eq("ib toys lead_time_median", ICT["toys"]["lead_time_median"], 2)
eq("ib toys weeks_of_cover", ICT["toys"]["weeks_of_cover"], 65.0)
eq("ib garden weeks_of_cover (nothing shipped)", ICT["garden"]["weeks_of_cover"], None)

# Without receipts: lead-time and on-time keys null, nothing counts as received:
#   U1: A 10 + 12 = 22, garden 3+5+8+4+7+2 = 29 -> 51; (min(27,20) + min(40,30))/50 = 1
#   U2: A 10 + 12 + 6 = 28 -> min(33,10)/10 = 1;  U3: B 9
NW = {p["period"]: p for p in ib_norc["weeks"]}
NC = {c["campaign_id"]: c for c in ib_norc["campaigns"]}
eq("no receipts: sources", sorted(ib_norc["sources"]), sorted(set(ib["sources"]) - {"receipts"}))
for p in ib_norc["weeks"] + ib_norc["months"]:
    for k in ("supplier_lead_time_median", "supplier_lead_time_p90", "supplier_on_time_rate"):
        eq(f"no receipts: {p['period']} {k}", p[k], None)
for c in ib_norc["categories"]:
    eq(f"no receipts: {c['category']} supplier_lead_time_median", c["supplier_lead_time_median"], None)
eq("no receipts: U1 inbound_units", NC["U1"]["inbound_units"], 51)
eq("no receipts: U1 readiness_with_inbound", NC["U1"]["readiness_with_inbound"], 1.0)
eq("no receipts: U2 inbound_units", NC["U2"]["inbound_units"], 28)
eq("no receipts: U3 inbound_units", NC["U3"]["inbound_units"], 9)
eq("no receipts: U1 readiness unchanged", NC["U1"]["readiness"], 16 / 50)
# Without purchase_orders (and receipts): every key of the section null
PC = {c["campaign_id"]: c for c in ib_nopo["campaigns"]}
for cid in ("U1", "U2", "U3", "E1"):
    eq(f"no purchase_orders: {cid} inbound_units", PC[cid]["inbound_units"], None)
    eq(f"no purchase_orders: {cid} readiness_with_inbound", PC[cid]["readiness_with_inbound"], None)
for p in ib_nopo["weeks"] + ib_nopo["months"]:
    for k in ("supplier_lead_time_median", "supplier_lead_time_p90", "supplier_on_time_rate"):
        eq(f"no purchase_orders: {p['period']} {k}", p[k], None)
for c in ib_nopo["categories"]:
    eq(f"no purchase_orders: {c['category']} supplier_lead_time_median", c["supplier_lead_time_median"], None)
eq("no purchase_orders: U1 readiness unchanged", PC["U1"]["readiness"], 16 / 50)
# Without inventory: readiness figures null; S = A, so PO3/1's receipts of 05-15 and 05-19 are both
#   subtracted: A 12 - 5 = 7. U1: 7 + 15 = 22; U2: 7 + 6 = 13
VC = {c["campaign_id"]: c for c in ib_noinv["campaigns"]}
eq("no inventory: U1 inbound_units", VC["U1"]["inbound_units"], 22)
eq("no inventory: U2 inbound_units", VC["U2"]["inbound_units"], 13)
eq("no inventory: U1 readiness_with_inbound", VC["U1"]["readiness_with_inbound"], None)
eq("no inventory: U1 readiness", VC["U1"]["readiness"], None)
eq("no inventory: E1 stock_on_hand", ib_noinv["campaign_skus"][0]["stock_on_hand"], None)
# ---- fixture "comparisons": the as-of week and month against last year and the year to date -------
# 2026 has 53 ISO weeks (2026-W53 = 2026-12-28..2027-01-03); 2028 has a 29 February.
# Products A toys (unit_cost 2, list_price 5), B garden (10, 20).
# Campaigns: K26 2026-01-01..01-10, K27 2027-01-01..01-10 (item A); L27 2027-02-20..03-05,
#   L28 2028-02-20..03-05 (item B).
# Lines (sku qty@price, order -> requested; deliveries; ots; campaign; completed lead time):
#   N0/1 B 1@20  2024-12-28 -> 12-29 (Sun); nothing shipped: ots 0                 other
#   N0/2 B 2@20  2024-12-28 -> 12-30 (Mon); 2 on 12-30: ots 2                      other
#   O1   A 10@5  2026-01-02 -> 01-04 (Sun); 6 on 01-03, 4 on 01-10: ots 6          K26, lt 8
#   O2   A 4@5   2026-01-05 -> 01-07; 4 on 01-06: ots 4                            K26, lt 1
#   O3   B 5@20  2026-01-05 -> 01-06; 3 on 01-06, 2 on 01-09: ots 3                other, lt 4
#   O4   A 2@5   2026-01-08 -> 01-09; 2 on 01-09: ots 2                            K26, lt 1
#   O5   A 8@5   2027-01-02 -> 01-03 (Sun); 8 on 01-04: ots 0                      K27, lt 2
#   O6   A 5@5   2027-01-04 -> 01-05; 5 on 01-05: ots 5                            K27, lt 1
#   O7   B 10@20 2027-01-04 -> 01-06; 10 on 01-05: ots 10                          other, lt 1
#   O8   B 4@20  2027-02-21 -> 02-28; 2 on 02-27: ots 2                            L27
#   O9   B 3@20  2027-02-22 -> 03-01; 3 on 03-01: ots 3                            L27, lt 7
#   O10  B 6@20  2028-02-21 -> 02-29; 6 on 02-29: ots 6                            L28, lt 8
#   O11  A 1@5   2028-02-29 -> 03-03 (never due here), nothing shipped            other
# Freight: one row a day, cost 2^i, so a range's total_freight_spend names exactly the days it holds:
#   F0 2024-12-29 1, F1 12-30 2, F2 2025-12-28 4, F3 12-29 8, F4 2026-01-01 16, F5 01-02 32,
#   F6 01-03 64, F7 01-04 128, F8 01-05 256, F9 01-06 512, F10 01-07 1024, F11 01-08 2048,
#   F12 12-31 4096, F13 2027-01-01 8192, F14 01-02 16384, F15 01-03 32768, F16 01-04 65536,
#   F17 01-06 131072, F18 02-28 262144, F19 03-01 524288, F20 03-02 1048576, F21 03-03 2097152,
#   F22 2028-01-01 4194304, F23 01-02 8388608, F24 01-03 16777216, F25 02-28 33554432, F26 02-29 67108864.
#   Fa..Fb below is the sum of Fa to Fb: 2^(b+1) - 2^a.
# Inventory: 2026-01-04 A 20, B 10; 2026-06-01 B 30; 2027-02-28 B 8. Forecast: 2026-01-05 A 5; 2027-02-22 B 4.
CPD = {a: json.load(open(os.path.join(tmp, f"cp_{a}.json")))
       for a in ("2027-01-02", "2027-01-06", "2028-01-01", "2028-02-29")}
def cmpr(a, grain, name, **want):
    """want: keys of the range `name` of the as-of `grain`'s comparisons, for as-of date a."""
    got = CPD[a]["comparisons"][grain][name]
    for k, v in want.items():
        eq(f"comparisons {a} {grain}.{name} {k}", got[k], v)
eq("comparisons keys", sorted(CPD["2027-01-06"]["comparisons"]["week"]),
   ["last_year", "period", "year_to_date", "year_to_date_last_year"])
eq("comparisons range keys", list(CPD["2027-01-06"]["comparisons"]["week"]["last_year"]),
   ["start", "end"] + list(CPD["2027-01-06"]["weeks"][0])[3:])
eq("default as_of (the leap day)", CPD["2028-02-29"]["as_of"], "2028-02-29")

# A = 2027-01-02, a Saturday in 2026-W53 (Monday 2026-12-28); ISO week-year 2026, whose week 1 starts 2025-12-29.
#   week last_year: 2026-12-28 - 364 = 2025-12-29 .. 2027-01-02 - 364 = 2026-01-03 (Monday..Saturday of 2026-W01):
#     F3..F6 = 120; no line due (O1 is due on Sunday 01-04); the forecast week 2025-12-29 has no forecast row
#   week year_to_date: 2025-12-29 .. 2027-01-02 (53 weeks less a day: 370 days): F3..F14 = 32760
#     due: promo O1, O2, O4 (K26) 12/16; other O3 3/5 (O5 is due 2027-01-03, after A); K26 12/16 below
#     top_shortfall: A due 16, on time 12, (10 - 6) * 5 = 20
#     promoted categories {toys} (K26, K27; L27 starts after A); snapshots 2026-01-04, 2026-06-01: |S| = 2
#     toys: COGS (6 + 4 + 4 + 2) * 2 = 32, avg 20 * 2 / 2 = 20 -> 32/20 * 365/370
#     garden: COGS (3 + 2) * 10 = 50, avg (100 + 300) / 2 = 200 -> 50/200 * 365/370
#     promo lead times [8, 1, 1]: median rank 2 -> 1, p90 rank 3 -> 8
#     forecast weeks 2025-12-29 (A 10 vs 0), 2026-01-05 (A 6 vs 5, B 5 vs 0), 2026-12-28 (A 8 vs 0):
#       1 - (50 + 5 + 100 + 40) / (50 + 30 + 100 + 40) = 25/220
#   week year_to_date_last_year: 2025-12-29 - 364 = 2024-12-30 .. 2026-01-03: F1..F6 = 126 (F0 is the day before);
#     other: N0/2 2/2 = 1 (N0/1, due 2024-12-29, is outside: with it 2/3); promo: none
#   month 2027-01: last_year 2026-01-01..01-02 (F4 + F5 = 48), year_to_date 2027-01-01..01-02 (F13 + F14 = 24576),
#     year_to_date_last_year 2026-01-01..01-02 (48)
a = "2027-01-02"
eq("comparisons 2027-01-02 week period", CPD[a]["comparisons"]["week"]["period"], "2026-W53")
eq("comparisons 2027-01-02 month period", CPD[a]["comparisons"]["month"]["period"], "2027-01")
cmpr(a, "week", "last_year", start="2025-12-29", end="2026-01-03", total_freight_spend=120,
     promo_fill_rate=None, other_fill_rate=None, campaigns_measured=0, forecast_accuracy=None)
cmpr(a, "week", "year_to_date", start="2025-12-29", end="2027-01-02", total_freight_spend=32760,
     promo_fill_rate=0.75, other_fill_rate=0.6, campaigns_measured=1, campaigns_below_target=1,
     promo_units_ordered=16, promo_shortfall_value=20,
     top_shortfall=[{"sku": "A", "category": "toys", "due_units": 16, "on_time_units": 12, "shortfall_value": 20}],
     inventory_turns_promoted=32 / 20 * 365 / 370, inventory_turns_other=50 / 200 * 365 / 370,
     promo_lead_time_median=1, promo_lead_time_p90=8, forecast_accuracy=25 / 220)
cmpr(a, "week", "year_to_date_last_year", start="2024-12-30", end="2026-01-03", total_freight_spend=126,
     other_fill_rate=1.0, promo_fill_rate=None)
cmpr(a, "month", "last_year", start="2026-01-01", end="2026-01-02", total_freight_spend=48)
cmpr(a, "month", "year_to_date", start="2027-01-01", end="2027-01-02", total_freight_spend=24576)
cmpr(a, "month", "year_to_date_last_year", start="2026-01-01", end="2026-01-02", total_freight_spend=48)

# A = 2027-01-06, a Wednesday of 2027-W01 (Monday 2027-01-04), after the 53-week 2026.
#   week last_year = year_to_date_last_year: 2027-01-04 - 364 = 2026-01-05 .. 2026-01-07: F8..F10 = 1792. It starts
#     in 2026-W02: 2026-W01 (2025-12-29..2026-01-04) is not in it.
#     due: promo O2 4/4 = 1 (shortfall 0: top_shortfall empty); other O3 3/5; K26 measured, not below
#     no snapshot in P (2026-01-04 is the day before): turns null
#     forecast: the Monday 2026-01-05 is in P, so the whole week's orders count, O4 of Thursday 01-08 too:
#       A 4 + 2 = 6 vs 5, B 5 vs 0 (no row) -> 1 - (1*5 + 5*20) / (6*5 + 5*20) = 25/130; bias (-5 - 100)/130;
#       promotional (A, K26): 1 - 5/30 = 25/30; other (B): no pair with a forecast row -> null
#     lead times completed in P: O2 (01-06) 1, promotional; other: none (O3 completes 01-09)
#   week year_to_date: 2027-01-04..01-06: F16 + F17 = 196608 (F15, Sunday 2027-01-03, is in 2026-W53)
#     due: promo O6 5/5, other O7 10/10; lead times promo [O5 2, O6 1] -> median 1, p90 2; other [O7 1]
#   month 2027-01: last_year = year_to_date_last_year 2026-01-01..01-06 (days 6): F4..F9 = 1008
#     due: promo O1 6/10 = 0.6, shortfall 20 (top_shortfall A 10 6 20); other O3 3/5; K26 6/10 below -> share 1
#     snapshot 2026-01-04; toys promoted: COGS (6 + 4) * 2 = 20, value 20 * 2 = 40 -> 20/40 * 365/6;
#     garden: COGS 3 * 10 = 30, value 10 * 10 = 100 -> 30/100 * 365/6 = 18.25
#     forecast: the same week 2026-01-05 -> 25/130
#   month year_to_date: 2027-01-01..01-06: F13..F17 = 253952
#     due: promo O5 0/8 + O6 5/5 = 5/13, shortfall 8 * 5 = 40; K27 5/13 below
a = "2027-01-06"
eq("comparisons 2027-01-06 week period", CPD[a]["comparisons"]["week"]["period"], "2027-W01")
for name in ("last_year", "year_to_date_last_year"):
    cmpr(a, "week", name, start="2026-01-05", end="2026-01-07", total_freight_spend=1792,
         promo_fill_rate=1.0, other_fill_rate=0.6, promo_units_ordered=4, promo_shortfall_value=0,
         top_shortfall=[], campaigns_measured=1, campaigns_below_target=0, stockout_campaign_share=0.0,
         inventory_turns_promoted=None, inventory_turns_other=None,
         forecast_accuracy=25 / 130, forecast_bias=-105 / 130, promo_forecast_accuracy=25 / 30,
         other_forecast_accuracy=None, promo_lead_time_median=1, other_lead_time_median=None)
cmpr(a, "week", "year_to_date", start="2027-01-04", end="2027-01-06", total_freight_spend=196608,
     promo_fill_rate=1.0, other_fill_rate=1.0, promo_lead_time_median=1, promo_lead_time_p90=2,
     other_lead_time_median=1)
for name in ("last_year", "year_to_date_last_year"):
    cmpr(a, "month", name, start="2026-01-01", end="2026-01-06", total_freight_spend=1008,
         promo_fill_rate=0.6, other_fill_rate=0.6, promo_shortfall_value=20,
         top_shortfall=[{"sku": "A", "category": "toys", "due_units": 10, "on_time_units": 6, "shortfall_value": 20}],
         campaigns_measured=1, campaigns_below_target=1, stockout_campaign_share=1.0,
         inventory_turns_promoted=20 / 40 * 365 / 6, inventory_turns_other=18.25, forecast_accuracy=25 / 130)
cmpr(a, "month", "year_to_date", start="2027-01-01", end="2027-01-06", total_freight_spend=253952,
     promo_fill_rate=5 / 13, promo_shortfall_value=40, campaigns_measured=1, campaigns_below_target=1)
# report.max_weeks 2 reports 2026-W53 and 2027-W01 only; the ranges are computed from every row all the same
cw2 = json.load(open(os.path.join(tmp, "cp_w2.json")))
eq("comparisons max_weeks 2: weeks", [p["period"] for p in cw2["weeks"]], ["2026-W53", "2027-W01"])
eq("comparisons max_weeks 2: comparisons unchanged", cw2["comparisons"], CPD[a]["comparisons"])

# A = 2028-01-01, a Saturday in 2027-W52 (Monday 2027-12-27); ISO week-year 2027, week 1 starts 2027-01-04.
#   week last_year 2026-12-28 .. 2027-01-02: F12..F14 = 28672
#   week year_to_date 2027-01-04 .. 2028-01-01: F16..F22 = 8323072
#   week year_to_date_last_year 2026-01-05 .. 2027-01-02: F8..F14 = 32512
#   month 2028-01: last_year 2027-01-01 (F13 = 8192), year_to_date 2028-01-01 (F22 = 4194304),
#     year_to_date_last_year 2027-01-01 (8192)
a = "2028-01-01"
eq("comparisons 2028-01-01 week period", CPD[a]["comparisons"]["week"]["period"], "2027-W52")
cmpr(a, "week", "last_year", start="2026-12-28", end="2027-01-02", total_freight_spend=28672)
cmpr(a, "week", "year_to_date", start="2027-01-04", end="2028-01-01", total_freight_spend=8323072)
cmpr(a, "week", "year_to_date_last_year", start="2026-01-05", end="2027-01-02", total_freight_spend=32512)
cmpr(a, "month", "last_year", start="2027-01-01", end="2027-01-01", total_freight_spend=8192)
cmpr(a, "month", "year_to_date", start="2028-01-01", end="2028-01-01", total_freight_spend=4194304)
cmpr(a, "month", "year_to_date_last_year", start="2027-01-01", end="2027-01-01", total_freight_spend=8192)

# A = 2028-02-29, a Tuesday of 2028-W09 (Monday 2028-02-28).
#   week last_year 2027-03-01 .. 03-02: F19 + F20 = 1572864; O9 promo 3/3, lead time 7
#   week year_to_date 2028-01-03 (Monday of 2028-W01) .. 02-29: F24..F26 = 117440512 (F22, F23 are in 2027-W52)
#   week year_to_date_last_year 2027-01-04 .. 03-02: F16..F20 = 2031616
#     due: promo O6 5/5, O8 2/4, O9 3/3 -> 10/12; K27 5/5, L27 5/7 below -> 2 measured, 1 below; other O7 1
#   month 2028-02: last_year 2027-02-01 .. 02-28 (29 February a year earlier is 28 February): F18 = 262144
#     due: O8 promo 2/4, shortfall 2 * 20 = 40 (top_shortfall B 4 2 40); L27 below
#     snapshot 2027-02-28 (B 8): garden promoted (L27): COGS 2 * 10 = 20 (O8, 02-27), value 80 -> 20/80 * 365/28;
#     toys: no stock value -> null
#     forecast Mondays 02-01, 02-08, 02-15, 02-22: (B, 02-15) O8 4 vs 0; (B, 02-22) O9 3 vs 4
#       -> 1 - (80 + 20) / (80 + 60) = 2/7, bias (-80 + 20) / 140 = -3/7; both pairs promotional (L27)
#   month year_to_date 2028-01-01 .. 02-29: F22..F26 = 130023424; O10 promo 6/6
#   month year_to_date_last_year 2027-01-01 .. 02-28: F13..F18 = 516096
#     due: promo O5 0/8, O6 5/5, O8 2/4 -> 7/17; K27 5/13 and L27 2/4 both below
#     top_shortfall: A (O5, O6) 13 due, 5 on time, 40; B (O8) 4, 2, 40: a tie at 40, by sku
a = "2028-02-29"
eq("comparisons 2028-02-29 week period", CPD[a]["comparisons"]["week"]["period"], "2028-W09")
eq("comparisons 2028-02-29 month period", CPD[a]["comparisons"]["month"]["period"], "2028-02")
cmpr(a, "week", "last_year", start="2027-03-01", end="2027-03-02", total_freight_spend=1572864,
     promo_fill_rate=1.0, promo_lead_time_median=7)
cmpr(a, "week", "year_to_date", start="2028-01-03", end="2028-02-29", total_freight_spend=117440512,
     promo_fill_rate=1.0)
cmpr(a, "week", "year_to_date_last_year", start="2027-01-04", end="2027-03-02", total_freight_spend=2031616,
     promo_fill_rate=10 / 12, other_fill_rate=1.0, campaigns_measured=2, campaigns_below_target=1,
     stockout_campaign_share=0.5)
cmpr(a, "month", "last_year", start="2027-02-01", end="2027-02-28", total_freight_spend=262144,
     promo_fill_rate=0.5, promo_shortfall_value=40, campaigns_measured=1, campaigns_below_target=1,
     top_shortfall=[{"sku": "B", "category": "garden", "due_units": 4, "on_time_units": 2, "shortfall_value": 40}],
     inventory_turns_promoted=20 / 80 * 365 / 28, inventory_turns_other=None,
     forecast_accuracy=2 / 7, forecast_bias=-3 / 7, promo_forecast_accuracy=2 / 7, other_forecast_accuracy=None)
cmpr(a, "month", "year_to_date", start="2028-01-01", end="2028-02-29", total_freight_spend=130023424,
     promo_fill_rate=1.0)
cmpr(a, "month", "year_to_date_last_year", start="2027-01-01", end="2027-02-28", total_freight_spend=516096,
     promo_fill_rate=7 / 17, campaigns_measured=2, campaigns_below_target=2,
     top_shortfall=[{"sku": "A", "category": "toys", "due_units": 13, "on_time_units": 5, "shortfall_value": 40},
                    {"sku": "B", "category": "garden", "due_units": 4, "on_time_units": 2, "shortfall_value": 40}])

# receipts without purchase_orders: exit status 2
eq("receipts without purchase_orders: exit status", open(os.path.join(tmp, "ib_rconly.rc")).read().strip(), "2")

# ---- fixture "segments", A = 2026-03-08 (a Sunday; weeks W08 02-16, W09 02-23, W10 03-02) ------------------------
# Used lines (order/line sku qty@price region, order_date -> requested_date; delivered):
#   O1/1 P1 10@10 North 02-16->02-20 (10 on 02-19)   O1/2 P3 5@30 South 02-16->02-20 (5 late, 02-22)
#   O2/1 P2 4@0 North 02-17->02-24                    O2/2 P6 2@0 "" 02-17->02-24 (order O2 is worth 0)
#   O3/1 P4 6@5 north 02-24->03-03 (on time)          O3/2 P1 3@10 " North " 02-24->03-03 (late, 03-04)
#   O4/1 P6 8@4 South 03-02->03-06 (5 on 03-05)        O5/1 P3 2@30 North 03-03->03-10 (not due)
#   O10/1 P6 10@3 Mid 02-25->03-02 (on time)
#   rejected: O6 (sku PX, region East); ignored: O7 (03-10 > A, region West). Neither East nor West is a value.
# Region revenue: North 190, South 182, Mid 30, north 30, "" 0. Brands (products): P1 Acme, P2 acme, P3 " Acme "
# (Acme), P4 "" , P5 Zeta (no lines), P6 Beta; a duplicate P1 (brand Ghost) is rejected.
# Freight: F1 50 EXPEDITED O1 (North 100 / South 150 of the order's value: 20 / 30); F2 10 O2 (value 0: by line
# count, North 5 / "" 5); F3 7 without order, F4 12 AIR of an unknown order, F6 9 of O7 (no used line), F8 5 of
# O6 (rejected): in no view; F5 8 O4 (South); F7 6 EXPEDITED O3 (north 30 / North 30: 3 / 3).
# Campaigns: C1 02-16..03-01 items P1 (30), drinks (40); C2 03-16..03-31 (upcoming) items snacks (20), P6 (5);
# C3 02-23..03-08 item P6 (10).
# Inventory (date sku qty location region): 02-22 P4 3 ""; 03-01 P1 20 North, P2 5 South; 03-08 P1 15 North,
# P6 4 South, P3 7 LATAM, P2 9 north, P5 2 "  " (""), P2 50 West (LATAM and West are no value).
# Forecast: 02-16 P1 8 North, 3 South, 99 North (duplicate (week, sku, North): rejected); 02-23 P4 5 north,
# P1 4 LATAM; 03-02 P6 6 South.  Purchase orders: PO1/1 P1 20 due 02-23 North (received 02-22),
# PO1/2 P6 10 due 03-12 South (4 received 03-05), PO2/1 P2 6 due 03-10 LATAM.
SG = {n: json.load(open(os.path.join(tmp, f"sg_{n}.json"))) for n in (50, 4)}
SGS = {n: json.load(open(os.path.join(tmp, f"sg_{n}.seg.json"))) for n in (50, 4)}
def view(n, dim, value, other=False):
    (d,) = [d for d in SGS[n]["dimensions"] if d["key"] == dim]
    (v,) = [v for v in d["values"] if v["value"] == value and v["other"] == other]
    return {"W": {p["period"]: p for p in v["weeks"]}, "C": {c["campaign_id"]: c for c in v["campaigns"]}, "v": v}
sw = {p["period"]: p for p in SG[50]["weeks"]}
eq("segments forecast rejected", SG[50]["sources"]["forecast"]["rejected"], 1)
eq("segments products rejected", SG[50]["sources"]["products"]["rejected"], 1)
eq("segments kpis.json segments", SG[4]["segments"], [{"key": "region", "label": "Sales region", "values": 4},
                                                      {"key": "brand", "label": "brand", "values": 4}])
eq("segments company W08 freight", sw["2026-W08"]["total_freight_spend"], 67)
eq("segments company W10 freight", sw["2026-W10"]["total_freight_spend"], 40)
# company forecast of (02-16, P1) = 8 + 3; pairs P1 10/11, P3 5/0, P2 4/0, P6 2/0 at list prices 10, 30, 20, 4
eq("segments company W08 forecast_accuracy", sw["2026-W08"]["forecast_accuracy"], 1 - 248 / 338)
# W10 promo fill rates: North 0 (O3/2 late), South 5/8, Mid 1, north 1 (tie: "Mid" < "north"), "" none
for n, order in ((50, ["North", "South", "Mid", "north", ""]), (4, ["North", "South", "Mid", None])):
    (d,) = [d for d in SGS[n]["dimensions"] if d["key"] == "region"]
    eq(f"segments {n} region order", [v["value"] for v in d["values"]], order)
    eq(f"segments {n} region labels", [v["label"] for v in d["values"]],
       ["North", "South", "Mid"] + (["north", "(none)"] if n == 50 else ["Other"]))
    eq(f"segments {n} region source", d["source"], "orders")
for n, order in ((50, ["Acme", "Beta", "", "Zeta", "acme"]), (4, ["Acme", "Beta", "", None])):
    (d,) = [d for d in SGS[n]["dimensions"] if d["key"] == "brand"]
    eq(f"segments {n} brand order", [v["value"] for v in d["values"]], order)
    eq(f"segments {n} brand source", d["source"], "products")
N, S, Z, n_, M = (view(50, "region", v) for v in ("North", "South", "", "north", "Mid"))
eq("segments North W08 freight", N["W"]["2026-W08"]["total_freight_spend"], 25)
eq("segments North W08 emergency share", N["W"]["2026-W08"]["emergency_freight_share"], 0.8)
eq("segments South W08 freight", S["W"]["2026-W08"]["total_freight_spend"], 30)
eq("segments (none) W08 freight", Z["W"]["2026-W08"]["total_freight_spend"], 5)
eq("segments W10 freight North, north, South", [v["W"]["2026-W10"]["total_freight_spend"] for v in (N, n_, S)], [3, 3, 8])
eq("segments North W10 promo_fill_rate", N["W"]["2026-W10"]["promo_fill_rate"], 0)
eq("segments South W10 promo_fill_rate", S["W"]["2026-W10"]["promo_fill_rate"], 5 / 8)
eq("segments (none) W10 promo_fill_rate", Z["W"]["2026-W10"]["promo_fill_rate"], None)
# North W08: P1 10/8, P2 4/0 -> 1 - (20 + 80) / (100 + 80)
eq("segments North W08 forecast_accuracy", N["W"]["2026-W08"]["forecast_accuracy"], 1 - 100 / 180)
eq("segments North C1 emergency freight", N["C"]["C1"]["emergency_freight_spend"], 20 + 3)
# C2 readiness, each view's own latest snapshot (03-08): North P1 15 -> (15 + 0) / 25; South P6 4 -> 4 / 25, with
# PO1/2's 6 open units 5 / 25; north P2 9 -> 9 / 25; Mid: no row, present and empty -> 0
eq("segments North C2 readiness", N["C"]["C2"]["readiness"], 15 / 25)
eq("segments South C2 readiness", S["C"]["C2"]["readiness"], 4 / 25)
eq("segments South C2 inbound_units", S["C"]["C2"]["inbound_units"], 6)
eq("segments South C2 readiness_with_inbound", S["C"]["C2"]["readiness_with_inbound"], 5 / 25)
eq("segments north C2 readiness", n_["C"]["C2"]["readiness"], 9 / 25)
eq("segments Mid C2 readiness", M["C"]["C2"]["readiness"], 0)
eq("segments Mid C1 ordered, fill rate", [M["C"]["C1"]["ordered_units"], M["C"]["C1"]["fill_rate"]], [0, None])
# max_values 4: North 190, South 182 and Mid 30 (tie with north at 30: value ascending) keep their views; Other
# holds north and "" and the rows of LATAM and West
O = view(4, "region", None, True)
eq("segments Other label", O["v"]["label"], "Other")
eq("segments Other W08 freight", O["W"]["2026-W08"]["total_freight_spend"], 5)
# Other's latest snapshot 03-08: P2 9 (north) + 50 (West) -> snacks min(59, 20); P6 0 -> 20 / 25
eq("segments Other C2 readiness", O["C"]["C2"]["readiness"], 20 / 25)
eq("segments Other C2 inbound_units", O["C"]["C2"]["inbound_units"], 6)
# Other W09: P4 6 ordered / 5 forecast (north), P1 0 / 4 (LATAM) at 5 and 10: bias (-5 + 40) / 30, accuracy 0
eq("segments Other W09 forecast_bias", O["W"]["2026-W09"]["forecast_bias"], 35 / 30)
eq("segments Other W09 forecast_accuracy", O["W"]["2026-W09"]["forecast_accuracy"], 0)
# brand: Acme (P1, P3) holds all of O1 (F1 50); O2 by line count: acme 5, Beta 5
A_, B_, Zt, a_ = (view(50, "brand", v) for v in ("Acme", "Beta", "Zeta", "acme"))
eq("segments brand W08 freight Acme, Beta, acme", [v["W"]["2026-W08"]["total_freight_spend"] for v in (A_, B_, a_)], [50, 5, 5])
eq("segments Acme C1 planned (P1, drinks)", A_["C"]["C1"]["planned_units"], 70)
eq("segments Acme C2 planned (snacks)", A_["C"]["C2"]["planned_units"], 20)
eq("segments Acme C2 readiness (P1 15 of 20)", A_["C"]["C2"]["readiness"], 15 / 20)
eq("segments Zeta C1 (drinks item, no lines)", [Zt["C"]["C1"]["planned_units"], Zt["C"]["C1"]["ordered_units"],
                                               Zt["C"]["C1"]["fill_rate"]], [40, 0, None])
eq("segments acme C1 planned, attainment", [a_["C"]["C1"]["planned_units"], a_["C"]["C1"]["plan_attainment"]], [0, None])
eq("segments Beta C3 ordered", B_["C"]["C3"]["ordered_units"], 18)
eq("segments bad --segment: exit status", open(os.path.join(tmp, "sg_bad.rc")).read().strip(), "2")
eq("segments missing header: exit status", open(os.path.join(tmp, "sg_nohdr.rc")).read().strip(), "2")
cmp_lines = open(os.path.join(tmp, "cmp_sg.txt")).read().splitlines()
eq("compare.py segments without paths: exit status", open(os.path.join(tmp, "cmp_sg.rc")).read().strip(), "1")
eq("compare.py segments without paths: mismatches", [l for l in cmp_lines if l.startswith("MISMATCH")],
   [f'MISMATCH {k}[{v}] path: in neither document' for k, vs in (("region", ['"North"', '"South"', '"Mid"', "Other"]),
                                                                  ("brand", ['"Acme"', '"Beta"', '""', "Other"])) for v in vs])

if fails:
    print("\n".join(fails))
    print(f"selftest FAILED: {len(fails)} of {checks} check(s)")
    sys.exit(1)
print(f"selftest OK ({checks} checks)")
EOF
