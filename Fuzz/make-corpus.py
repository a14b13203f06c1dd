#!/usr/bin/env python3
"""Writes the seed corpora in Fuzz/Corpus/TARGET/ from the test fixtures and the bundled sample.

Each seed starts with the choice bytes its target reads (see the comment at the top of each target's
main.swift), then the payload. Run again after changing a target's input format: python3 Fuzz/make-corpus.py
"""
import glob
import hashlib
import os
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests/IngestTests/Fixtures")
SAMPLE = os.path.join(ROOT, "Samples/exports")
OUT = os.path.join(ROOT, "Fuzz/Corpus")
SOURCES = ["products", "campaigns", "campaign_items", "orders", "deliveries", "returns", "freight",
           "inventory", "forecast", "purchase_orders", "receipts"]


def head(path, lines=12):
    with open(path, "rb") as f:
        return b"".join(f.readlines()[:lines])


def save(target, seeds):
    folder = os.path.join(OUT, target)
    # Inputs that once found a problem ("found-…", kept by hand) stay; every generated seed is made again.
    if os.path.isdir(folder):
        for name in os.listdir(folder):
            if not name.startswith("found-"):
                os.remove(os.path.join(folder, name))
    else:
        os.makedirs(folder)
    for seed in seeds:
        with open(os.path.join(folder, hashlib.sha1(seed).hexdigest()[:16]), "wb") as f:
            f.write(seed)


csv_files = sorted(glob.glob(FIXTURES + "/**/*.csv", recursive=True)) + sorted(glob.glob(SAMPLE + "/*.csv"))
csv_seeds = []
for path in csv_files:
    text = head(path)
    delimiter = 1 if b";" in text.split(b"\n")[0] else 0  # index into , ; \t | space
    try:
        text.decode("utf-8")
        encoding = 0
    except UnicodeDecodeError:
        encoding = 1
    for chunk, limit in [(7, 255), (40, 30)]:
        csv_seeds.append(bytes([delimiter, encoding, chunk, limit]) + text)
save("FuzzCSVReader", csv_seeds)

# Dialect index: (. none) (, none) (. ,) (, .) (. space) (, space) (. ') (, ')
numbers = [(0, "0"), (0, "-12.5"), (0, "1234567.891"), (0, "0.1"), (0, "123456789012345678901"), (0, "9007199254740993"),
           (0, "0.30000000000000004"), (1, "12,75"), (2, "1,234,567.5"), (3, "1.234,50"), (3, "1.999,00"),
           (4, "1 234.5"), (5, "1\u00a0234,5"), (5, "12\u202f345,6"), (6, "1'234'567.25"), (7, "-1'000,5"),
           (0, "0.000000000000000000000001"), (0, "-0")]
save("FuzzNumberParser", [bytes([d]) + t.encode() for d, t in numbers])

patterns = ["yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy", "MM/dd/yyyy", "M/d/yy", "dd/MM/yy", "yyyyMMdd", "yyyy/M/d",
            "d-MMM-yy", "dd-MMM-yyyy", "MMM d yyyy", "d MMM yyyy", "yyyy-MM-dd HH:mm:ss", "dd.MM.yyyy HH:mm",
            "yy.MM.dd", "MMM-dd-yy", "yyyy-MM-dd'T'HH:mm:ss", "d/M/yyyy h:mm a"]
values = ["2026-03-02", "02.03.2026", "2.3.2026", "03/02/2026", "3/2/26", "02/03/26", "20260302", "2026/3/2",
          "2-Mar-26", "02-mar-2026", "Sept 2 2026", "2 March 2026", "2026-03-02 10:56:33", "29.02.2024 08:00",
          "26.03.02", "Mar-02-26", "2026-11-03T08:00:00Z", "2/3/2026 10:00 PM"]
date_seeds = [bytes([i]) + v.encode() for i, v in enumerate(values)]
date_seeds.append(bytes([224 + 10]) + b"yyyy-MM-dd" + b"2026-02-28")
save("FuzzDatePattern", date_seeds)

configs = sorted(glob.glob(FIXTURES + "/*/scorecard.yml")) + [os.path.join(ROOT, "Samples/scorecard.yml")]
save("FuzzConfigLoader", [open(p, "rb").read() for p in configs])

build_seeds = []
for config, folder, lines in [(0, os.path.join(FIXTURES, "rejections"), 20), (0, SAMPLE, 25)]:
    parts = []
    for source in SOURCES:
        path = os.path.join(folder, source + ".csv")
        parts.append(head(path, lines) if os.path.exists(path) else b"")
    build_seeds.append(bytes([config]) + b"\x1e".join(parts))
save("FuzzBuild", build_seeds)

# Workbooks: each committed test workbook whole (mode 0), and its parts as XML (mode 1, see the target).
PARTS = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml",
         "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]
workbook_seeds = []
for path in sorted(glob.glob(FIXTURES + "/Workbooks/*.xlsx")):
    data = open(path, "rb").read()
    workbook_seeds.append(b"\x00" + data)
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        workbook_seeds.append(b"\x01" + b"\x1e".join(z.read(p) if p in names else b"" for p in PARTS))
save("FuzzWorkbookReader", workbook_seeds)
