#!/usr/bin/env python3
"""Deterministic variants of a canonical export (from `scorecard sample`) for Tests/Spark/check-spark.sh.

Usage: make_variants.py KIND SRC DST

  bad       the export with bad and awkward rows: every rejection reason, duplicates (first one wins, across
            files too; `000010` and `10` are one line), wrong field counts, a row over 1 MiB, quoted fields with
            line breaks, CRLF and a byte-order mark, padded values, sources split into several files with their
            columns in another order, rows dated before the report window, rows of ignored lines
  required  only the five required sources
  segments  region columns in orders, inventory, forecast (split by region) and purchase_orders, a brand
            column in products
  dialect   the same export as a German ERP writes it: `;`, decimal comma, thousands dots, dd.MM.yyyy (times
            after some dates), windows-1252 with non-ASCII text

Each variant also gets its scorecard.yml (data: the folder itself) in DST.
"""
import csv
import hashlib
import io
import os
import shutil
import sys

SOURCES = ["products", "campaigns", "campaign_items", "orders", "deliveries", "returns", "freight", "inventory",
           "forecast", "purchase_orders", "receipts"]


def read(src, name):
    with open(os.path.join(src, name + ".csv"), encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1:]


def text(rows, delim=",", eol="\n"):
    out = io.StringIO()
    csv.writer(out, delimiter=delim, lineterminator=eol).writerows(rows)
    return out.getvalue()


def put(dst, name, content, encoding="utf-8"):
    path = os.path.join(dst, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding=encoding, newline="") as fh:
        fh.write(content)


def h(s, n):
    """A stable small number from a string."""
    return int(hashlib.sha256(s.encode()).hexdigest()[:8], 16) % n


def config(dst, extra=""):
    put(dst, "scorecard.yml", "data: .\ntitle: Spark check\ncurrency: EUR\n" + extra)


