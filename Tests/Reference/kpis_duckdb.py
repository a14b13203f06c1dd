#!/usr/bin/env python3
"""Independent reference implementation of the scorecard KPIs (docs/figures.md) in DuckDB SQL.

Requires DuckDB for Python:   python3 -m pip install duckdb

Usage:
    kpis_duckdb.py DIR [--as-of YYYY-MM-DD] [--promo-fill-target 0.95]
                       [--horizon-days 28] [--emergency EXPEDITED,AIR,NEXT_DAY,CHARTER] > kpis.json

DIR holds the sources in canonical form (canonical headers, ',' delimiter, '.' decimal,
yyyy-MM-dd dates, UTF-8): DIR/S.csv, or every *.csv in DIR/S/ (sorted by name, one table).
Required: products, orders, deliveries, campaigns, campaign_items.
Optional: inventory, freight, returns, forecast, purchase_orders, receipts (the inbound sources are
read, validated and counted in `sources`).

The output is the kpis.json document of output.md (as_of, sources, weeks, months, campaigns).
Exit status 2 on bad input (missing required source or column).
"""
import argparse
import csv
import datetime as dt
import decimal
import glob
import json
import os
import sys

try:
    import duckdb
except ImportError:  # pragma: no cover
    sys.exit("kpis_duckdb.py needs DuckDB: python3 -m pip install duckdb")

# --------------------------------------------------------------------------------------
# Source schemas: (canonical column, kind, required, non-negative)
#   kind: 'text' | 'num' | 'date'.  Optional columns are only read (never validated as
#   numbers) unless the KPIs use them.
# --------------------------------------------------------------------------------------
T, N, D = "text", "num", "date"
SCHEMAS = {
    "products": [("sku", T, True, False), ("category", T, True, False),
                 ("unit_cost", N, True, True), ("list_price", N, True, True),
                 ("description", T, False, False)],
    "orders": [("order_id", T, True, False), ("line_no", T, True, False),
               ("order_date", D, True, False), ("requested_date", D, True, False),
               ("sku", T, True, False), ("qty_ordered", N, True, True),
               ("unit_price", N, True, True)],
    "deliveries": [("order_id", T, True, False), ("line_no", T, True, False),
                   ("ship_date", D, True, False), ("qty_shipped", N, True, True),
                   ("delivery_id", T, False, False)],
    "campaigns": [("campaign_id", T, True, False), ("name", T, True, False),
                  ("start_date", D, True, False), ("end_date", D, True, False),
                  ("channel", T, False, False), ("budget", T, False, False)],
    "campaign_items": [("campaign_id", T, True, False), ("sku", T, False, False),
                       ("category", T, False, False), ("planned_units", N, True, True)],
    "inventory": [("snapshot_date", D, True, False), ("sku", T, True, False),
                  ("qty_on_hand", N, True, True), ("location", T, False, False)],
    "freight": [("shipment_id", T, True, False), ("ship_date", D, True, False),
                ("service_level", T, True, False), ("cost", N, True, True),
                ("order_id", T, False, False), ("carrier", T, False, False)],
    "returns": [("order_id", T, True, False), ("line_no", T, True, False),
                ("return_date", D, True, False), ("qty_returned", N, True, True),
                ("return_id", T, False, False), ("reason_code", T, False, False)],
    "forecast": [("week_start", D, True, False), ("sku", T, True, False),
                 ("forecast_units", N, True, True)],
    "purchase_orders": [("po_id", T, True, False), ("line_no", T, True, False),
                        ("order_date", D, True, False), ("due_date", D, True, False),
                        ("sku", T, True, False), ("qty_ordered", N, True, True),
                        ("supplier", T, False, False)],
    "receipts": [("po_id", T, True, False), ("line_no", T, True, False),
                 ("receipt_date", D, True, False), ("qty_received", N, True, True),
                 ("receipt_id", T, False, False)],
}
# the canonical column sets of campaign_items: sku and category are both required *columns*
# (the spec lists them without brackets) but either value may be empty.
REQUIRED_COLUMNS = {s: [c for c, k, req, nn in f if req] for s, f in SCHEMAS.items()}
REQUIRED_COLUMNS["campaign_items"] += ["sku", "category"]
REQUIRED_SOURCES = ["products", "orders", "deliveries", "campaigns", "campaign_items"]
OPTIONAL_SOURCES = ["inventory", "freight", "returns", "forecast", "purchase_orders", "receipts"]
SOURCE_ORDER = REQUIRED_SOURCES + OPTIONAL_SOURCES

