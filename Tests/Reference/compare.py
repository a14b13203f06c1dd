#!/usr/bin/env python3
"""Compares two kpis.json documents figure by figure.

Usage: compare.py A.json B.json

Compares as_of, every source count (rows / rejected / ignored_after_as_of), every key of
every week and month (matched by "period"), of every campaign (matched by "campaign_id"),
of every campaign SKU row (matched by (campaign_id, sku)) and of every category (matched by
"category"; only the category keys docs/figures.md defines, other keys may stand beside them), and the
order of each of these lists. A list inside an entry (a period's "top_shortfall") is compared
element by element, in order, and its length too.
"comparisons": the "period" of "week" and "month" and every key of each of their ranges
("last_year", "year_to_date", "year_to_date_last_year": start, end and every period key). A
document that has "comparisons" while the other has not fails, and so does each of its figures.
Numbers match with relative tolerance 1e-9 (absolute 1e-12 near zero); null must match null;
booleans and strings must be equal. A period, campaign, row, source or key present in only
one document fails each of its figures.
Prints each mismatch and a final line "N passed, M failed"; exit status 1 on any mismatch.
"""
import json
import math
import sys

REL, ABS = 1e-9, 1e-12
# the category keys of docs/figures.md; the Swift tool may emit more, which are not compared
CATEGORY_KEYS = ["category", "lead_time_median", "weeks_of_cover", "supplier_lead_time_median"]


def same(a, b):
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        if math.isnan(a) or math.isnan(b):
            return False
        return abs(a - b) <= max(REL * max(abs(a), abs(b)), ABS)
    return type(a) == type(b) and a == b


MISSING = object()


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    docs = []
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as fh:
            docs.append(json.load(fh))
    a, b = docs
    passed = failed = 0

    def show(v):
        return "<missing>" if v is MISSING else json.dumps(v)

    def check(where, key, va, vb):
        nonlocal passed, failed
        if isinstance(va, list) and isinstance(vb, list) and any(isinstance(e, dict) for e in va + vb):
            check_list(f"{where}.{key}", va, vb)
            return
        if va is not MISSING and vb is not MISSING and same(va, vb):
            passed += 1
        else:
            failed += 1
            print(f"MISMATCH {where} {key}: {show(va)} != {show(vb)}")

    def check_list(where, la, lb):
        """A list of objects (top_shortfall): its length, then element by element in order."""
        check(where, "length", len(la), len(lb))
        for i in range(max(len(la), len(lb))):
            ea = la[i] if i < len(la) else None
            eb = lb[i] if i < len(lb) else None
            one_sided(f"{where}[{i}]", ea, eb)

    def one_sided(where, ea, eb, keys=None):
        """Two entries (objects), either of which may be absent (None): every key is checked."""
        ea = ea if isinstance(ea, dict) else {}
        eb = eb if isinstance(eb, dict) else {}
        check_entries(where, ea, eb, keys)

    def check_order(section, oa, ob):
        """The order of the entries both documents have; a mismatch shows the first difference."""
        nonlocal passed, failed
        if oa == ob:
            passed += 1
            return
        failed += 1
        i = next(i for i, (x, y) in enumerate(zip(oa, ob)) if x != y)
        label = lambda v: "/".join(v) if isinstance(v, tuple) else str(v)
        print(f"MISMATCH {section} order: first difference at position {i}: "
              f"{' '.join(label(v) for v in oa[i:i + 3])} ... != {' '.join(label(v) for v in ob[i:i + 3])} ...")

    def check_entries(where, ea, eb, keys=None):
        if keys is None:
            keys = list(ea) + [k for k in eb if k not in ea]
        for k in keys:
            check(where, k, ea.get(k, MISSING), eb.get(k, MISSING))

    check("document", "as_of", a.get("as_of", MISSING), b.get("as_of", MISSING))

    sa, sb = a.get("sources", {}), b.get("sources", {})
    for name in list(sa) + [n for n in sb if n not in sa]:
        one_sided(f"sources.{name}", sa.get(name), sb.get(name))

    sections = (
        ("weeks", lambda e: e["period"], None),
        ("months", lambda e: e["period"], None),
        ("campaigns", lambda e: e["campaign_id"], None),
        ("campaign_skus", lambda e: (e["campaign_id"], e["sku"]), None),
        ("categories", lambda e: e["category"], CATEGORY_KEYS),
    )
    for section, ident_of, keys in sections:
        ra, rb = a.get(section, []), b.get(section, [])
        la = {ident_of(e): e for e in ra}
        lb = {ident_of(e): e for e in rb}
        order_a = [ident_of(e) for e in ra]
        order_b = [ident_of(e) for e in rb]
        for ident in order_a + [i for i in order_b if i not in la]:
            label = "/".join(ident) if isinstance(ident, tuple) else ident
            one_sided(f"{section}[{label}]", la.get(ident), lb.get(ident), keys)
        common_a = [i for i in order_a if i in lb]
        common_b = [i for i in order_b if i in la]
        check_order(section, common_a, common_b)
        for doc, name, n, distinct in ((a, "first", len(order_a), len(la)), (b, "second", len(order_b), len(lb))):
            if n != distinct:  # two rows with the same identity: the lookup above kept only the last
                check(section, f"distinct rows in the {name} document", n, distinct)

    # comparisons: {"week": {"period": ..., "last_year": {...}, ...}, "month": {...}}
    if "comparisons" in a or "comparisons" in b:
        ca, cb = a.get("comparisons", MISSING), b.get("comparisons", MISSING)
        if ca is MISSING or cb is MISSING:
            check("document", "comparisons", "<present>" if ca is not MISSING else MISSING,
                  "<present>" if cb is not MISSING else MISSING)
        ca = ca if isinstance(ca, dict) else {}
        cb = cb if isinstance(cb, dict) else {}
        for grain in list(ca) + [g for g in cb if g not in ca]:
            ga = ca.get(grain) if isinstance(ca.get(grain), dict) else {}
            gb = cb.get(grain) if isinstance(cb.get(grain), dict) else {}
            names = list(ga) + [n for n in gb if n not in ga]
            for name in names:
                if name == "period":
                    check(f"comparisons.{grain}", "period", ga.get("period", MISSING), gb.get("period", MISSING))
                else:
                    one_sided(f"comparisons.{grain}.{name}", ga.get(name), gb.get(name))

    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