def bad(src, dst):
    os.makedirs(dst, exist_ok=True)
    # products: a byte-order mark; a duplicate; an empty category; numbers that do not parse or are negative;
    # harmless short and padded rows; a description with a line break inside quotes.
    header, rows = read(src, "products")
    cats = sorted({r[1] for r in rows})
    body = text([header] + rows)
    body = "\ufeff" + body
    body += "SKU-00001,%s,1.00,2.00,a second SKU-00001\n" % cats[0]
    body += "SKU-X1,,1.00,2.00,no category\n"
    body += "SKU-X2,%s,\"12,50\",2.00,comma decimal\n" % cats[1]
    body += "SKU-X3,%s,1.00,-3,negative price\n" % cats[1]
    body += "SKU-X4,%s,1.00,2.00\n" % cats[2]
    body += "SKU-X5,%s,1.25,2.50,trailing,,\n" % cats[2]
    body += "  \"SKU-X6\"  ,\u00a0%s\u00a0, 1.5 ,2,\"two\nlines, \"\"quoted\"\"\"\n" % cats[3]
    body += "SKU-X7,%s,1e3,2,exponent\n" % cats[3]
    body += "SKU-X8,%s,+1,2,plus sign\n" % cats[3]
    body += "   \n\n"
    put(dst, "products.csv", body)

    # campaigns, with CRLF line ends: a duplicate id, end before start, a budget that is not a number, a bad date.
    header, rows = read(src, "campaigns")
    first = rows[0]
    extra = [[first[0], "Duplicate of the first", first[2], first[3], "online", "1"],
             ["CMP-BAD-END", "Ends before it starts", "2026-05-10", "2026-05-01", "online", "100"],
             ["CMP-BAD-BUDGET", "Budget n/a", "2026-05-01", "2026-05-10", "online", "n/a"],
             ["CMP-BAD-DATE", "Thirteenth month", "2026-13-01", "2026-05-10", "online", ""],
             ["CMP-X4", "Launch of SKU-X4", rows[-1][2], rows[-1][3], "", ""]]
    put(dst, "campaigns.csv", text([header] + rows + extra, eol="\r\n"))

    header, rows = read(src, "campaign_items")
    cid = rows[0][0]
    extra = [[cid, "SKU-00001", cats[0], "10"], [cid, "", "", "10"], ["CMP-NOPE", "SKU-00001", "", "10"],
             ["CMP-BAD-END", "SKU-00002", "", "10"], [cid, "", "Caviar", "10"], [cid, "SKU-99999", "", "10"],
             [cid, "SKU-00003", "", "-5"], [cid, "SKU-00003", "", ""], ["CMP-X4", "SKU-X4", "", "40"],
             ["CMP-X4", "", cats[2], "15"]]
    put(dst, "campaign_items.csv", text([header] + rows + extra))

    # orders in two files, the second with its columns in another order; bad rows of every kind.
    header, rows = read(src, "orders")
    half = len(rows) // 2
    a, b = rows[:half], rows[half:]
    spoiled = {}  # lines made unusable: their deliveries and returns are rejected too

    def spoil(row, col, value):
        spoiled[(row[0], row[1])] = True
        row = list(row)
        row[header.index(col)] = value
        return row
    a[10] = spoil(a[10], "sku", "")
    a[20] = spoil(a[20], "qty_ordered", "abc")
    a[30] = spoil(a[30], "qty_ordered", "1e3")
    a[40] = spoil(a[40], "unit_price", "-1")
    a[50] = spoil(a[50], "order_date", "2026-02-30")
    a[60] = spoil(a[60], "requested_date", "")
    a[70] = spoil(a[70], "sku", "SKU-99999")
    a[80] = spoil(a[80], "qty_ordered", "+5")
    a[90] = spoil(a[90], "order_date", "30.01.2026")
    a.insert(100, list(a[99]))                      # an exact duplicate: the second is rejected
    dup = list(a[110])
    dup[1] = "0000" + dup[1]                         # 000010 is line 10: a duplicate
    a.insert(111, dup)
    a.insert(120, list(a[119]) + ["x", "y"])         # two more fields with values: wrong number of fields
    a.insert(130, list(a[129][:3]))                  # too few fields for the required columns
    a.insert(140, list(a[139]) + ["", ""])           # trailing empty fields: harmless
    big = list(a[150])
    big[0] = "SO-HUGE"
    big[4] = "x" * (1 << 20)
    a.insert(151, big)                               # a row over 1 MiB
    a.insert(160, ["SO-EARLY", "10", "2015-03-02", "2015-03-09", "SKU-00005", "2", "9.5"])
    a.insert(161, ["SO-X4", "10", rows[-1][2], rows[-1][2], "SKU-X4", "3", "4.5"])
    a.insert(162, ["SO-PAD", "10", "2026-01-05", "2026-01-09", "SKU-00006", " 2 ", "\u00a03.5"])
    order = [header.index(c) for c in ["sku", "order_id", "unit_price", "line_no", "requested_date", "qty_ordered", "order_date"]]
    b_rows = [[r[i] for i in order] for r in b]
    b_rows.insert(5, [b_rows[4][i] for i in range(7)])   # a duplicate in the second file
    b_rows.insert(6, [a[5][i] for i in order])            # a duplicate of a row of the first file
    put(dst, "orders/2026-a.csv", text([header] + a).replace("SO-HUGE", "\"SO-HUGE\"", 1))
    put(dst, "orders/2026-b.csv", text([[header[i] for i in order]] + b_rows) + "\n   \n")

    header, rows = read(src, "deliveries")
    out = []
    for r in rows:
        if (r[0], r[1]) in spoiled:
            out.append(r)  # rejected: its line is not in orders
        else:
            out.append(r)
    out.insert(3, ["SO-NOPE", "10", "2026-01-05", "1", "DL-X"])
    out.insert(4, [rows[3][0], rows[3][1], "", "1", "DL-X"])
    out.insert(5, [rows[4][0], rows[4][1], "2026-04-31", "1", "DL-X"])
    out.insert(6, [rows[5][0], rows[5][1], "2026-01-05", "-1", "DL-X"])
    out.insert(7, [rows[6][0], rows[6][1], "2026-01-05", "x", "DL-X"])
    out.insert(8, [rows[7][0], "00" + rows[7][1], rows[7][2], "0.5", "DL-PADDED"])
    out.insert(9, [rows[8][0], rows[8][1], "2019-05-05", "0.25", "DL-EARLY", "", ""])
    out.insert(10, ["SO-EARLY", "10", "2015-03-05", "2", "DL-E"])
    out.insert(11, ["SO-X4", "10", rows[-1][2], "3", "DL-X4"])
    out.insert(12, [rows[9][0], rows[9][1]])
    third = len(out) // 3
    put(dst, "deliveries/part-1.csv", text([header] + out[:third]))
    put(dst, "deliveries/part-2.csv", text([header] + out[third:2 * third], eol="\r\n"))
    put(dst, "deliveries/part-3.csv", text([header[::-1]] + [r[::-1] for r in out[2 * third:]]))

    header, rows = read(src, "returns")
    rows.insert(2, ["SO-NOPE", "10", "2026-01-05", "1", "RMA-X", "DAMAGED"])
    rows.insert(3, [rows[3][0], rows[3][1], "2026-02-29", "1", "RMA-X", ""])
    rows.insert(4, [rows[4][0], rows[4][1], "2026-01-05", "-2", "RMA-X", ""])
    rows.insert(5, ["SO-EARLY", "10", "2015-03-20", "1", "RMA-E", "LATE"])
    put(dst, "returns.csv", text([header] + rows))

    header, rows = read(src, "freight")
    rows.insert(2, ["", "2026-01-05", "AIR", "10", rows[2][4], "DHL"])
    rows.insert(3, ["FRT-X", "2026-01-05", "AIR", "ten", rows[3][4], "DHL"])
    rows.insert(4, ["FRT-X", "2026-01-05", " expedited ", "12.5", rows[4][4], "DHL"])
    rows.insert(5, ["FRT-X", "2026-01-05", "Next_Day", "7.25", "SO-NOPE", "DHL"])
    rows.insert(6, ["FRT-X", "2026-01-05", "AIR", "3", "", "DHL"])
    rows.insert(7, ["FRT-X", "2026-01-06", "", "3", "", "DHL"])
    rows.insert(8, ["FRT-E", "2015-03-05", "CHARTER", "99", "SO-EARLY", "DHL"])
    put(dst, "freight.csv", text([header] + rows))

    header, rows = read(src, "inventory")
    rows.insert(2, list(rows[1]))
    rows.insert(3, [rows[3][0], "SKU-99999", "5", "DC-North"])
    rows.insert(4, ["2026-02-30", rows[4][1], "5", "DC-North"])
    rows.insert(5, [rows[5][0], rows[5][1], "-5", "DC-Nowhere"])
    rows.insert(6, ["2018-01-07", "SKU-00001", "5", "DC-North"])
    put(dst, "inventory.csv", text([header] + rows))

    header, rows = read(src, "forecast")
    rows.insert(2, list(rows[1]))
    rows.insert(3, ["2026-01-06", rows[3][1], "5"])
    rows.insert(4, [rows[4][0], "SKU-99999", "5"])
    rows.insert(5, [rows[5][0], rows[5][1], "five"])
    rows.insert(6, ["2018-01-01", "SKU-00001", "5"])
    put(dst, "forecast.csv", text([header] + rows))

    header, rows = read(src, "purchase_orders")
    dup = list(rows[10])
    dup[1] = "000" + dup[1]
    rows.insert(11, dup)
    rows.insert(12, [rows[12][0], "999", rows[12][2], rows[12][3], "SKU-99999", "5", "X"])
    rows.insert(13, [rows[13][0], "998", rows[13][2], "2026-06-31", rows[13][4], "5", "X"])
    rows.insert(14, [rows[14][0], "997", rows[14][2], rows[14][3], rows[14][4], "-5", "X"])
    rows.insert(15, ["PO-EARLY", "10", "2018-01-03", "2018-01-10", "SKU-00001", "5", "X"])
    put(dst, "purchase_orders.csv", text([header] + rows))

    header, rows = read(src, "receipts")
    rows.insert(2, ["PO-NOPE", "10", "2026-01-05", "1", "GR-X"])
    rows.insert(3, [rows[3][0], rows[3][1], "", "1", "GR-X"])
    rows.insert(4, [rows[4][0], rows[4][1], "2026-01-05", "-1", "GR-X"])
    rows.insert(5, ["PO-EARLY", "10", "2018-01-09", "5", "GR-E"])
    put(dst, "receipts.csv", text([header] + rows))
    config(dst, "targets:\n  max_rejected_share: 0.5\n")