PERIOD_KEYS = ["promo_fill_rate", "other_fill_rate", "promo_units_ordered", "promo_shortfall_value",
               "campaigns_measured", "campaigns_below_target", "stockout_campaign_share",
               "inventory_turns_promoted", "inventory_turns_other", "total_freight_spend",
               "emergency_freight_spend", "emergency_freight_share", "promo_emergency_freight_spend",
               "return_rate", "promo_return_rate", "other_return_rate", "forecast_accuracy"]
CAMPAIGN_KEYS = ["campaign_id", "name", "start", "end", "status", "ordered_units", "planned_units",
                 "plan_attainment", "fill_rate", "shortfall_value", "below_target", "return_rate",
                 "emergency_freight_spend", "readiness", "at_risk"]


def fail(msg):
    print(msg, file=sys.stderr)
    sys.exit(2)


def q(s):
    """SQL string literal."""
    return "'" + str(s).replace("'", "''") + "'"


def ident(s):
    return '"' + s.replace('"', '""') + '"'


def source_files(data_dir, name):
    f = os.path.join(data_dir, name + ".csv")
    if os.path.isfile(f):
        return [f]
    d = os.path.join(data_dir, name)
    if os.path.isdir(d):
        return sorted(glob.glob(os.path.join(glob.escape(d), "*.csv")))
    return None


def read_header(path):
    with open(path, "r", encoding="utf-8-sig", newline="") as fh:
        try:
            row = next(csv.reader(fh))
        except StopIteration:
            return None
    return [h.strip() for h in row]


def load_source(con, name, files):
    """Loads every file of the source, in order, into raw_<name> (all VARCHAR, canonical
    column names, rn = global row ordinal in file order)."""
    cols = [c for c, *_ in SCHEMAS[name]]
    con.execute(f"CREATE TABLE raw_{name} (rn BIGINT, "
                + ", ".join(f"{ident(c)} VARCHAR" for c in cols) + ")")
    offset = 0
    for path in files:
        header = read_header(path)
        if header is None:
            fail(f"{path}: empty file (no header)")
        for c in REQUIRED_COLUMNS[name]:
            if c not in header:
                fail(f"{path}: missing required column '{c}' for source {name}")
        colspec = "{" + ", ".join(f"'c{i}': 'VARCHAR'" for i in range(len(header))) + "}"
        sel = []
        for c in cols:
            sel.append(f"c{header.index(c)}" if c in header else "NULL::VARCHAR")
        base = (f"read_csv({q(path)}, header=true, auto_detect=false, delim=',', quote='\"', "
                f"escape='\"', columns={colspec}")
        # rows in file order: the table keeps insertion order (preserve_insertion_order),
        # so rowid is the file order; rn is made global across the source's files.
        for opts in ("", ", null_padding=true, parallel=false"):
            try:
                con.execute(f"CREATE OR REPLACE TEMP TABLE tmp_csv AS SELECT {', '.join(sel)} "
                            f"FROM {base}{opts})")
                break
            except duckdb.Error as e:
                err = e
        else:
            fail(f"{path}: cannot read CSV: {str(err).splitlines()[0]}")
        con.execute(f"INSERT INTO raw_{name} SELECT rowid + {offset}, * FROM tmp_csv")
        offset += con.execute("SELECT count(*) FROM tmp_csv").fetchone()[0]
        con.execute("DROP TABLE tmp_csv")


def validate_source(con, name):
    """v_<name>: trimmed/parsed columns plus `reason` (NULL = row-level valid)."""
    fields = SCHEMAS[name]
    trimmed = ", ".join(f"tr({ident(c)}) AS {ident(c)}" for c, *_ in fields)
    parsed, checks = [], []
    for c, kind, req, nonneg in fields:
        ci = ident(c)
        if kind == N:
            parsed.append(f"CASE WHEN isnum({ci}) THEN CAST({ci} AS DOUBLE) END AS {ci}")
        elif kind == D:
            parsed.append(f"pdate({ci}) AS {ci}")
        else:
            parsed.append(ci)
        if req:
            checks.append(f"WHEN {ci} IS NULL THEN 'empty {c}'")
        if kind == N:
            checks.append(f"WHEN {ci} IS NOT NULL AND NOT isnum({ci}) THEN 'bad number {c}'")
            if nonneg:
                checks.append(f"WHEN isnum({ci}) AND CAST({ci} AS DOUBLE) < 0 THEN 'negative {c}'")
        if kind == D:
            checks.append(f"WHEN {ci} IS NOT NULL AND pdate({ci}) IS NULL THEN 'bad date {c}'")
    if name == "campaigns":
        checks.append("WHEN pdate(end_date) < pdate(start_date) THEN 'end_date before start_date'")
    if name == "forecast":
        checks.append("WHEN isodow(pdate(week_start)) <> 1 THEN 'week_start not a Monday'")
    if name == "campaign_items":
        checks.append("WHEN (sku IS NULL) = (category IS NULL) THEN 'need exactly one of sku/category'")
    con.execute(f"""
        CREATE TABLE v_{name} AS
        SELECT rn, {', '.join(parsed)}, CASE {' '.join(checks)} END AS reason
        FROM (SELECT rn, {trimmed} FROM raw_{name})""")
    con.execute(f"DROP TABLE raw_{name}")


