#!/usr/bin/env python3
"""The CSV export in SRC as Parquet files in DST, for the Parquet case of Tests/Spark/check-spark.sh.

Usage: make_parquet.py SRC DST

Each SRC/NAME.csv becomes DST/NAME.parquet with the column types DuckDB infers (integers, decimals as
doubles, dates as DATE, text), as a data team's pipeline would write them; a column that holds a value of
another type (a rejected row's "abc" in a number column) stays text. Three sources are written otherwise,
so that every way of finding Parquet files is used: orders as a folder of two files (DST/orders/*.parquet,
the default location), deliveries with every column as text, and freight with its columns in another order
and with different names (mapped in the config). DST/scorecard.yml selects format: parquet for every source.
"""
import os
import sys

import duckdb

SOURCES = ["products", "campaigns", "campaign_items", "orders", "deliveries", "returns", "freight", "inventory",
           "forecast", "purchase_orders", "receipts"]


def main():
    src, dst = sys.argv[1], sys.argv[2]
    os.makedirs(dst, exist_ok=True)
    con = duckdb.connect()
    config = ["data: .", "title: Spark check", "currency: EUR", "engine: spark", "sources:"]
    for name in SOURCES:
        path = os.path.join(src, name + ".csv")
        if not os.path.exists(path):
            continue
        typed = name != "deliveries"
        read = "read_csv('%s', header = true, all_varchar = %s, sample_size = -1)" % (
            path.replace("'", "''"), "false" if typed else "true")
        if name == "orders":
            os.makedirs(os.path.join(dst, "orders"), exist_ok=True)
            con.execute("CREATE TEMP TABLE o AS SELECT *, row_number() OVER () AS n FROM %s" % read)
            half = con.execute("SELECT count(*) // 2 FROM o").fetchone()[0]
            for part, cond in (("part-0", "n <= %d" % half), ("part-1", "n > %d" % half)):
                con.execute("COPY (SELECT * EXCLUDE (n) FROM o WHERE %s ORDER BY n) TO '%s' (FORMAT parquet)" % (
                    cond, os.path.join(dst, "orders", part + ".parquet")))
            config.append("  orders: {format: parquet}")
        elif name == "freight":
            cols = [r[0] for r in con.execute("DESCRIBE SELECT * FROM %s" % read).fetchall()]
            renamed = ", ".join('"%s" AS "Freight %s"' % (c, c) for c in reversed(cols))
            con.execute("COPY (SELECT %s FROM %s) TO '%s' (FORMAT parquet)" % (
                renamed, read, os.path.join(dst, "freight.parquet")))
            mapping = ", ".join('%s: "Freight %s"' % (c, c) for c in cols)
            config.append("  freight: {format: parquet, path: freight.parquet, columns: {%s}}" % mapping)
        else:
            con.execute("COPY (SELECT * FROM %s) TO '%s' (FORMAT parquet)" % (read, os.path.join(dst, name + ".parquet")))
            config.append("  %s: {format: parquet}" % name)
    with open(os.path.join(dst, "scorecard.yml"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(config) + "\n")


if __name__ == "__main__":
    main()