def required(src, dst):
    os.makedirs(dst, exist_ok=True)
    for name in ["products", "campaigns", "campaign_items", "orders", "deliveries"]:
        shutil.copy(os.path.join(src, name + ".csv"), os.path.join(dst, name + ".csv"))
    config(dst)


REGIONS = ["North", "South", "East", "West", "Central", "", "Islands"]
BRANDS = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", ""]


def segments(src, dst):
    os.makedirs(dst, exist_ok=True)
    header, rows = read(src, "products")
    put(dst, "products.csv", text([header + ["Brand"]] + [r + [BRANDS[h(r[0], len(BRANDS))]] for r in rows]))
    for name in ["campaigns", "campaign_items", "deliveries", "returns", "freight", "receipts"]:
        shutil.copy(os.path.join(src, name + ".csv"), os.path.join(dst, name + ".csv"))
    header, rows = read(src, "orders")
    put(dst, "orders.csv", text([header + ["Region"]] + [r + [REGIONS[h(r[0], len(REGIONS))]] for r in rows]))
    header, rows = read(src, "inventory")
    put(dst, "inventory.csv", text([header + ["Region"]] + [r + [(REGIONS + ["Atlantis"])[h(r[3] + r[1], 8)]] for r in rows]))
    header, rows = read(src, "forecast")
    out = []
    for r in rows:
        units = float(r[2])
        one = REGIONS[h(r[1], len(REGIONS))]
        two = REGIONS[(h(r[1], len(REGIONS)) + 1) % len(REGIONS)]
        out.append([r[0], r[1], "%g" % (units * 0.6), one])
        out.append([r[0], r[1], "%g" % (units - units * 0.6), two])
    put(dst, "forecast.csv", text([header + ["Region"]] + out))
    header, rows = read(src, "purchase_orders")
    put(dst, "purchase_orders.csv", text([header + ["Region"]] + [r + [REGIONS[h(r[0], len(REGIONS))]] for r in rows]))
    config(dst, "segments:\n"
                "  region:\n    label: Sales region\n    orders: Region\n    inventory: Region\n"
                "    forecast: Region\n    purchase_orders: Region\n"
                "  brand:\n    label: Brand\n    products: Brand\n"
                "  max_values: 6\n")


