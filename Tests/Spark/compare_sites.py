#!/usr/bin/env python3
"""Compares the site of a built-in build with the site of a Spark build of the same exports.

Usage: compare_sites.py [--other-files] BUILTIN_SITE SPARK_SITE

- data/kpis.json and data/segments.json: every number equal to 1e-9 relative (1e-12 absolute near zero), every
  other value equal, the same keys and list lengths (compared recursively, lists element by element);
- the `sources` of kpis.json: rows, rejected and ignored_after_as_of equal exactly;
- every HTML page byte for byte, and data/rejected.csv (the Spark job numbers CSV lines exactly). With
  --other-files (the Spark build read other files than the built-in one: Parquet for CSV), the data-quality
  page and data/rejected.csv, which name the files and lines, are only reported.
Prints one summary line (figures compared, pages compared) and every difference; exit status 1 on any.
"""
import json
import math
import os
import sys

REL, ABS = 1e-9, 1e-12
EXEMPT = {"data-quality/index.html", "data/rejected.csv"}


def same(a, b):
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        if isinstance(a, float) and math.isnan(a) or isinstance(b, float) and math.isnan(b):
            return False
        return abs(a - b) <= max(REL * max(abs(a), abs(b)), ABS)
    return a == b


def walk(a, b, where, out):
    """Numbers compared, and differences (appended to `out`)."""
    if isinstance(a, dict) and isinstance(b, dict):
        n = 0
        for k in list(a) + [k for k in b if k not in a]:
            if k not in a or k not in b:
                out.append("%s.%s: only in %s" % (where, k, "builtin" if k in a else "spark"))
                continue
            n += walk(a[k], b[k], "%s.%s" % (where, k), out)
        return n
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            out.append("%s: %d elements != %d" % (where, len(a), len(b)))
        return sum(walk(x, y, "%s[%d]" % (where, i), out) for i, (x, y) in enumerate(zip(a, b)))
    if not same(a, b):
        out.append("%s: %s != %s" % (where, json.dumps(a)[:200], json.dumps(b)[:200]))
    return 1


def main():
    args = sys.argv[1:]
    other_files = "--other-files" in args
    a_dir, b_dir = [a for a in args if a != "--other-files"]
    exempt = EXEMPT if other_files else set()
    problems = []
    figures = 0
    for name in ("data/kpis.json", "data/segments.json"):
        pa, pb = os.path.join(a_dir, name), os.path.join(b_dir, name)
        if not os.path.exists(pa) and not os.path.exists(pb):
            continue
        if not (os.path.exists(pa) and os.path.exists(pb)):
            problems.append("%s: only in one site" % name)
            continue
        with open(pa, encoding="utf-8") as fa, open(pb, encoding="utf-8") as fb:
            ja, jb = json.load(fa), json.load(fb)
        figures += walk(ja, jb, name, problems)
        if name == "data/kpis.json":
            for s in sorted(set(ja.get("sources", {})) | set(jb.get("sources", {}))):
                ca, cb = ja.get("sources", {}).get(s), jb.get("sources", {}).get(s)
                if ca != cb:
                    problems.append("sources.%s: %s != %s" % (s, ca, cb))
    pages = other = 0
    informational = []
    files = set()
    for d in (a_dir, b_dir):
        for base, _, names in os.walk(d):
            for n in names:
                files.add(os.path.relpath(os.path.join(base, n), d))
    for rel in sorted(files):
        pa, pb = os.path.join(a_dir, rel), os.path.join(b_dir, rel)
        if not (os.path.exists(pa) and os.path.exists(pb)):
            problems.append("%s: only in %s" % (rel, "builtin" if os.path.exists(pa) else "spark"))
            continue
        with open(pa, "rb") as fa, open(pb, "rb") as fb:
            equal = fa.read() == fb.read()
        if rel not in EXEMPT - exempt and (rel in exempt or not rel.endswith(".html")):
            other += 1
            if not equal:
                informational.append(rel)
            continue
        pages += 1
        if not equal:
            problems.append("%s: differs" % rel)
    print("%d figures compared, %d pages and files compared byte for byte, %d differences; other files differing (not required): %s"
          % (figures, pages, len(problems), ", ".join(informational) or "none"))
    for p in problems[:50]:
        print("  " + p)
    sys.exit(1 if problems else 0)


main()
