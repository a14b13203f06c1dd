#!/usr/bin/env python3
"""Compares two aggregate folders (docs/aggregates.md) table by table, for debugging the Spark job.

Usage: compare_aggregates.py [--exact] BUILTIN_DIR SPARK_DIR

Rows of a table are summed by their key columns (rows with the same key add up, as the reader does); campaign
set ids are compared through their members, reason ids through their codes. Numbers match with relative
tolerance 1e-9 (absolute 1e-12). With --exact, every table must also hold the same rows in the same order
with bit-equal numbers (what byte-identical pages need: the finish stage sums rows in table order).
Prints differences; exit status 1 when there are any.
"""
import csv
import json
import os
import sys

TABLES = {
    "lines": (["view", "day", "category", "promotional"], ["due_units", "on_time_units", "shortfall_value", "shipped_units", "cogs", "returned_units"]),
    "sku_due": (["view", "day", "sku", "campaign_set"], ["due_units", "on_time_units", "shortfall_value"]),
    "freight": (["view", "day"], ["cost", "emergency_cost", "promo_emergency_cost"]),
    "inventory": (["view", "day", "category"], ["rows", "qty_on_hand", "value"]),
    "stock": (["view", "sku"], ["qty_on_hand"]),
    "forecast": (["view", "week", "promotional"], ["error", "weight", "signed_error", "pairs_with_forecast"]),
    "lead_times": (["view", "day", "category", "promotional", "days"], ["lines"]),
    "campaign_skus": (["view", "campaign_id", "sku"], ["ordered_units", "due_units", "on_time_units", "shortfall_value", "shipped_units", "returned_units"]),
    "campaign_days": (["view", "campaign_id", "day"], ["ordered_units", "on_time_units"]),
    "campaign_freight": (["view", "campaign_id"], ["emergency_cost"]),
    "campaign_returns": (["view", "campaign_id", "reason"], ["returned_units"]),
    "campaign_lead_times": (["view", "campaign_id", "sku", "days"], ["lines"]),
    "supplier_lead_times": (["view", "day", "category", "days"], ["lines"]),
    "supplier_on_time": (["view", "day"], ["on_time_units", "ordered_units"]),
    "inbound_open": (["view", "sku", "due_date"], ["open_units"]),
}
PLAIN = ["sources.csv", "early_rows.csv", "products.csv", "campaigns.csv", "campaign_items.csv", "views.csv", "view_products.csv"]


def read(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def same(a, b):
    return abs(a - b) <= max(1e-9 * max(abs(a), abs(b)), 1e-12)


def main():
    args = sys.argv[1:]
    exact = "--exact" in args
    a_dir, b_dir = [x for x in args if x != "--exact"][:2]
    bad = 0

    def note(msg):
        nonlocal bad
        bad += 1
        if bad <= 60:
            print(msg)

    def sets(d):
        out = {"0": ()}
        m = {}
        for r in read(os.path.join(d, "campaign_sets.csv")):
            m.setdefault(r["campaign_set"], []).append(r["campaign_id"])
        for k, v in m.items():
            out[k] = tuple(sorted(v))
        return out

    def reasons(d):
        out = {"0": ""}
        for r in read(os.path.join(d, "reason_codes.csv")):
            out[r["reason"]] = r["reason_code"]
        return out
    maps = [(sets(a_dir), reasons(a_dir)), (sets(b_dir), reasons(b_dir))]
    ma, mb = [json.load(open(os.path.join(d, "manifest.json"))) for d in (a_dir, b_dir)]
    if ma != mb:
        note("manifest.json: %s != %s" % (ma, mb))
    for name in PLAIN:
        ra, rb = read(os.path.join(a_dir, name)), read(os.path.join(b_dir, name))
        if name in ("products.csv", "campaigns.csv", "campaign_items.csv"):
            def norm(rows):
                return [{k: (str(float(v)) if k in ("unit_cost", "list_price", "budget", "planned_units") and v else v) for k, v in r.items()} for r in rows]
            ra, rb = norm(ra), norm(rb)
        if ra != rb:
            for x, y in zip(ra, rb):
                if x != y:
                    note("%s: %s != %s" % (name, x, y))
                    break
            if len(ra) != len(rb):
                note("%s: %d rows != %d rows" % (name, len(ra), len(rb)))
    ja, jb = read(os.path.join(a_dir, "rejections.csv")), read(os.path.join(b_dir, "rejections.csv"))
    if len(ja) != len(jb):
        note("rejections.csv: %d != %d rows" % (len(ja), len(jb)))
    for x, y in zip(ja, jb):
        if x != y:
            note("rejections.csv: %s != %s" % (dict(x), dict(y)))
    for name, (keys, values) in TABLES.items():
        if exact:
            rows = []
            for i, d in enumerate((a_dir, b_dir)):
                out = []
                for r in read(os.path.join(d, name + ".csv")):
                    k = [maps[i][0][r[c]] if c == "campaign_set" else maps[i][1][r[c]] if c == "reason" else r[c] for c in keys]
                    out.append((tuple(k), tuple(float(r[c]) for c in values)))
                rows.append(out)
            if rows[0] != rows[1]:
                for n, (x, y) in enumerate(zip(*rows)):
                    if x != y:
                        note("%s row %d: %s != %s" % (name, n + 1, x, y))
                        break
                else:
                    note("%s: %d rows != %d rows" % (name, len(rows[0]), len(rows[1])))
        sums = []
        for i, d in enumerate((a_dir, b_dir)):
            s = {}
            for r in read(os.path.join(d, name + ".csv")):
                k = []
                for c in keys:
                    v = r[c]
                    if c == "campaign_set":
                        v = maps[i][0][v]
                    if c == "reason":
                        v = maps[i][1][v]
                    k.append(v)
                k = tuple(k)
                cur = s.setdefault(k, [0.0] * len(values))
                for j, c in enumerate(values):
                    cur[j] += float(r[c])
            sums.append(s)
        sa, sb = sums
        for k in sorted(set(sa) | set(sb), key=str):
            va, vb = sa.get(k), sb.get(k)
            if va is None or vb is None:
                note("%s %s: only in %s: %s" % (name, k, "builtin" if vb is None else "spark", va or vb))
            elif not all(same(x, y) for x, y in zip(va, vb)):
                note("%s %s: %s != %s" % (name, k, va, vb))
    print("%d differences" % bad)
    sys.exit(1 if bad else 0)


main()