def set_reason(con, name, condition, reason):
    """Rejects rows (not yet rejected) matching condition (SQL over v_<name> aliased t)."""
    con.execute(f"""
        CREATE OR REPLACE TABLE v_{name} AS
        SELECT * REPLACE (CASE WHEN reason IS NULL AND ({condition}) THEN {q(reason)}
                               ELSE reason END AS reason)
        FROM v_{name} t""")


def dedupe(con, name, keys):
    """First one wins (file order) among the rows that passed the row-level checks."""
    con.execute(f"""
        CREATE OR REPLACE TABLE v_{name} AS
        SELECT * EXCLUDE (k_rank) REPLACE (CASE WHEN reason IS NULL AND k_rank > 1
                                                THEN 'duplicate key' ELSE reason END AS reason)
        FROM (SELECT *, row_number() OVER (PARTITION BY reason IS NULL, {keys} ORDER BY rn) AS k_rank
              FROM v_{name})""")


def rows(con, sql):
    cur = con.execute(sql)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def jsonable(v):
    if isinstance(v, (dt.date, dt.datetime)):
        return v.strftime("%Y-%m-%d")
    if isinstance(v, decimal.Decimal):
        return float(v)
    return v


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir")
    ap.add_argument("--as-of", dest="as_of")
    ap.add_argument("--promo-fill-target", type=float, default=0.95)
    ap.add_argument("--horizon-days", type=int, default=28)
    ap.add_argument("--emergency", default="EXPEDITED,AIR,NEXT_DAY,CHARTER")
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    target = args.promo_fill_target
    emergency = [s.strip().upper() for s in args.emergency.split(",") if s.strip()]

    con = duckdb.connect()
    con.execute(f"SET threads = {int(args.threads)}")
    con.execute("SET preserve_insertion_order = true")
    ws = "' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13)"
    con.execute(f"CREATE MACRO tr(x) AS nullif(trim(x, {ws}), '')")
    # numbers: decimal, optional leading '-', '.' as decimal point, no thousands separators
    con.execute(r"CREATE MACRO isnum(x) AS regexp_full_match(x, '-?([0-9]+(\.[0-9]*)?|\.[0-9]+)')")
    # dates: yyyy-MM-dd, optionally followed by a time (ignored)
    con.execute(r"CREATE MACRO pdate(x) AS CASE WHEN regexp_full_match(x, '(?s)[0-9]{4}-[0-9]{2}-[0-9]{2}([T ].*)?') "
                r"THEN TRY_CAST(substr(x, 1, 10) AS DATE) END")

    # ---------------------------------------------------------------- read + validate
    present = {}
    for s in SOURCE_ORDER:
        files = source_files(args.dir, s)
        if not files:  # no S.csv and no *.csv in S/: the source is absent
            if s in REQUIRED_SOURCES:
                fail(f"{os.path.join(args.dir, s + '.csv')}: required source '{s}' is missing")
            continue
        present[s] = files
    if "receipts" in present and "purchase_orders" not in present:
        fail(f"{present['receipts'][0]}: receipts are given without purchase_orders")
    for s in SCHEMAS:
        if s not in present:
            # absent optional source: empty table with the right schema so SQL stays uniform
            con.execute(f"CREATE TABLE raw_{s} (rn BIGINT, "
                        + ", ".join(f"{ident(c)} VARCHAR" for c, *_ in SCHEMAS[s]) + ")")
        else:
            load_source(con, s, present[s])
        validate_source(con, s)

    # duplicates (first one wins among row-valid rows), then references
    dedupe(con, "products", "sku")
    con.execute("CREATE TABLE products AS SELECT sku, category, unit_cost, list_price FROM v_products WHERE reason IS NULL")
    con.execute("CREATE TABLE categories AS SELECT DISTINCT category FROM products")

    dedupe(con, "orders", "order_id, line_no")
    set_reason(con, "orders", "sku NOT IN (SELECT sku FROM products)", "unknown sku")
    con.execute("CREATE TABLE orders_ok AS SELECT * EXCLUDE (reason) FROM v_orders WHERE reason IS NULL")

    for s in ("deliveries", "returns"):
        set_reason(con, s, "NOT EXISTS (SELECT 1 FROM orders_ok o WHERE o.order_id = t.order_id AND o.line_no = t.line_no)",
                   "unknown order line")

    dedupe(con, "campaigns", "campaign_id")
    con.execute("CREATE TABLE campaigns AS SELECT campaign_id, name, start_date, end_date FROM v_campaigns WHERE reason IS NULL")
    set_reason(con, "campaign_items", "campaign_id NOT IN (SELECT campaign_id FROM campaigns)", "unknown campaign")
    set_reason(con, "campaign_items", "sku IS NOT NULL AND sku NOT IN (SELECT sku FROM products)", "unknown sku")
    set_reason(con, "campaign_items", "category IS NOT NULL AND category NOT IN (SELECT category FROM categories)",
               "unknown category")
    con.execute("CREATE TABLE items AS SELECT rn AS item_id, campaign_id, sku, category, planned_units "
                "FROM v_campaign_items WHERE reason IS NULL")

    dedupe(con, "inventory", "snapshot_date, sku, coalesce(location, '')")
    set_reason(con, "inventory", "sku NOT IN (SELECT sku FROM products)", "unknown sku")
    dedupe(con, "forecast", "week_start, sku")
    set_reason(con, "forecast", "sku NOT IN (SELECT sku FROM products)", "unknown sku")
    dedupe(con, "purchase_orders", "po_id, line_no")
    set_reason(con, "purchase_orders", "sku NOT IN (SELECT sku FROM products)", "unknown sku")
    con.execute("CREATE TABLE po_ok AS SELECT * EXCLUDE (reason) FROM v_purchase_orders WHERE reason IS NULL")
    set_reason(con, "receipts", "NOT EXISTS (SELECT 1 FROM po_ok p WHERE p.po_id = t.po_id AND p.line_no = t.line_no)",
               "unknown purchase-order line")

    # ---------------------------------------------------------------- as-of date
    if args.as_of:
        try:
            A = dt.date.fromisoformat(args.as_of)
        except ValueError:
            fail(f"--as-of: not a date: {args.as_of}")
    else:
        A = con.execute("SELECT max(order_date) FROM orders_ok").fetchone()[0]
        if A is None:
            fail("orders: no valid order line, cannot default the as-of date")
    AQ = f"DATE '{A.isoformat()}'"

    # ---------------------------------------------------------------- used rows
    # used order lines (not rejected, order_date <= A), with product attributes
    con.execute(f"""
        CREATE TABLE lines0 AS
        SELECT o.rn AS lid, o.order_id, o.line_no, o.order_date, o.requested_date, o.sku,
               o.qty_ordered AS qty, o.unit_price AS price, p.category, p.unit_cost, p.list_price
        FROM orders_ok o JOIN products p USING (sku)
        WHERE o.order_date <= {AQ}""")
    # used deliveries: not rejected, ship_date <= A, of a used line
    con.execute(f"""
        CREATE TABLE dlv AS
        SELECT l.lid, d.ship_date, d.qty_shipped, (d.ship_date <= l.requested_date) AS on_time
        FROM v_deliveries d JOIN lines0 l ON d.order_id = l.order_id AND d.line_no = l.line_no
        WHERE d.reason IS NULL AND d.ship_date <= {AQ}""")
    con.execute(f"""
        CREATE TABLE ret AS
        SELECT l.lid, r.return_date, r.qty_returned
        FROM v_returns r JOIN lines0 l ON r.order_id = l.order_id AND r.line_no = l.line_no
        WHERE r.reason IS NULL AND r.return_date <= {AQ}""")
    em_list = ", ".join(q(e) for e in emergency) or "NULL"
    con.execute(f"""
        CREATE TABLE fr AS
        SELECT ship_date, cost, order_id, upper(service_level) IN ({em_list}) AS emergency
        FROM v_freight WHERE reason IS NULL AND ship_date <= {AQ}""")
    con.execute(f"""
        CREATE TABLE inv AS
        SELECT i.snapshot_date, i.sku, i.qty_on_hand, p.category, p.unit_cost
        FROM v_inventory i JOIN products p USING (sku)
        WHERE i.reason IS NULL AND i.snapshot_date <= {AQ}""")
    con.execute("CREATE TABLE fc AS SELECT week_start, sku, forecast_units FROM v_forecast WHERE reason IS NULL")

    # (campaign, sku) pairs an item of the campaign matches (by sku, or by category)
    con.execute("""
        CREATE TABLE camp_sku AS
        SELECT i.campaign_id, i.sku FROM items i WHERE i.sku IS NOT NULL
        UNION
        SELECT i.campaign_id, p.sku FROM items i JOIN products p ON p.category = i.category
        WHERE i.category IS NOT NULL""")
    # line promotional for campaign: equi-join on sku, then the date window
    con.execute("""
        CREATE TABLE lc AS
        SELECT l.lid, c.campaign_id
        FROM lines0 l JOIN camp_sku cs ON cs.sku = l.sku JOIN campaigns c ON c.campaign_id = cs.campaign_id
        WHERE l.order_date BETWEEN c.start_date AND c.end_date""")
    # lines with ots, shipped and promotional flag
    con.execute("""
        CREATE TABLE lines AS
        SELECT l.*,
               least(l.qty, coalesce(s.on_time_shipped, 0)) AS ots,
               coalesce(s.shipped, 0) AS shipped,
               l.lid IN (SELECT lid FROM lc) AS promo
        FROM lines0 l
        LEFT JOIN (SELECT lid, sum(qty_shipped) AS shipped,
                          coalesce(sum(qty_shipped) FILTER (WHERE on_time), 0) AS on_time_shipped
                   FROM dlv GROUP BY lid) s USING (lid)""")
    con.execute("DROP TABLE lines0")
    con.execute("CREATE TABLE promo_orders AS SELECT DISTINCT order_id FROM lines WHERE promo")

    # ---------------------------------------------------------------- sources
    sources = {}
    ignored_sql = {
        "orders": f"SELECT count(*) FROM v_orders WHERE reason IS NULL AND order_date > {AQ}",
        "deliveries": "SELECT (SELECT count(*) FROM v_deliveries WHERE reason IS NULL) - (SELECT count(*) FROM dlv)",
        "returns": "SELECT (SELECT count(*) FROM v_returns WHERE reason IS NULL) - (SELECT count(*) FROM ret)",
        "freight": f"SELECT count(*) FROM v_freight WHERE reason IS NULL AND ship_date > {AQ}",
        "inventory": f"SELECT count(*) FROM v_inventory WHERE reason IS NULL AND snapshot_date > {AQ}",
        "purchase_orders": f"SELECT count(*) FROM po_ok WHERE order_date > {AQ}",
        # a receipt after A, or of a PO line ordered after A
        "receipts": f"""SELECT count(*) FROM v_receipts r WHERE r.reason IS NULL AND (r.receipt_date > {AQ} OR
                        EXISTS (SELECT 1 FROM po_ok p WHERE p.po_id = r.po_id AND p.line_no = r.line_no
                                AND p.order_date > {AQ}))""",
    }
    for s in SOURCE_ORDER:
        if s not in present:
            continue
        n, rej = con.execute(f"SELECT count(*), count(reason) FROM v_{s}").fetchone()
        ign = con.execute(ignored_sql[s]).fetchone()[0] if s in ignored_sql else 0
        sources[s] = {"rows": n, "rejected": rej, "ignored_after_as_of": ign}

    # ---------------------------------------------------------------- periods
    first = con.execute("SELECT min(order_date) FROM lines").fetchone()[0] or A
    has = {s: s in present for s in OPTIONAL_SOURCES}
    # promoted categories: categories of the products each item matches
    con.execute("""
        CREATE TABLE item_cats AS
        SELECT DISTINCT i.campaign_id, coalesce(i.category, p.category) AS category
        FROM items i LEFT JOIN products p ON p.sku = i.sku""")

    out_periods = {}
    for g in ("week", "month"):
        step = "INTERVAL 7 DAY" if g == "week" else "INTERVAL 1 MONTH"
        pend = "pk + 6" if g == "week" else "CAST(pk + INTERVAL 1 MONTH AS DATE) - 1"
        label = ("printf('%04d-W%02d', isoyear(pk), week(pk))" if g == "week" else "strftime(pk, '%Y-%m')")
        con.execute(f"""
            CREATE OR REPLACE TABLE periods AS
            SELECT pk, pend, {label} AS period, (least(pend, {AQ}) - pk + 1) AS days
            FROM (SELECT pk, {pend} AS pend
                  FROM (SELECT CAST(range AS DATE) AS pk
                        FROM range(CAST(date_trunc('{g}', DATE '{first.isoformat()}') AS TIMESTAMP),
                                   CAST(date_trunc('{g}', {AQ}) AS TIMESTAMP) + INTERVAL 1 DAY, {step})))""")

        def K(col):
            return f"CAST(date_trunc('{g}', {col}) AS DATE)"

        sql = f"""
        WITH due AS (
            SELECT {K('requested_date')} AS pk, * FROM lines WHERE requested_date <= {AQ}),
        fill AS (
            SELECT pk,
                   sum(qty) FILTER (WHERE promo) AS p_qty, sum(ots) FILTER (WHERE promo) AS p_ots,
                   sum((qty - ots) * price) FILTER (WHERE promo) AS p_short,
                   sum(qty) FILTER (WHERE NOT promo) AS o_qty, sum(ots) FILTER (WHERE NOT promo) AS o_ots
            FROM due GROUP BY pk),
        camp AS (
            SELECT pk, count(*) AS measured,
                   count(*) FILTER (WHERE c_qty > 0 AND c_ots / c_qty < {target!r}) AS below
            FROM (SELECT d.pk, lc.campaign_id, sum(d.qty) AS c_qty, sum(d.ots) AS c_ots
                  FROM due d JOIN lc USING (lid) GROUP BY ALL)
            GROUP BY pk),
        promo_cat AS (
            SELECT DISTINCT p.pk, ic.category
            FROM periods p CROSS JOIN campaigns c JOIN item_cats ic ON ic.campaign_id = c.campaign_id
            WHERE c.start_date <= least(p.pend, {AQ}) AND c.end_date >= p.pk),
        cogs AS (
            SELECT {K('d.ship_date')} AS pk, l.category, sum(d.qty_shipped * l.unit_cost) AS cogs
            FROM dlv d JOIN lines l USING (lid) GROUP BY ALL),
        invv AS (
            SELECT {K('snapshot_date')} AS pk, category, sum(qty_on_hand * unit_cost) AS val
            FROM inv GROUP BY ALL),
        nsnap AS (
            SELECT {K('snapshot_date')} AS pk, count(DISTINCT snapshot_date) AS n FROM inv GROUP BY ALL),
        turns AS (
            SELECT p.pk,
                   coalesce(sum(cg.cogs) FILTER (WHERE pc.category IS NOT NULL), 0) AS cogs_p,
                   coalesce(sum(iv.val) FILTER (WHERE pc.category IS NOT NULL), 0) AS inv_p,
                   coalesce(sum(cg.cogs) FILTER (WHERE pc.category IS NULL), 0) AS cogs_o,
                   coalesce(sum(iv.val) FILTER (WHERE pc.category IS NULL), 0) AS inv_o
            FROM periods p CROSS JOIN categories k
            LEFT JOIN cogs cg ON cg.pk = p.pk AND cg.category = k.category
            LEFT JOIN invv iv ON iv.pk = p.pk AND iv.category = k.category
            LEFT JOIN promo_cat pc ON pc.pk = p.pk AND pc.category = k.category
            GROUP BY p.pk),
        frt AS (
            SELECT {K('ship_date')} AS pk, sum(cost) AS total,
                   sum(cost) FILTER (WHERE emergency) AS em,
                   sum(cost) FILTER (WHERE emergency AND order_id IN (SELECT order_id FROM promo_orders)) AS pem
            FROM fr GROUP BY ALL),
        rq AS (
            SELECT {K('r.return_date')} AS pk, sum(r.qty_returned) AS r_all,
                   sum(r.qty_returned) FILTER (WHERE l.promo) AS r_p,
                   sum(r.qty_returned) FILTER (WHERE NOT l.promo) AS r_o
            FROM ret r JOIN lines l USING (lid) GROUP BY ALL),
        sq AS (
            SELECT {K('d.ship_date')} AS pk, sum(d.qty_shipped) AS s_all,
                   sum(d.qty_shipped) FILTER (WHERE l.promo) AS s_p,
                   sum(d.qty_shipped) FILTER (WHERE NOT l.promo) AS s_o
            FROM dlv d JOIN lines l USING (lid) GROUP BY ALL),
        act AS (
            SELECT CAST(date_trunc('week', order_date) AS DATE) AS w, sku, sum(qty) AS a
            FROM lines GROUP BY ALL),
        pairs AS (
            SELECT coalesce(f.week_start, a.w) AS w, coalesce(f.sku, a.sku) AS sku,
                   coalesce(a.a, 0) AS a, coalesce(f.forecast_units, 0) AS f,
                   f.sku IS NOT NULL AS has_fc
            FROM fc f FULL OUTER JOIN act a ON a.w = f.week_start AND a.sku = f.sku),
        fa AS (
            SELECT {K('w')} AS pk,
                   sum(abs(x.a - x.f) * p.list_price) AS num, sum(x.a * p.list_price) AS den,
                   bool_or(x.has_fc) AS has_fc
            FROM pairs x JOIN products p USING (sku)
            WHERE x.w <= {AQ}
            GROUP BY ALL)
        SELECT p.period, p.pk AS start, p.pend AS "end",
               CASE WHEN coalesce(fl.p_qty, 0) = 0 THEN NULL ELSE fl.p_ots / fl.p_qty END AS promo_fill_rate,
               CASE WHEN coalesce(fl.o_qty, 0) = 0 THEN NULL ELSE fl.o_ots / fl.o_qty END AS other_fill_rate,
               coalesce(fl.p_qty, 0) AS promo_units_ordered,
               coalesce(fl.p_short, 0) AS promo_shortfall_value,
               coalesce(cm.measured, 0) AS campaigns_measured,
               coalesce(cm.below, 0) AS campaigns_below_target,
               CASE WHEN coalesce(cm.measured, 0) = 0 THEN NULL ELSE cm.below / cm.measured END AS stockout_campaign_share,
               CASE WHEN NOT {has['inventory']} OR ns.n IS NULL OR t.inv_p = 0 THEN NULL
                    ELSE t.cogs_p / (t.inv_p / ns.n) * 365 / p.days END AS inventory_turns_promoted,
               CASE WHEN NOT {has['inventory']} OR ns.n IS NULL OR t.inv_o = 0 THEN NULL
                    ELSE t.cogs_o / (t.inv_o / ns.n) * 365 / p.days END AS inventory_turns_other,
               CASE WHEN {has['freight']} THEN coalesce(ft.total, 0) END AS total_freight_spend,
               CASE WHEN {has['freight']} THEN coalesce(ft.em, 0) END AS emergency_freight_spend,
               CASE WHEN {has['freight']} AND coalesce(ft.total, 0) <> 0 THEN coalesce(ft.em, 0) / ft.total END
                    AS emergency_freight_share,
               CASE WHEN {has['freight']} THEN coalesce(ft.pem, 0) END AS promo_emergency_freight_spend,
               CASE WHEN {has['returns']} AND coalesce(s.s_all, 0) <> 0 THEN coalesce(r.r_all, 0) / s.s_all END AS return_rate,
               CASE WHEN {has['returns']} AND coalesce(s.s_p, 0) <> 0 THEN coalesce(r.r_p, 0) / s.s_p END AS promo_return_rate,
               CASE WHEN {has['returns']} AND coalesce(s.s_o, 0) <> 0 THEN coalesce(r.r_o, 0) / s.s_o END AS other_return_rate,
               CASE WHEN {has['forecast']} AND fa.has_fc AND fa.den <> 0 THEN greatest(0, 1 - fa.num / fa.den) END
                    AS forecast_accuracy
        FROM periods p
        LEFT JOIN fill fl USING (pk) LEFT JOIN camp cm USING (pk) LEFT JOIN turns t USING (pk)
        LEFT JOIN nsnap ns USING (pk) LEFT JOIN frt ft USING (pk) LEFT JOIN rq r USING (pk)
        LEFT JOIN sq s USING (pk) LEFT JOIN fa USING (pk)
        ORDER BY p.pk"""
        out_periods[g] = [{k: jsonable(v) for k, v in r.items()} for r in rows(con, sql)]

    # ---------------------------------------------------------------- campaigns
    sql = f"""
    WITH cl AS (SELECT lc.campaign_id, l.* FROM lc JOIN lines l USING (lid)),
    agg AS (
        SELECT campaign_id, sum(qty) AS ordered, sum(shipped) AS shipped,
               sum(qty) FILTER (WHERE requested_date <= {AQ}) AS due_qty,
               sum(ots) FILTER (WHERE requested_date <= {AQ}) AS due_ots,
               sum((qty - ots) * price) FILTER (WHERE requested_date <= {AQ}) AS short
        FROM cl GROUP BY campaign_id),
    planned AS (SELECT campaign_id, sum(planned_units) AS planned FROM items GROUP BY campaign_id),
    cret AS (SELECT lc.campaign_id, sum(r.qty_returned) AS returned FROM ret r JOIN lc USING (lid) GROUP BY ALL),
    cfr AS (
        SELECT o.campaign_id, sum(f.cost) AS em
        FROM (SELECT DISTINCT campaign_id, order_id FROM cl) o JOIN fr f ON f.order_id = o.order_id
        WHERE f.emergency GROUP BY ALL),
    snap AS (SELECT sku, sum(qty_on_hand) AS stock FROM inv
             WHERE snapshot_date = (SELECT max(snapshot_date) FROM inv) GROUP BY sku),
    item_stock AS (
        SELECT i.item_id, i.campaign_id, i.planned_units AS planned, coalesce(sum(s.stock), 0) AS stock
        FROM items i
        LEFT JOIN (SELECT item_id, sku FROM items WHERE sku IS NOT NULL
                   UNION ALL
                   SELECT i2.item_id, p.sku FROM items i2 JOIN products p ON p.category = i2.category
                   WHERE i2.category IS NOT NULL) m ON m.item_id = i.item_id
        LEFT JOIN snap s ON s.sku = m.sku
        GROUP BY ALL),
    ready AS (SELECT campaign_id, sum(least(stock, planned)) AS ready, sum(planned) AS planned
              FROM item_stock GROUP BY campaign_id),
    c AS (
        SELECT c.*, CASE WHEN c.start_date > {AQ} THEN 'upcoming'
                         WHEN c.end_date >= {AQ} THEN 'active' ELSE 'ended' END AS status
        FROM campaigns c WHERE c.start_date <= {AQ} + {int(args.horizon_days)})
    SELECT c.campaign_id, c.name, c.start_date AS start, c.end_date AS "end", c.status,
           coalesce(a.ordered, 0) AS ordered_units,
           coalesce(pl.planned, 0) AS planned_units,
           CASE WHEN coalesce(pl.planned, 0) <> 0 THEN coalesce(a.ordered, 0) / pl.planned END AS plan_attainment,
           CASE WHEN coalesce(a.due_qty, 0) <> 0 THEN a.due_ots / a.due_qty END AS fill_rate,
           coalesce(a.short, 0) AS shortfall_value,
           coalesce(a.due_qty, 0) <> 0 AND a.due_ots / a.due_qty < {target!r} AS below_target,
           CASE WHEN {has['returns']} AND coalesce(a.shipped, 0) <> 0 THEN coalesce(r.returned, 0) / a.shipped END
                AS return_rate,
           CASE WHEN {has['freight']} THEN coalesce(f.em, 0) END AS emergency_freight_spend,
           CASE WHEN c.status = 'upcoming' AND {has['inventory']} AND coalesce(rd.planned, 0) <> 0
                THEN rd.ready / rd.planned END AS readiness
    FROM c LEFT JOIN agg a USING (campaign_id) LEFT JOIN planned pl USING (campaign_id)
    LEFT JOIN cret r USING (campaign_id) LEFT JOIN cfr f USING (campaign_id)
    LEFT JOIN ready rd USING (campaign_id)
    ORDER BY c.start_date, c.campaign_id"""
    campaigns = []
    for r in rows(con, sql):
        r = {k: jsonable(v) for k, v in r.items()}
        r["below_target"] = bool(r["below_target"])
        r["at_risk"] = r["readiness"] is not None and r["readiness"] < 1
        campaigns.append({k: r[k] for k in CAMPAIGN_KEYS})

    doc = {
        "schema_version": 1,
        "as_of": A.isoformat(),
        "targets": {"promo_fill_rate": target},
        "sources": sources,
        "weeks": [{k: p[k] for k in ["period", "start", "end"] + PERIOD_KEYS} for p in out_periods["week"]],
        "months": [{k: p[k] for k in ["period", "start", "end"] + PERIOD_KEYS} for p in out_periods["month"]],
        "campaigns": campaigns,
    }
    json.dump(doc, sys.stdout, indent=1, allow_nan=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
