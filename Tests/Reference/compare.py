#!/usr/bin/env python3
"""Compares two kpis.json documents figure by figure.

Usage: compare.py A.json B.json

Compares as_of, every source count (rows / rejected / ignored_after_as_of), every key of
every week and month (matched by "period") and of every campaign (matched by
"campaign_id"). Numbers match with relative tolerance 1e-9 (absolute 1e-12 near zero);
null must match null; booleans and strings must be equal. A period, campaign, source or
key present in only one document fails each of its figures.
Prints each mismatch and a final line "N passed, M failed"; exit status 1 on any mismatch.
"""
import json
import math
import sys

REL, ABS = 1e-9, 1e-12


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

    def check(where, key, va, vb):
        nonlocal passed, failed
        if va is not MISSING and vb is not MISSING and same(va, vb):
            passed += 1
        else:
            failed += 1
            fa = "<missing>" if va is MISSING else json.dumps(va)
            fb = "<missing>" if vb is MISSING else json.dumps(vb)
            print(f"MISMATCH {where} {key}: {fa} != {fb}")

    def check_entries(where, ea, eb):
        keys = list(ea) + [k for k in eb if k not in ea]
        for k in keys:
            check(where, k, ea.get(k, MISSING), eb.get(k, MISSING))

    check("document", "as_of", a.get("as_of", MISSING), b.get("as_of", MISSING))

    sa, sb = a.get("sources", {}), b.get("sources", {})
    for name in list(sa) + [n for n in sb if n not in sa]:
        ea = sa.get(name)
        eb = sb.get(name)
        if ea is None or eb is None:
            for k in (ea or eb):
                check(f"sources.{name}", k, MISSING if ea is None else ea[k], MISSING if eb is None else eb[k])
        else:
            check_entries(f"sources.{name}", ea, eb)

    for section, key in (("weeks", "period"), ("months", "period"), ("campaigns", "campaign_id")):
        la = {e[key]: e for e in a.get(section, [])}
        lb = {e[key]: e for e in b.get(section, [])}
        order_a = [e[key] for e in a.get(section, [])]
        order_b = [e[key] for e in b.get(section, [])]
        for ident in order_a + [i for i in order_b if i not in la]:
            ea, eb = la.get(ident), lb.get(ident)
            where = f"{section}[{ident}]"
            if ea is None or eb is None:
                for k in (ea or eb):
                    check(where, k, MISSING if ea is None else ea[k], MISSING if eb is None else eb[k])
            else:
                check_entries(where, ea, eb)
        common_a = [i for i in order_a if i in lb]
        common_b = [i for i in order_b if i in la]
        check(section, "order", common_a, common_b)

    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
