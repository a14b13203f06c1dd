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
# a document equals itself
"$PY" "$HERE/compare.py" "$TMP/basic.json" "$TMP/basic.json" > "$TMP/cmp.txt"
tail -n 1 "$TMP/cmp.txt" | grep -Eq '^[0-9]+ passed, 0 failed$'

"$PY" - "$TMP" <<'EOF'
import json, sys, os
tmp = sys.argv[1]
d = json.load(open(os.path.join(tmp, "basic.json")))
dd = json.load(open(os.path.join(tmp, "basic_default.json")))
iso = json.load(open(os.path.join(tmp, "isoweek.json")))
W = {p["period"]: p for p in d["weeks"]}
M = {p["period"]: p for p in d["months"]}
C = {c["campaign_id"]: c for c in d["campaigns"]}
fails = []

def eq(label, got, want):
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
eq("default as_of = latest valid order_date", dd["as_of"], "2026-01-27")
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

if fails:
    print("\n".join(fails))
    print(f"selftest FAILED: {len(fails)} check(s)")
    sys.exit(1)
print("selftest OK")
EOF
