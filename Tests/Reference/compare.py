#!/usr/bin/env python3
"""Compares two kpis.json documents, or two segments.json documents, figure by figure.

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
"segments" (kpis.json with segments: each dimension's key, label and number of views) is compared
element by element when either document has it.

segments.json (a document with "dimensions"): as_of and schema_version; the dimensions matched by
"key" (and their order): label and source; their values matched by "value" ("Other", "value": null
and "other": true, is one value) and the order of the values; each value's value, label and other,
its "path" (only that it starts with "segments/KEY/", wherever a document has one, at least one must,
and that no two values of a dimension share one), and its weeks, months, campaigns and comparisons
as in kpis.json (weeks and months matched by "period", campaigns by "campaign_id", with their order).

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


def show(v):
    return "<missing>" if v is MISSING else json.dumps(v, ensure_ascii=False)


class Comparison:
    def __init__(self):
        self.passed = self.failed = 0

    def ok(self, good, message):
        if good:
            self.passed += 1
        else:
            self.failed += 1
            print(message)

    def check(self, where, key, va, vb):
        if isinstance(va, list) and isinstance(vb, list) and any(isinstance(e, dict) for e in va + vb):
            self.check_list(f"{where}.{key}", va, vb)
            return
        self.ok(va is not MISSING and vb is not MISSING and same(va, vb), f"MISMATCH {where} {key}: {show(va)} != {show(vb)}")

    def check_list(self, where, la, lb):
        """A list of objects (top_shortfall): its length, then element by element in order."""
        self.check(where, "length", len(la), len(lb))
        for i in range(max(len(la), len(lb))):
            ea = la[i] if i < len(la) else None
            eb = lb[i] if i < len(lb) else None
            self.one_sided(f"{where}[{i}]", ea, eb)

    def one_sided(self, where, ea, eb, keys=None):
        """Two entries (objects), either of which may be absent (None): every key is checked."""
        ea = ea if isinstance(ea, dict) else {}
        eb = eb if isinstance(eb, dict) else {}
        self.check_entries(where, ea, eb, keys)

    def check_order(self, section, oa, ob):
        """The order of the entries both documents have; a mismatch shows the first difference."""
        if oa == ob:
            self.passed += 1
            return
        self.failed += 1
        i = next(i for i, (x, y) in enumerate(zip(oa, ob)) if x != y)
        label = lambda v: "/".join(v) if isinstance(v, tuple) else str(v)
        print(f"MISMATCH {section} order: first difference at position {i}: "
              f"{' '.join(label(v) for v in oa[i:i + 3])} ... != {' '.join(label(v) for v in ob[i:i + 3])} ...")

    def check_entries(self, where, ea, eb, keys=None):
        if keys is None:
            keys = list(ea) + [k for k in eb if k not in ea]
        for k in keys:
            self.check(where, k, ea.get(k, MISSING), eb.get(k, MISSING))

    def sections(self, prefix, a, b, sections):
        """Lists of entries matched by identity: every key of every entry, and the order."""
        for section, ident_of, keys in sections:
            ra, rb = a.get(section, []), b.get(section, [])
            la = {ident_of(e): e for e in ra}
            lb = {ident_of(e): e for e in rb}
            order_a = [ident_of(e) for e in ra]
            order_b = [ident_of(e) for e in rb]
            for ident in order_a + [i for i in order_b if i not in la]:
                label = "/".join(ident) if isinstance(ident, tuple) else ident
                self.one_sided(f"{prefix}{section}[{label}]", la.get(ident), lb.get(ident), keys)
            common_a = [i for i in order_a if i in lb]
            common_b = [i for i in order_b if i in la]
            self.check_order(prefix + section, common_a, common_b)
            for name, n, distinct in (("first", len(order_a), len(la)), ("second", len(order_b), len(lb))):
                if n != distinct:  # two rows with the same identity: the lookup above kept only the last
                    self.check(prefix + section, f"distinct rows in the {name} document", n, distinct)

    def comparisons(self, prefix, a, b):
        """comparisons: {"week": {"period": ..., "last_year": {...}, ...}, "month": {...}}"""
        if "comparisons" not in a and "comparisons" not in b:
            return
        ca, cb = a.get("comparisons", MISSING), b.get("comparisons", MISSING)
        if ca is MISSING or cb is MISSING:
            self.check(prefix + "document", "comparisons", "<present>" if ca is not MISSING else MISSING,
                       "<present>" if cb is not MISSING else MISSING)
        ca = ca if isinstance(ca, dict) else {}
        cb = cb if isinstance(cb, dict) else {}
        for grain in list(ca) + [g for g in cb if g not in ca]:
            ga = ca.get(grain) if isinstance(ca.get(grain), dict) else {}
            gb = cb.get(grain) if isinstance(cb.get(grain), dict) else {}
            names = list(ga) + [n for n in gb if n not in ga]
            for name in names:
                if name == "period":
                    self.check(f"{prefix}comparisons.{grain}", "period", ga.get("period", MISSING), gb.get("period", MISSING))
                else:
                    self.one_sided(f"{prefix}comparisons.{grain}.{name}", ga.get(name), gb.get(name))


PERIODS_AND_CAMPAIGNS = (
    ("weeks", lambda e: e["period"], None),
    ("months", lambda e: e["period"], None),
    ("campaigns", lambda e: e["campaign_id"], None),
)


def compare_kpis(c, a, b):
    c.check("document", "as_of", a.get("as_of", MISSING), b.get("as_of", MISSING))
    sa, sb = a.get("sources", {}), b.get("sources", {})
    for name in list(sa) + [n for n in sb if n not in sa]:
        c.one_sided(f"sources.{name}", sa.get(name), sb.get(name))
    c.sections("", a, b, PERIODS_AND_CAMPAIGNS + (
        ("campaign_skus", lambda e: (e["campaign_id"], e["sku"]), None),
        ("categories", lambda e: e["category"], CATEGORY_KEYS),
    ))
    c.comparisons("", a, b)
    if "segments" in a or "segments" in b:
        c.check_list("document.segments", a.get("segments") or [], b.get("segments") or [])


def compare_segments(c, a, b):
    for key in ("schema_version", "as_of"):
        c.check("document", key, a.get(key, MISSING), b.get(key, MISSING))
    da = {d["key"]: d for d in a.get("dimensions", [])}
    db = {d["key"]: d for d in b.get("dimensions", [])}
    c.check_order("dimensions", [d["key"] for d in a.get("dimensions", [])], [d["key"] for d in b.get("dimensions", [])])
    for key in list(da) + [k for k in db if k not in da]:
        dim_a, dim_b = da.get(key, {}), db.get(key, {})
        c.check_entries(f"dimensions[{key}]", dim_a, dim_b, ["key", "label", "source"])
        va = {v.get("value"): v for v in dim_a.get("values", [])}
        vb = {v.get("value"): v for v in dim_b.get("values", [])}
        name = lambda v: "Other" if v is None else json.dumps(v, ensure_ascii=False)
        order_a = [v.get("value") for v in dim_a.get("values", [])]
        order_b = [v.get("value") for v in dim_b.get("values", [])]
        c.check_order(f"dimensions[{key}].values", [name(v) for v in order_a], [name(v) for v in order_b])
        for doc, order, lookup in (("first", order_a, va), ("second", order_b, vb)):
            if len(order) != len(lookup):
                c.check(f"dimensions[{key}].values", f"distinct values in the {doc} document", len(order), len(lookup))
        paths = {}
        for value in order_a + [v for v in order_b if v not in va]:
            ea, eb = va.get(value, {}), vb.get(value, {})
            where = f"{key}[{name(value)}]"
            c.check_entries(where, ea, eb, ["value", "label", "other"])
            own = [e["path"] for e in (ea, eb) if "path" in e]
            c.ok(bool(own), f"MISMATCH {where} path: in neither document")
            for path in own:
                c.ok(isinstance(path, str) and path.startswith(f"segments/{key}/"),
                     f"MISMATCH {where} path: {show(path)} does not start with segments/{key}/")
                if isinstance(path, str):
                    c.ok(paths.setdefault(path, value) == value,
                         f"MISMATCH {where} path: {show(path)} is also the path of {name(paths.get(path))}")
            c.sections(where + ".", ea, eb, PERIODS_AND_CAMPAIGNS)
            c.comparisons(where + ".", ea, eb)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    docs = []
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as fh:
            docs.append(json.load(fh))
    a, b = docs
    c = Comparison()
    if "dimensions" in a or "dimensions" in b:
        compare_segments(c, a, b)
    else:
        compare_kpis(c, a, b)
    print(f"{c.passed} passed, {c.failed} failed")
    sys.exit(1 if c.failed else 0)


if __name__ == "__main__":
    main()