def german_number(v):
    if v == "":
        return v
    neg = v.startswith("-")
    v = v.lstrip("-")
    whole, _, frac = v.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = ".".join(groups) + ("," + frac if frac else "")
    return ("-" if neg else "") + out


def german_date(v, k):
    if len(v) != 10:
        return v
    d = "%s.%s.%s" % (v[8:10], v[5:7], v[0:4])
    return d + (" 10:%02d:33" % (k % 60) if k % 7 == 0 else "")


NUMBERS = {"unit_cost", "list_price", "budget", "planned_units", "qty_ordered", "unit_price", "qty_shipped", "qty_returned",
           "cost", "qty_on_hand", "forecast_units", "qty_received"}
DATES = {"start_date", "end_date", "order_date", "requested_date", "ship_date", "return_date", "snapshot_date", "week_start",
         "due_date", "receipt_date"}
ACCENTS = {"Coffee": "Café", "Tea": "Thé", "Cheese": "Käse", "Chocolate": "Schokolade", "Spices": "Gewürze",
           "Gifts": "Geschenke", "Kitchenware": "Küche", "Nuts & Dried Fruit": "Nüsse & Trockenfrüchte"}


def dialect(src, dst):
    os.makedirs(dst, exist_ok=True)
    for name in SOURCES:
        header, rows = read(src, name)
        out = []
        for k, r in enumerate(rows):
            r = list(r)
            for i, c in enumerate(header):
                if c in NUMBERS:
                    r[i] = german_number(r[i])
                elif c in DATES:
                    r[i] = german_date(r[i], k)
                elif c in ("category",) and r[i] in ACCENTS:
                    r[i] = ACCENTS[r[i]]
                elif c in ("name", "description"):
                    r[i] = r[i] + " \u2013 \u00e9t\u00e9 \u20ac"
            out.append(r)
        put(dst, name + ".csv", text([header] + out, delim=";"), encoding="cp1252")
    config(dst, "csv:\n  delimiter: \";\"\n  decimal: \",\"\n  thousands: \".\"\n  date_format: \"dd.MM.yyyy\"\n"
                "  encoding: windows-1252\n")


def main():
    kind, src, dst = sys.argv[1:4]
    if os.path.exists(dst):
        shutil.rmtree(dst)
    {"bad": bad, "required": required, "segments": segments, "dialect": dialect}[kind](src, dst)


main()
