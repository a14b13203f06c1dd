#!/usr/bin/env python3
"""Turns canonical exports (from `scorecard sample`) into a hostile variant for escaping and path tests:
campaign ids with '/', spaces, '<', quotes and non-ASCII; campaign names with markup; a product
description with markup; segment values (the sample's `region` of orders and `brand` of products) with
markup, '/', '..', spaces, a long value and non-ASCII, and a `scorecard.yml` beside the exports that
configures both dimensions. Usage: make-hostile-export.py DIR"""
import csv, sys, os

folder = sys.argv[1]

def rewrite(name, change):
    path = os.path.join(folder, name)
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    body = [change(header, row) for row in body]
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows([header] + body)

hostile_ids = ["C/1 Black Friday", "C<2>&\"q\"", "Ünïcødé 3", "C 4/../x", "C%20five", "c<2>&\"q\"", "C/1 black friday", "Ω-8"]
mapping = {}

def campaigns(header, row):
    i, n = header.index("campaign_id"), header.index("name")
    new = hostile_ids[len(mapping) % len(hostile_ids)]
    mapping[row[i]] = new
    row[i] = new
    row[n] = row[n] + ' <script>alert("x")</script> & <b>bold</b>'
    return row

def items(header, row):
    i = header.index("campaign_id")
    row[i] = mapping.get(row[i], row[i])
    return row

def products(header, row):
    if "description" in header:
        d = header.index("description")
        row[d] = row[d] + " <img src=x onerror=alert(1)> &amp; é"
    return row

rewrite("campaigns.csv", campaigns)
rewrite("campaign_items.csv", items)
rewrite("products.csv", products)


hostile_regions = ["<b>Nord</b> & \"Ost\"", "../..", "a/b", "Süd West", "x" * 300, "", "_none", "Ω"]


def orders(header, row):
    if "region" in header:
        r = header.index("region")
        row[r] = hostile_regions[hash_of(row[0]) % len(hostile_regions)]
    return row


def hash_of(text):
    h = 0
    for ch in text.encode():
        h = (h * 31 + ch) % 1000003
    return h


hostile_brands = ["<i>Brand</i>", "Brand/One", "Café Olé", "b" * 200]


def brands(header, row):
    if "brand" in header:
        b = header.index("brand")
        row[b] = hostile_brands[hash_of(row[0]) % len(hostile_brands)]
    return row


rewrite("orders.csv", orders)
rewrite("products.csv", brands)
with open(os.path.join(folder, "scorecard.yml"), "w", encoding="utf-8") as f:
    f.write("data: .\nsegments:\n  region:\n    label: Region <&>\n    orders: region\n  brand:\n    products: brand\n  max_values: 6\n")
