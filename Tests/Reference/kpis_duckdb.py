#!/usr/bin/env python3
"""Independent reference implementation of the scorecard KPIs (docs/figures.md) in DuckDB SQL.

Requires DuckDB for Python:   python3 -m pip install duckdb

Usage:
    kpis_duckdb.py DIR [--as-of YYYY-MM-DD] [--promo-fill-target 0.95] [--max-weeks 260]
                       [--horizon-days 28] [--emergency EXPEDITED,AIR,NEXT_DAY,CHARTER]
                       [--segment KEY:SOURCE=HEADER[,SOURCE=HEADER...][,label=LABEL] ...] [--max-values 50]
                       [--segments-out segments.json] > kpis.json

--segment is one dimension of `segments:` in the config: `region:label=Sales region,orders=VKORG,inventory=Region`
(an order dimension; forecast= and purchase_orders= too) or `brand:products=Marke` (a product dimension);
in config order, repeated. HEADER is the column's header in DIR (no ',' or '=' in it or in LABEL).
--max-values is segments.max_values. --segments-out writes data/segments.json (every view's weeks, months,
campaigns and comparisons), and kpis.json gets "segments" (each dimension's number of views).

DIR holds the sources in canonical form (canonical headers, ',' delimiter, '.' decimal,
yyyy-MM-dd dates, UTF-8): DIR/S.csv, or every *.csv in DIR/S/ (sorted by name, one table).
Required: products, orders, deliveries, campaigns, campaign_items.
Optional: inventory, freight, returns, forecast, purchase_orders, receipts.

The output is the kpis.json document of docs/figures.md, "The layout of kpis.json" (as_of, sources, weeks, months, campaigns,
campaign_skus, categories, comparisons).
Exit status 2 on bad input (missing required source or column, receipts without purchase_orders, a bad
--segment, a dimension's header missing from a file of its source).
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
# Reading: where the definitions leave a choice, this implementation reads them as follows.
#  R1  purchase_orders: the duplicate (po_id, line_no) check comes before the sku reference, as
#      for orders; among rows that pass the row-level checks the first one wins, so a later
#      duplicate is rejected even when the first row then fails its sku reference.
#  R2  The report starts from the earliest order_date of the used order lines (not rejected, not
#      after A); with none it starts at A. "That first week" is the first *reported* week.
#  R3  completed(L) / received(POL): deliveries (receipts) of one day are summed before the
#      running sum is compared with qty_ordered - 1e-9; only deliveries (receipts) that are used
#      (not rejected, not after A, of a used line) count. Lines with qty_ordered 0 never complete.
#  R4  Percentile ranks are computed in integers: ceil(n/2) = (n+1)//2, ceil(0.9n) = (9n+9)//10.
#  R5  Lead-time period keys split lines by "promotional" as the period figures do (promotional
#      for at least one campaign); category lead times use every line of the category.
#  R6  forecast_bias is null exactly when forecast_accuracy is (no forecast row in the weeks, or
#      denominator 0); it is not clamped. The promotional / other accuracies are null when the
#      forecast source is absent (no pair has a forecast row then).
#  R7  top_shortfall and campaign_skus: shortfall_value is summed exactly, in decimals (the
#      input numbers rounded to 9 decimal places), and that exact sum decides the order, the ties
#      and the 1e-9 cut. Summed in binary floating point, two mathematically equal sums (9.3375
#      twice in the generated 5M export) come out a few ulps apart depending on the summation
#      order, and the tie-break by sku would be decided by rounding noise (it even changed from
#      run to run here, DuckDB summing in parallel). The cut applies to each sku's sum; "sku
#      ascending" is code-point (byte) order.
#  R8  campaign_skus "ordered by campaign (as `campaigns`)": in the order of kpis.json's
#      campaigns list (start date, then id), not the order of the campaigns source file.
#      due_units / on_time_units / shortfall_value are 0 when no line is due; fill_rate is null.
#  R9  categories "by name": code-point order; one row per category of the valid products, with
#      or without lines. weeks_of_cover divides by 13 even when A is mid-week.
#  R10 supplier_on_time_rate counts the used PO lines (order_date <= A) due in P and <= A; PO
#      lines with qty_ordered 0 add 0 to both sums. Without receipts it is null (as the
#      definitions say), not 0.
#  R11 inbound_units is a number (not null) for an upcoming campaign whenever purchase_orders is
#      present, also without inventory (S = A) and without receipts (nothing received); 0 for a
#      campaign without items. Overdue open PO lines (due before A, not received) still count.
#      A product matched by two items of one campaign counts in both (as stock_i does for
#      readiness). S = the latest valid snapshot_date <= A; A without inventory or without a
#      snapshot <= A.
#  R12 receipts without purchase_orders is an error (exit 2) even when receipts has no rows.
#  R13 Comparison ranges are periods like any other: a forecast week counts for a range when its Monday
#      is in the range (and not after A), with all the week's order lines, also those after the range's
#      last day (last year's range of a mid-week A ends mid-week); days(P) of a range is its length (it
#      never ends after A). They are computed from every used row, whatever --max-weeks says.
# Segments (docs/segments.md, "What a view is" and "Values, (none) and Other"):
#  S1  A view is computed by the very code of the whole company (figures()) on copies of the used base
#      tables restricted to it, in a schema of its own: order lines of the value (order dimension) or of the
#      view's products (product dimension); their deliveries and returns; freight (S4); inventory, forecast
#      and purchase orders (S6, S7); receipts of the view's PO lines; campaigns all. Nothing is re-validated:
#      rejected and ignored rows stay so, and nothing the view leaves out is rejected.
#  S2  Every view has the whole company's report window (weeks and months from the company's earliest used
#      order_date, --max-weeks) and the same A, comparison ranges, targets and options.
#  S3  Values: trimmed like every value (then compared exactly, case-sensitive; blanks are the empty value
#      "", labelled "(none)"); an order dimension's values are those of the used order lines (not rejected,
#      order_date <= A), a product dimension's those of the valid products, with or without lines (rows
#      rejected as duplicates carry no value).
#  S4  share(order) = value of the order's used lines in the view / value of all its used lines (binary
#      doubles; 1e-9 relative is far above their rounding), by line counts when the order's value is 0. A
#      freight row (used: not rejected, ship_date <= A) is in a view when its order has a used line there:
#      one without order_id, of an order not in orders, of a rejected line only, or of lines after A only,
#      is in no view, though the whole company counts it.
#  S5  Beyond --max-values, the revenue that ranks the values (sum of qty_ordered * unit_price over their
#      used lines) is summed exactly, in decimals (as R7), so that mathematically equal revenues tie and
#      the tie goes to the value first in code-point order. "Other" is one view of every other value.
#  S6  A row of inventory / forecast / purchase_orders whose value (the dimension's column there) is none of
#      the dimension's values belongs to "Other" when there is one, else to no view. For a product
#      dimension those rows follow their sku's product.
#  S7  In an order dimension that names no column for inventory, forecast or purchase_orders, the source
#      is absent in the views (its figures null; receipts absent with purchase_orders). A named source
#      without rows for a value is present and empty there (stock 0, readiness 0).
#  S8  With a forecast column of one or more dimensions, the duplicate key is (week_start, sku, the value
#      of every such dimension); forecast_units of (sku, w) is the sum of its rows, for the whole company
#      and in every view (also without a forecast column, where it is the one row).
#  S9  Values in a document ordered by the as-of week's (the last reported week's) promo_fill_rate
#      ascending, compared as computed (no tolerance), nulls after them, ties by value in code-point order,
#      "Other" last. A product dimension's view has the categories of its products and the campaign items
#      matching one of them (by sku or category); item_match, promoted categories, readiness and
#      inbound follow.
# --------------------------------------------------------------------------------------

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
# (the definitions list them without brackets) but either value may be empty.
# Numbers are DOUBLE; these are also kept exactly, as DECIMAL(38, 9) in <column>_d, for the
# shortfall values that decide an order (top_shortfall, campaign_skus): see R7.
EXACT_COLUMNS = {("orders", "qty_ordered"), ("orders", "unit_price"), ("deliveries", "qty_shipped")}
REQUIRED_COLUMNS = {s: [c for c, k, req, nn in f if req] for s, f in SCHEMAS.items()}
REQUIRED_COLUMNS["campaign_items"] += ["sku", "category"]
REQUIRED_SOURCES = ["products", "orders", "deliveries", "campaigns", "campaign_items"]
OPTIONAL_SOURCES = ["inventory", "freight", "returns", "forecast", "purchase_orders", "receipts"]
SOURCE_ORDER = REQUIRED_SOURCES + OPTIONAL_SOURCES

PERIOD_KEYS = ["promo_fill_rate", "other_fill_rate", "promo_units_ordered", "promo_shortfall_value",
               "campaigns_measured", "campaigns_below_target", "stockout_campaign_share",
               "inventory_turns_promoted", "inventory_turns_other", "total_freight_spend",
               "emergency_freight_spend", "emergency_freight_share", "promo_emergency_freight_spend",
               "return_rate", "promo_return_rate", "other_return_rate", "forecast_accuracy",
               # drill-down
               "promo_lead_time_median", "promo_lead_time_p90", "other_lead_time_median",
               "other_lead_time_p90", "promo_forecast_accuracy", "other_forecast_accuracy",
               "forecast_bias", "top_shortfall",
               # inbound supply
               "supplier_lead_time_median", "supplier_lead_time_p90", "supplier_on_time_rate"]
CAMPAIGN_KEYS = ["campaign_id", "name", "start", "end", "status", "ordered_units", "planned_units",
                 "plan_attainment", "fill_rate", "shortfall_value", "below_target", "return_rate",
                 "emergency_freight_spend", "readiness", "at_risk",
                 "lead_time_median", "lead_time_p90", "inbound_units", "readiness_with_inbound"]
CAMPAIGN_SKU_KEYS = ["campaign_id", "sku", "category", "ordered_units", "due_units", "on_time_units",
                     "fill_rate", "shortfall_value", "lead_time_median", "stock_on_hand"]
CATEGORY_KEYS = ["category", "lead_time_median", "weeks_of_cover", "supplier_lead_time_median"]
TOP_SHORTFALL_KEYS = ["sku", "category", "due_units", "on_time_units", "shortfall_value"]
COMPARISON_RANGES = ["last_year", "year_to_date", "year_to_date_last_year"]


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


def load_source(con, name, files, extra=()):
    """Loads every file of the source, in order, into raw_<name> (all VARCHAR, canonical
    column names, rn = global row ordinal in file order).  extra: (column, header) of the segment
    dimensions that read this source; a file without the header is an error (exit 2)."""
    cols = [c for c, *_ in SCHEMAS[name]]
    con.execute(f"CREATE TABLE raw_{name} (rn BIGINT, "
                + ", ".join(f"{ident(c)} VARCHAR" for c in cols + [c for c, _ in extra]) + ")")
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
        for c, h in extra:
            if h not in header:
                fail(f"{path}: missing column '{h}' of segment dimension '{c[4:]}' for source {name}")
            sel.append(f"c{header.index(h)}")
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


def validate_source(con, name, extra=()):
    """v_<name>: trimmed/parsed columns plus `reason` (NULL = row-level valid).  A segment dimension's
    column (extra) is text, trimmed, never NULL (the empty value is ''), and never rejects a row."""
    fields = SCHEMAS[name]
    trimmed = ", ".join([f"tr({ident(c)}) AS {ident(c)}" for c, *_ in fields]
                        + [f"coalesce(tr({ident(c)}), '') AS {ident(c)}" for c, _ in extra])
    parsed, checks = [], []
    for c, kind, req, nonneg in fields:
        ci = ident(c)
        if kind == N:
            parsed.append(f"CASE WHEN isnum({ci}) THEN CAST({ci} AS DOUBLE) END AS {ci}")
            if (name, c) in EXACT_COLUMNS:
                parsed.append(f"CASE WHEN isnum({ci}) THEN TRY_CAST({ci} AS DECIMAL(38, 9)) END AS {ident(c + '_d')}")
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
        SELECT rn, {', '.join(parsed + [ident(c) for c, _ in extra])}, CASE {' '.join(checks)} END AS reason
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


def year_earlier(d):
    """The same month and day a year earlier; 29 February becomes 28 February."""
    if (d.month, d.day) == (2, 29):
        return dt.date(d.year - 1, 2, 28)
    return dt.date(d.year - 1, d.month, d.day)


def comparison_ranges(A):
    """The comparison ranges of the as-of week and month (docs/figures.md, "Comparisons"):
    ({'week': label, 'month': label}, {(grain, range name): (first day, last day)})."""
    back = dt.timedelta(days=364)  # 52 weeks: the same weekdays
    # as-of week W: the ISO week holding A, Monday to Sunday; e = min(W.end, A)
    w_start = A - dt.timedelta(days=A.weekday())
    e = min(w_start + dt.timedelta(days=6), A)
    iso_year, iso_week, _ = A.isocalendar()
    # ISO week 1 of a week-year is the week holding 4 January; year_to_date starts on its Monday
    jan4 = dt.date(iso_year, 1, 4)
    week1 = jan4 - dt.timedelta(days=jan4.weekday())
    # as-of month M: the calendar month holding A
    m_start = A.replace(day=1)
    m_end = (m_start + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1)
    m_e = min(m_end, A)
    jan1 = dt.date(A.year, 1, 1)
    labels = {"week": f"{iso_year:04d}-W{iso_week:02d}", "month": f"{A.year:04d}-{A.month:02d}"}
    dates = {
        ("week", "last_year"): (w_start - back, e - back),
        ("week", "year_to_date"): (week1, A),
        ("week", "year_to_date_last_year"): (week1 - back, A - back),
        ("month", "last_year"): (year_earlier(m_start), year_earlier(m_e)),
        ("month", "year_to_date"): (jan1, A),
        ("month", "year_to_date_last_year"): (dt.date(A.year - 1, 1, 1), year_earlier(A)),
    }
    return labels, dates


def monday(d):
    return d - dt.timedelta(days=d.weekday())


def rows(con, sql):
    cur = con.execute(sql)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def jsonable(v):
    if isinstance(v, (dt.date, dt.datetime)):
        return v.strftime("%Y-%m-%d")
    if isinstance(v, decimal.Decimal):
        return float(v)
    if isinstance(v, list):
        return [jsonable(x) for x in v]
    if isinstance(v, dict):
        return {k: jsonable(x) for k, x in v.items()}
    return v

def seg_cols(extra, source, prefix=""):
    """', p.seg_KEY, ...': the columns of the segment dimensions that read `source`."""
    return "".join(f", {prefix}{ident(c)}" for c, _ in extra.get(source, []))


SEGMENT_SOURCES = ["orders", "products", "inventory", "forecast", "purchase_orders"]


def parse_segments(specs):
    """--segment KEY:SOURCE=HEADER[,SOURCE=HEADER...][,label=LABEL], as segments.KEY of the config:
    exactly one of orders (an order dimension, optionally with inventory, forecast, purchase_orders)
    or products (a product dimension, nothing else); at most 8 dimensions, keys a-z, 0-9, _."""
    dims = []
    for spec in specs:
        key, sep, rest = spec.partition(":")
        if not sep or not key or len(key) > 40 or any(ch not in "abcdefghijklmnopqrstuvwxyz0123456789_" for ch in key):
            fail(f"--segment {spec}: KEY:SOURCE=HEADER,... with a key of 1 to 40 characters a-z, 0-9, _")
        if any(d["key"] == key for d in dims):
            fail(f"--segment {spec}: a second dimension '{key}'")
        label, columns = key, {}
        for part in rest.split(","):
            name, eq, value = (x.strip() for x in part.partition("="))
            if not eq or not value:
                fail(f"--segment {spec}: '{part}' is not SOURCE=HEADER or label=LABEL")
            if name == "label":
                label = value
            elif name in SEGMENT_SOURCES and name not in columns:
                columns[name] = value
            else:
                fail(f"--segment {spec}: unknown or repeated '{name}'")
        if ("orders" in columns) == ("products" in columns):
            fail(f"--segment {spec}: name exactly one of orders and products")
        if "products" in columns and len(columns) > 1:
            fail(f"--segment {spec}: a product dimension names no other source")
        dims.append({"key": key, "label": label, "source": "orders" if "orders" in columns else "products",
                     "columns": columns})
    if len(dims) > 8:
        fail("--segment: at most 8 dimensions")
    return dims


def segment_views(con, dim, max_values):
    """The views of a dimension (S5), unordered: [{vid, value, label, other, members}], and the table
    main.segmap_KEY (value, vid) of every value of the dimension.  Values: the distinct values over the
    used order lines (order dimension) or over the valid products (product dimension, a product without
    lines with revenue 0).  Beyond max_values, the max_values - 1 values with the largest revenue
    (sum of qty_ordered * unit_price over their lines, exactly, in decimals; ties: value in code-point
    order) keep their view, the others make one view "Other"."""
    col = ident("seg_" + dim["key"])
    if dim["source"] == "orders":
        sql = f"SELECT {col} AS value, sum(qty_d * price_d) AS revenue FROM lines0 GROUP BY 1"
    else:
        sql = (f"SELECT p.{col} AS value, sum(l.qty_d * l.price_d) AS revenue "
               "FROM products p LEFT JOIN lines0 l USING (sku) GROUP BY 1")
    values = [(v, r if r is not None else decimal.Decimal(0)) for v, r in con.execute(sql).fetchall()]
    if len(values) > max_values:
        own = {v for v, _ in sorted(values, key=lambda t: (-t[1], t[0]))[:max_values - 1]}
    else:
        own = {v for v, _ in values}
    folded = sorted(v for v, _ in values if v not in own)
    views = [{"vid": i, "value": v, "label": v if v != "" else "(none)", "other": False, "members": [v]}
             for i, v in enumerate(sorted(own))]
    if folded:
        views.append({"vid": len(views), "value": None, "label": "Other", "other": True, "members": folded})
    table = "segmap_" + dim["key"]
    con.execute(f"CREATE TABLE {table} (value VARCHAR, vid INTEGER)")
    con.executemany(f"INSERT INTO {table} VALUES (?, ?)", [(m, v["vid"]) for v in views for m in v["members"]])
    return views


BASE_TABLES = {"products", "categories", "campaigns", "items", "lines0", "dlv", "ret", "fr", "inv", "fc", "pol0", "rcv"}


def restrict(con, schema, dim, view, has):
    """Schema `schema` with the used base tables (BASE_TABLES) of main restricted to the view (segments, "The
    views"), and the view's source presence (has).  A row of inventory / forecast / purchase_orders whose
    value is not one of the dimension's values belongs to "Other" when there is one (S6)."""
    seg = ident("seg_" + dim["key"])
    segmap = "main.segmap_" + dim["key"]

    def of_view(c):
        x = f"{c} IN (SELECT value FROM {segmap} WHERE vid = {view['vid']})"
        return f"({x} OR {c} NOT IN (SELECT value FROM {segmap}))" if view["other"] else x

    def table(name, sql):
        con.execute(f"CREATE TABLE {schema}.{name} AS {sql}")

    con.execute(f"CREATE SCHEMA {schema}")
    view_has = dict(has)
    if dim["source"] == "orders":
        # products, categories and campaign items: all; order lines of the value; inventory, forecast and
        # purchase orders: the rows of the value when the dimension names a column there, else none (absent)
        for name in ("products", "categories", "items"):
            table(name, f"SELECT * FROM main.{name}")
        table("lines0", f"SELECT * FROM main.lines0 WHERE {of_view(seg)}")
        for source, name in (("inventory", "inv"), ("forecast", "fc"), ("purchase_orders", "pol0")):
            mapped = source in dim["columns"]
            view_has[source] = has[source] and mapped
            table(name, f"SELECT * FROM main.{name} WHERE {of_view(seg) if mapped else 'false'}")
        view_has["receipts"] = has["receipts"] and view_has["purchase_orders"]
    else:
        # the products of the value (and their categories); the campaign items that match one of them;
        # order lines, inventory, forecast and purchase orders of those products
        table("products", f"SELECT * FROM main.products WHERE {of_view(seg)}")
        table("categories", f"SELECT DISTINCT category FROM {schema}.products")
        table("items", f"SELECT * FROM main.items WHERE sku IN (SELECT sku FROM {schema}.products) "
                       f"OR category IN (SELECT category FROM {schema}.categories)")
        for name in ("lines0", "inv", "fc", "pol0"):
            table(name, f"SELECT * FROM main.{name} WHERE sku IN (SELECT sku FROM {schema}.products)")
    table("campaigns", "SELECT * FROM main.campaigns")
    # deliveries and returns of the view's lines, receipts of its PO lines
    table("dlv", f"SELECT * FROM main.dlv WHERE lid IN (SELECT lid FROM {schema}.lines0)")
    table("ret", f"SELECT * FROM main.ret WHERE lid IN (SELECT lid FROM {schema}.lines0)")
    table("rcv", f"SELECT * FROM main.rcv WHERE pid IN (SELECT pid FROM {schema}.pol0)")
    # freight rows whose order has a line in the view, cost x share(order): the order's value in the view /
    # its value (used lines); by line counts when its value is 0.  Rows without an order_id, or whose order
    # has no used line, are in no view (S4).
    table("fr", f"""
        SELECT f.ship_date,
               f.cost * CASE WHEN a.value <> 0 THEN v.value / a.value ELSE CAST(v.n AS DOUBLE) / a.n END AS cost,
               f.order_id, f.emergency
        FROM main.fr f
        JOIN (SELECT order_id, sum(qty * price) AS value, count(*) AS n FROM {schema}.lines0 GROUP BY order_id) v
             USING (order_id)
        JOIN (SELECT order_id, sum(qty * price) AS value, count(*) AS n FROM main.lines0 GROUP BY order_id) a
             USING (order_id)""")
    made = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = ?", [schema]).fetchall()}
    assert made == BASE_TABLES, made ^ BASE_TABLES  # figures() must not fall back to main's tables
    return view_has


def period_rows(periods):
    return [{k: p[k] for k in ["period", "start", "end"] + PERIOD_KEYS} for p in periods]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir")
    ap.add_argument("--as-of", dest="as_of")
    ap.add_argument("--promo-fill-target", type=float, default=0.95)
    ap.add_argument("--horizon-days", type=int, default=28)
    ap.add_argument("--max-weeks", type=int, default=260)
    ap.add_argument("--emergency", default="EXPEDITED,AIR,NEXT_DAY,CHARTER")
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--segment", action="append", default=[],
                    metavar="KEY:SOURCE=HEADER[,SOURCE=HEADER...][,label=LABEL]")
    ap.add_argument("--max-values", type=int, default=50)
    ap.add_argument("--segments-out", metavar="FILE")
    args = ap.parse_args()
    target = args.promo_fill_target
    emergency = [s.strip().upper() for s in args.emergency.split(",") if s.strip()]
    if args.max_weeks < 1:
        fail(f"--max-weeks: must be at least 1: {args.max_weeks}")
    dims = parse_segments(args.segment)
    if not 2 <= args.max_values <= 500:
        fail(f"--max-values: must be from 2 to 500: {args.max_values}")
    # source -> [(column, header)]: the column seg_KEY of every dimension that reads the source
    extra = {}
    for d in dims:
        for source, header in d["columns"].items():
            extra.setdefault(source, []).append(("seg_" + d["key"], header))

    con = duckdb.connect()
    con.execute(f"SET threads = {int(args.threads)}")
    con.execute("SET preserve_insertion_order = true")
    con.execute("SET enable_progress_bar = false")
    ws = "' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13)"
    con.execute(f"CREATE MACRO tr(x) AS nullif(trim(x, {ws}), '')")
    # numbers: decimal, optional leading '-', '.' as decimal point, no thousands separators
    con.execute(r"CREATE MACRO isnum(x) AS regexp_full_match(x, '-?([0-9]+(\.[0-9]*)?|\.[0-9]+)')")
    # dates: yyyy-MM-dd, optionally followed by a time (ignored)
    con.execute(r"CREATE MACRO pdate(x) AS CASE WHEN regexp_full_match(x, '(?s)[0-9]{4}-[0-9]{2}-[0-9]{2}([T ].*)?') "
                r"THEN TRY_CAST(substr(x, 1, 10) AS DATE) END")
    # Nearest-rank percentile (docs/figures.md, "Percentiles"): sort ascending, take the value at 1-based rank
    # ceil(p * n) with p = num/den, computed in integers: ceil(n*num/den) = (n*num + den - 1) // den.
    # NULL for an empty or NULL list (list index 0 is NULL in DuckDB).  Used on list(x) aggregates.
    con.execute("CREATE MACRO nrank(l, num, den) AS list_sort(l)[(len(l) * num + den - 1) // den]")

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
        fail(f"{present['receipts'][0]}: source 'receipts' needs 'purchase_orders', which is missing")
    for s in SCHEMAS:
        if s not in present:
            # absent optional source: empty table with the right schema so SQL stays uniform
            con.execute(f"CREATE TABLE raw_{s} (rn BIGINT, "
                        + ", ".join([f"{ident(c)} VARCHAR" for c, *_ in SCHEMAS[s]]
                                    + [f"{ident(c)} VARCHAR" for c, _ in extra.get(s, [])]) + ")")
        else:
            load_source(con, s, present[s], extra.get(s, []))
        validate_source(con, s, extra.get(s, []))

    # duplicates (first one wins among row-valid rows), then references
    dedupe(con, "products", "sku")
    con.execute(f"CREATE TABLE products AS SELECT sku, category, unit_cost, list_price{seg_cols(extra, 'products')} "
                "FROM v_products WHERE reason IS NULL")
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
    # with a forecast column of a dimension the key is (week_start, sku, value) (S8)
    dedupe(con, "forecast", "week_start, sku" + seg_cols(extra, "forecast"))
    set_reason(con, "forecast", "sku NOT IN (SELECT sku FROM products)", "unknown sku")

    # purchase orders: duplicate (po_id, line_no) first (as for orders), then the sku reference;
    # a receipt must resolve to a PO line that is not rejected (a rejected PO line resolves nothing).
    dedupe(con, "purchase_orders", "po_id, line_no")
    set_reason(con, "purchase_orders", "sku NOT IN (SELECT sku FROM products)", "unknown sku")
    con.execute("CREATE TABLE po_ok AS SELECT * EXCLUDE (reason) FROM v_purchase_orders WHERE reason IS NULL")
    set_reason(con, "receipts", "NOT EXISTS (SELECT 1 FROM po_ok o WHERE o.po_id = t.po_id AND o.line_no = t.line_no)",
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
               o.qty_ordered AS qty, o.unit_price AS price, p.category, p.unit_cost, p.list_price,
               o.qty_ordered_d AS qty_d, o.unit_price_d AS price_d{seg_cols(extra, 'orders', 'o.')}
        FROM orders_ok o JOIN products p USING (sku)
        WHERE o.order_date <= {AQ}""")
    # used deliveries: not rejected, ship_date <= A, of a used line
    con.execute(f"""
        CREATE TABLE dlv AS
        SELECT l.lid, d.ship_date, d.qty_shipped, d.qty_shipped_d, (d.ship_date <= l.requested_date) AS on_time
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
        SELECT i.snapshot_date, i.sku, i.qty_on_hand, p.category, p.unit_cost{seg_cols(extra, 'inventory', 'i.')}
        FROM v_inventory i JOIN products p USING (sku)
        WHERE i.reason IS NULL AND i.snapshot_date <= {AQ}""")
    con.execute(f"CREATE TABLE fc AS SELECT week_start, sku, forecast_units{seg_cols(extra, 'forecast')} "
                "FROM v_forecast WHERE reason IS NULL")
    # used PO lines: not rejected, order_date <= A; used receipts: not rejected, receipt_date <= A,
    # of a used PO line (a receipt of an ignored PO line is ignored).
    con.execute(f"""
        CREATE TABLE pol0 AS
        SELECT o.rn AS pid, o.po_id, o.line_no, o.order_date, o.due_date, o.sku, o.qty_ordered AS qty,
               p.category{seg_cols(extra, 'purchase_orders', 'o.')}
        FROM po_ok o JOIN products p USING (sku)
        WHERE o.order_date <= {AQ}""")
    con.execute(f"""
        CREATE TABLE rcv AS
        SELECT l.pid, r.receipt_date, r.qty_received
        FROM v_receipts r JOIN pol0 l ON r.po_id = l.po_id AND r.line_no = l.line_no
        WHERE r.reason IS NULL AND r.receipt_date <= {AQ}""")

    # ---------------------------------------------------------------- sources
    sources = {}
    ignored_sql = {
        "orders": f"SELECT count(*) FROM v_orders WHERE reason IS NULL AND order_date > {AQ}",
        "deliveries": "SELECT (SELECT count(*) FROM v_deliveries WHERE reason IS NULL) - (SELECT count(*) FROM dlv)",
        "returns": "SELECT (SELECT count(*) FROM v_returns WHERE reason IS NULL) - (SELECT count(*) FROM ret)",
        "freight": f"SELECT count(*) FROM v_freight WHERE reason IS NULL AND ship_date > {AQ}",
        "inventory": f"SELECT count(*) FROM v_inventory WHERE reason IS NULL AND snapshot_date > {AQ}",
        "purchase_orders": f"SELECT count(*) FROM v_purchase_orders WHERE reason IS NULL AND order_date > {AQ}",
        "receipts": "SELECT (SELECT count(*) FROM v_receipts WHERE reason IS NULL) - (SELECT count(*) FROM rcv)",
    }
    for s in SOURCE_ORDER:
        if s not in present:
            continue
        n, rej = con.execute(f"SELECT count(*), count(reason) FROM v_{s}").fetchone()
        ign = con.execute(ignored_sql[s]).fetchone()[0] if s in ignored_sql else 0
        sources[s] = {"rows": n, "rejected": rej, "ignored_after_as_of": ign}

    # the validated sources are not needed any more: free their memory before the figures
    for t in ("v_orders", "orders_ok", "v_deliveries", "v_returns", "v_freight", "v_inventory", "v_forecast",
              "v_purchase_orders", "po_ok", "v_receipts", "v_products", "v_campaigns", "v_campaign_items"):
        con.execute(f"DROP TABLE {t}")

    # ---------------------------------------------------------------- report window
    # Report window (docs/inputs.md, "The report window and its warnings"): weeks from
    # max(week of the earliest order_date, as-of week - (max_weeks - 1)) to the as-of week; months from
    # the later of (month of the earliest order_date) and (month of that first week's Monday) to the
    # month of A.  "Earliest order_date" is read over the used lines (not rejected, not after A), as
    # the report period always was here; with no used line the report starts at A.  Every view has the
    # whole company's window (S2).
    first = con.execute("SELECT min(order_date) FROM lines0").fetchone()[0] or A
    weeks_to_a = (monday(A) - monday(first)).days // 7  # as-of week - week of the earliest order_date
    first_week = monday(A) - dt.timedelta(weeks=min(weeks_to_a, args.max_weeks - 1))
    first_month = max(first.replace(day=1), first_week.replace(day=1))
    has = {s: s in present for s in OPTIONAL_SOURCES}

    # ---------------------------------------------------------------- segments
    # Every view is computed by figures() on restricted copies of the used base tables, in a schema of
    # its own (filter-then-compute, S1-S9).  The views come first: the whole company's run below drops
    # base tables it has finished with.
    seg_dims = []
    for dim in dims:
        views = segment_views(con, dim, args.max_values)
        for view in views:
            schema = f"view_{dim['key']}_{view['vid']}"
            view_has = restrict(con, schema, dim, view, has)
            con.execute(f"SET search_path = '{schema},main'")
            r = figures(con, A, first_week, first_month, view_has, args, target, details=False)
            con.execute("SET search_path = 'main'")
            con.execute(f"DROP SCHEMA {schema} CASCADE")
            view.update({k: r[k] for k in ("weeks", "months", "campaigns", "comparisons")})
        con.execute(f"DROP TABLE segmap_{dim['key']}")
        # the values ordered by the as-of week's promo_fill_rate ascending, nulls after, ties by value
        # (code points), "Other" last; the as-of week is the last reported week
        def order(view):
            fr = view["weeks"][-1]["promo_fill_rate"] if view["weeks"] else None
            return (view["other"], fr is None, fr if fr is not None else 0.0, view["value"] or "")
        views.sort(key=order)
        seg_dims.append({"key": dim["key"], "label": dim["label"], "source": dim["source"],
                         "values": [{"value": v["value"], "label": v["label"], "other": v["other"],
                                     "weeks": period_rows(v["weeks"]), "months": period_rows(v["months"]),
                                     "campaigns": v["campaigns"], "comparisons": v["comparisons"]}
                                    for v in views]})

    # ---------------------------------------------------------------- the whole company
    fig = figures(con, A, first_week, first_month, has, args, target)
    doc = {
        "schema_version": 1,
        "as_of": A.isoformat(),
        "targets": {"promo_fill_rate": target},
        "sources": sources,
        "weeks": period_rows(fig["weeks"]),
        "months": period_rows(fig["months"]),
        "campaigns": fig["campaigns"],
        "campaign_skus": fig["campaign_skus"],
        "categories": fig["categories"],
        "comparisons": fig["comparisons"],
    }
    if dims:
        doc["segments"] = [{"key": d["key"], "label": d["label"], "values": len(d["values"])} for d in seg_dims]
    json.dump(doc, sys.stdout, indent=1, allow_nan=False)
    sys.stdout.write("\n")
    if args.segments_out:
        with open(args.segments_out, "w", encoding="utf-8") as fh:
            json.dump({"schema_version": 1, "as_of": A.isoformat(), "dimensions": seg_dims}, fh,
                      indent=1, allow_nan=False, ensure_ascii=False)
            fh.write("\n")

def figures(con, A, first_week, first_month, has, args, target, details=True):
    """The figures of docs/figures.md from the used base tables of the current schema (products, categories,
    campaigns, items, lines0, dlv, ret, fr, inv, fc, pol0, rcv): {weeks, months, campaigns, campaign_skus,
    categories, comparisons}; campaign_skus and categories only with details."""
    AQ = f"DATE '{A.isoformat()}'"
    has_po = has["purchase_orders"]
    has_rc = has["purchase_orders"] and has["receipts"]
    # the comparison ranges of the as-of week and month: not bounded by the report window
    comparison_labels, comparison_dates = comparison_ranges(A)
    # Stock at A (docs/figures.md): one date for the whole inventory, the latest snapshot_date <= A; a product
    # without a row on that date has 0 (absent from snap); no snapshot <= A -> every stock 0 (snap empty).
    con.execute("""
        CREATE TABLE snap AS
        SELECT sku, sum(qty_on_hand) AS stock FROM inv
        WHERE snapshot_date = (SELECT max(snapshot_date) FROM inv) GROUP BY sku""")
    # S of inbound_units: the snapshot date readiness uses; A when there is none (or no inventory source)
    S = con.execute("SELECT max(snapshot_date) FROM inv").fetchone()[0] or A
    SQ = f"DATE '{S.isoformat()}'"



    # completed(L): the earliest ship_date d (not after A) on which the running sum of L's deliveries
    # with ship_date <= d reaches qty_ordered - 1e-9; only lines with qty_ordered > 0.  Deliveries of
    # one day are summed first, so the running sum at d counts every delivery dated <= d.
    con.execute("""
        CREATE TABLE done AS
        SELECT lid, min(ship_date) AS completed
        FROM (SELECT d.lid, d.ship_date, l.qty,
                     sum(sum(d.qty_shipped)) OVER (PARTITION BY d.lid ORDER BY d.ship_date) AS cum
              FROM dlv d JOIN lines0 l USING (lid)
              GROUP BY d.lid, d.ship_date, l.qty)
        WHERE qty > 0 AND cum >= qty - 1e-9
        GROUP BY lid""")

    # (campaign, sku) pairs an item of the campaign matches (by sku, or by category)
    con.execute("""
        CREATE TABLE camp_sku AS
        SELECT i.campaign_id, i.sku FROM items i WHERE i.sku IS NOT NULL
        UNION
        SELECT i.campaign_id, p.sku FROM items i JOIN products p ON p.category = i.category
        WHERE i.category IS NOT NULL""")
    # (item, sku): the products each item matches
    con.execute("""
        CREATE TABLE item_match AS
        SELECT item_id, sku FROM items WHERE sku IS NOT NULL
        UNION ALL
        SELECT i.item_id, p.sku FROM items i JOIN products p ON p.category = i.category
        WHERE i.category IS NOT NULL""")
    # line promotional for campaign: equi-join on sku, then the date window
    con.execute("""
        CREATE TABLE lc AS
        SELECT l.lid, c.campaign_id
        FROM lines0 l JOIN camp_sku cs ON cs.sku = l.sku JOIN campaigns c ON c.campaign_id = cs.campaign_id
        WHERE l.order_date BETWEEN c.start_date AND c.end_date""")
    # lines with ots, shipped, promotional flag, completed(L) and lead_time(L) (days, no clamping);
    # short_d = (qty_ordered - ots) * unit_price in exact decimals (R7)
    con.execute("""
        CREATE TABLE lines AS
        SELECT l.* EXCLUDE (qty_d, price_d),
               least(l.qty, coalesce(s.on_time_shipped, 0)) AS ots,
               (l.qty_d - least(l.qty_d, coalesce(s.on_time_shipped_d, 0))) * l.price_d AS short_d,
               coalesce(s.shipped, 0) AS shipped,
               l.lid IN (SELECT lid FROM lc) AS promo,
               dn.completed,
               dn.completed - l.order_date AS lead_time
        FROM lines0 l
        LEFT JOIN (SELECT lid, sum(qty_shipped) AS shipped,
                          coalesce(sum(qty_shipped) FILTER (WHERE on_time), 0) AS on_time_shipped,
                          sum(qty_shipped_d) FILTER (WHERE on_time) AS on_time_shipped_d
                   FROM dlv GROUP BY lid) s USING (lid)
        LEFT JOIN done dn USING (lid)""")
    con.execute("DROP TABLE lines0")
    con.execute("DROP TABLE done")
    con.execute("CREATE TABLE promo_orders AS SELECT DISTINCT order_id FROM lines WHERE promo")

    # received(POL) as completed(L); rcv_due = received by the due date (for supplier_on_time_rate);
    # rcv_s = received by S (for inbound_units).
    con.execute(f"""
        CREATE TABLE pol AS
        SELECT l.*, dn.received, dn.received - l.order_date AS supplier_lead_time,
               coalesce(rs.rcv_due, 0) AS rcv_due, coalesce(rs.rcv_s, 0) AS rcv_s
        FROM pol0 l
        LEFT JOIN (SELECT pid, min(receipt_date) AS received
                   FROM (SELECT r.pid, r.receipt_date, l.qty,
                                sum(sum(r.qty_received)) OVER (PARTITION BY r.pid ORDER BY r.receipt_date) AS cum
                         FROM rcv r JOIN pol0 l USING (pid)
                         GROUP BY r.pid, r.receipt_date, l.qty)
                   WHERE qty > 0 AND cum >= qty - 1e-9
                   GROUP BY pid) dn USING (pid)
        LEFT JOIN (SELECT r.pid,
                          sum(r.qty_received) FILTER (WHERE r.receipt_date <= l.due_date) AS rcv_due,
                          sum(r.qty_received) FILTER (WHERE r.receipt_date <= {SQ}) AS rcv_s
                   FROM rcv r JOIN pol0 l USING (pid) GROUP BY r.pid) rs USING (pid)""")
    con.execute("DROP TABLE pol0")

    # ---------------------------------------------------------------- periods
    # promoted categories: categories of the products each item matches
    con.execute("""
        CREATE TABLE item_cats AS
        SELECT DISTINCT i.campaign_id, coalesce(i.category, p.category) AS category
        FROM items i LEFT JOIN products p ON p.sku = i.sku""")
    # Promotional SKU-weeks for the forecast split: (sku, Monday w) is promotional when an item of a
    # campaign matches the sku and the campaign overlaps w up to A.  Only the pairs the forecast
    # figures use are looked at (a forecast row, or order lines, in a week whose Monday is <= A).
    con.execute(f"""
        CREATE TABLE fpairs AS
        WITH act AS (
            SELECT CAST(date_trunc('week', order_date) AS DATE) AS w, sku, sum(qty) AS a
            FROM lines GROUP BY ALL),
        fcs AS (SELECT week_start, sku, sum(forecast_units) AS forecast_units FROM fc GROUP BY ALL),
        pairs AS (
            SELECT coalesce(f.week_start, a.w) AS w, coalesce(f.sku, a.sku) AS sku,
                   coalesce(a.a, 0) AS a, coalesce(f.forecast_units, 0) AS f,
                   f.sku IS NOT NULL AS has_fc
            FROM fcs f FULL OUTER JOIN act a ON a.w = f.week_start AND a.sku = f.sku)
        SELECT x.w, x.sku, x.a, x.f, x.has_fc, p.list_price AS price,
               EXISTS (SELECT 1 FROM camp_sku cs JOIN campaigns c USING (campaign_id)
                       WHERE cs.sku = x.sku AND c.start_date <= least(x.w + 6, {AQ})
                         AND c.end_date >= x.w) AS promo
        FROM pairs x JOIN products p USING (sku)
        WHERE x.w <= {AQ}""")

    # Every period the figures are computed for, in one table: the reported weeks and months, and the
    # six comparison ranges (kind 'week.last_year', ...; labelled by their dates only).  P runs from pk to
    # pend (a week's or month's last day, possibly after A; a range's last day, never after A) and
    # days = days(P), from pk to min(pend, A).
    range_rows = ", ".join(f"({q(g + '.' + name)}, NULL, DATE '{s.isoformat()}', DATE '{e.isoformat()}')"
                           for (g, name), (s, e) in comparison_dates.items())
    con.execute(f"""
        CREATE TABLE periods AS
        WITH p AS (
            SELECT 'week' AS kind, printf('%04d-W%02d', isoyear(pk), week(pk)) AS period, pk, pk + 6 AS pend
            FROM (SELECT CAST(range AS DATE) AS pk
                  FROM range(TIMESTAMP '{first_week.isoformat()}',
                             CAST(date_trunc('week', {AQ}) AS TIMESTAMP) + INTERVAL 1 DAY, INTERVAL 7 DAY))
            UNION ALL
            SELECT 'month', strftime(pk, '%Y-%m'), pk, CAST(pk + INTERVAL 1 MONTH AS DATE) - 1
            FROM (SELECT CAST(range AS DATE) AS pk
                  FROM range(TIMESTAMP '{first_month.isoformat()}',
                             CAST(date_trunc('month', {AQ}) AS TIMESTAMP) + INTERVAL 1 DAY, INTERVAL 1 MONTH))
            UNION ALL
            SELECT * FROM (VALUES {range_rows}))
        SELECT row_number() OVER (ORDER BY kind, pk) AS pid, kind, period, pk, pend,
               least(pend, {AQ}) - pk + 1 AS days
        FROM p""")
    # Day -> period: one row (d, pid) for every day d of every period (a day lies in one week, one month
    # and at most the six ranges).  Every figure aggregates its rows by their date first, then joins that
    # date to pday (an equi-join) and sums again by period: "requested_date in P" is
    # requested_date = pday.d, and so on.  A fact after A never joins (every source is cut at A).
    con.execute("""
        CREATE TABLE pday AS
        SELECT pid, CAST(unnest(generate_series(CAST(pk AS TIMESTAMP), CAST(pend AS TIMESTAMP), INTERVAL 1 DAY))
                         AS DATE) AS d
        FROM periods""")
    first_day = con.execute("SELECT min(pk) FROM periods").fetchone()[0]
    # Promoted categories by day: category k is promoted on day d (first_day <= d <= A) when a campaign
    # running on d has an item matching a product of k.  The promoted categories of P (a campaign's window
    # overlaps P up to A: start_date <= min(P.end, A) and end_date >= P.start) are then the categories
    # promoted on some day of P: the campaign's days up to A, [start_date, min(end_date, A)], meet
    # [P.start, P.end] exactly when the window overlaps P up to A (P.start <= A for every period).
    con.execute(f"""
        CREATE TABLE promo_cat_day AS
        SELECT DISTINCT c.d, ic.category
        FROM (SELECT campaign_id,
                     CAST(unnest(generate_series(CAST(greatest(start_date, DATE '{first_day.isoformat()}') AS TIMESTAMP),
                                                 CAST(least(end_date, {AQ}) AS TIMESTAMP), INTERVAL 1 DAY)) AS DATE) AS d
              FROM campaigns) c
        JOIN item_cats ic USING (campaign_id)""")

    def pct(v, cond, num, den):
        """Nearest rank (docs/figures.md, "Percentiles", R4) from a histogram with running count `cum` and
        total `tot` over v ascending: the smallest v whose running count reaches ceil(tot * num / den)."""
        return f"min({v}) FILTER (WHERE {cond} AND cum >= (tot * {num} + {den} - 1) // {den})"

    sql = f"""
    WITH due AS (
        SELECT requested_date AS d, lid, sku, category, promo, qty, ots, price, short_d
        FROM lines WHERE requested_date <= {AQ}),
    fill AS (
        SELECT x.pid, sum(f.p_qty) AS p_qty, sum(f.p_ots) AS p_ots, sum(f.p_short) AS p_short,
               sum(f.o_qty) AS o_qty, sum(f.o_ots) AS o_ots
        FROM (SELECT d,
                     sum(qty) FILTER (WHERE promo) AS p_qty, sum(ots) FILTER (WHERE promo) AS p_ots,
                     sum((qty - ots) * price) FILTER (WHERE promo) AS p_short,
                     sum(qty) FILTER (WHERE NOT promo) AS o_qty, sum(ots) FILTER (WHERE NOT promo) AS o_ots
              FROM due GROUP BY d) f
        JOIN pday x USING (d) GROUP BY x.pid),
    camp AS (
        SELECT pid, count(*) AS measured,
               count(*) FILTER (WHERE c_qty > 0 AND c_ots / c_qty < {target!r}) AS below
        FROM (SELECT x.pid, c.campaign_id, sum(c.qty) AS c_qty, sum(c.ots) AS c_ots
              FROM (SELECT due.d, lc.campaign_id, sum(due.qty) AS qty, sum(due.ots) AS ots
                    FROM due JOIN lc USING (lid) GROUP BY ALL) c
              JOIN pday x USING (d) GROUP BY ALL)
        GROUP BY pid),
    promo_cat AS (
        SELECT DISTINCT x.pid, pc.category FROM promo_cat_day pc JOIN pday x USING (d)),
    cogs AS (
        SELECT x.pid, c.category, sum(c.cogs) AS cogs
        FROM (SELECT v.ship_date AS d, l.category, sum(v.qty_shipped * l.unit_cost) AS cogs
              FROM dlv v JOIN lines l USING (lid) GROUP BY ALL) c
        JOIN pday x USING (d) GROUP BY ALL),
    invv AS (
        SELECT x.pid, i.category, sum(i.val) AS val
        FROM (SELECT snapshot_date AS d, category, sum(qty_on_hand * unit_cost) AS val FROM inv GROUP BY ALL) i
        JOIN pday x USING (d) GROUP BY ALL),
    nsnap AS (
        SELECT x.pid, count(*) AS n
        FROM (SELECT DISTINCT snapshot_date AS d FROM inv) s JOIN pday x USING (d) GROUP BY x.pid),
    turns AS (
        SELECT p.pid,
               coalesce(sum(cg.cogs) FILTER (WHERE pc.category IS NOT NULL), 0) AS cogs_p,
               coalesce(sum(iv.val) FILTER (WHERE pc.category IS NOT NULL), 0) AS inv_p,
               coalesce(sum(cg.cogs) FILTER (WHERE pc.category IS NULL), 0) AS cogs_o,
               coalesce(sum(iv.val) FILTER (WHERE pc.category IS NULL), 0) AS inv_o
        FROM periods p CROSS JOIN categories k
        LEFT JOIN cogs cg ON cg.pid = p.pid AND cg.category = k.category
        LEFT JOIN invv iv ON iv.pid = p.pid AND iv.category = k.category
        LEFT JOIN promo_cat pc ON pc.pid = p.pid AND pc.category = k.category
        GROUP BY p.pid),
    frt AS (
        SELECT x.pid, sum(f.total) AS total, sum(f.em) AS em, sum(f.pem) AS pem
        FROM (SELECT ship_date AS d, sum(cost) AS total,
                     sum(cost) FILTER (WHERE emergency) AS em,
                     sum(cost) FILTER (WHERE emergency AND order_id IN (SELECT order_id FROM promo_orders)) AS pem
              FROM fr GROUP BY ALL) f
        JOIN pday x USING (d) GROUP BY x.pid),
    rq AS (
        SELECT x.pid, sum(r.r_all) AS r_all, sum(r.r_p) AS r_p, sum(r.r_o) AS r_o
        FROM (SELECT r.return_date AS d, sum(r.qty_returned) AS r_all,
                     sum(r.qty_returned) FILTER (WHERE l.promo) AS r_p,
                     sum(r.qty_returned) FILTER (WHERE NOT l.promo) AS r_o
              FROM ret r JOIN lines l USING (lid) GROUP BY ALL) r
        JOIN pday x USING (d) GROUP BY x.pid),
    sq AS (
        SELECT x.pid, sum(s.s_all) AS s_all, sum(s.s_p) AS s_p, sum(s.s_o) AS s_o
        FROM (SELECT v.ship_date AS d, sum(v.qty_shipped) AS s_all,
                     sum(v.qty_shipped) FILTER (WHERE l.promo) AS s_p,
                     sum(v.qty_shipped) FILTER (WHERE NOT l.promo) AS s_o
              FROM dlv v JOIN lines l USING (lid) GROUP BY ALL) s
        JOIN pday x USING (d) GROUP BY x.pid),
    -- forecast pairs: by the week's Monday w (w <= A already), so "whose Monday is in P"
    fa AS (
        SELECT x.pid, sum(f.num) AS num, sum(f.den) AS den, bool_or(f.has_fc) AS has_fc, sum(f.bias) AS bias,
               sum(f.p_num) AS p_num, sum(f.p_den) AS p_den, bool_or(f.p_has_fc) AS p_has_fc,
               sum(f.o_num) AS o_num, sum(f.o_den) AS o_den, bool_or(f.o_has_fc) AS o_has_fc
        FROM (SELECT w AS d,
                     sum(abs(a - f) * price) AS num, sum(a * price) AS den, bool_or(has_fc) AS has_fc,
                     sum((f - a) * price) AS bias,
                     sum(abs(a - f) * price) FILTER (WHERE promo) AS p_num,
                     sum(a * price) FILTER (WHERE promo) AS p_den,
                     coalesce(bool_or(has_fc) FILTER (WHERE promo), false) AS p_has_fc,
                     sum(abs(a - f) * price) FILTER (WHERE NOT promo) AS o_num,
                     sum(a * price) FILTER (WHERE NOT promo) AS o_den,
                     coalesce(bool_or(has_fc) FILTER (WHERE NOT promo), false) AS o_has_fc
              FROM fpairs GROUP BY w) f
        JOIN pday x USING (d) GROUP BY x.pid),
    -- lead times as a histogram (completed day, promotional, lead time) -> lines, percentiles by running count
    lt AS (
        SELECT pid,
               {pct('v', 'promo', 1, 2)} AS p_med, {pct('v', 'promo', 9, 10)} AS p_p90,
               {pct('v', 'NOT promo', 1, 2)} AS o_med, {pct('v', 'NOT promo', 9, 10)} AS o_p90
        FROM (SELECT *, sum(n) OVER (PARTITION BY pid, promo ORDER BY v) AS cum,
                        sum(n) OVER (PARTITION BY pid, promo) AS tot
              FROM (SELECT x.pid, h.promo, h.v, sum(h.n) AS n
                    FROM (SELECT completed AS d, promo, lead_time AS v, count(*) AS n
                          FROM lines WHERE completed IS NOT NULL GROUP BY ALL) h
                    JOIN pday x USING (d) GROUP BY ALL))
        GROUP BY pid),
    tsku AS (
        SELECT x.pid, t.sku, any_value(t.category) AS category, sum(t.qty) AS due_units,
               sum(t.ots) AS on_time_units, sum(t.short_d) AS short_d
        FROM (SELECT d, sku, any_value(category) AS category, sum(qty) AS qty, sum(ots) AS ots,
                     sum(short_d) AS short_d
              FROM due WHERE promo GROUP BY d, sku) t
        JOIN pday x USING (d) GROUP BY x.pid, t.sku),
    ts AS (
        SELECT pid, list({{'sku': sku, 'category': category, 'due_units': due_units,
                           'on_time_units': on_time_units, 'shortfall_value': CAST(short_d AS DOUBLE)}}
                         ORDER BY short_d DESC, sku) AS top
        FROM (SELECT *, row_number() OVER (PARTITION BY pid ORDER BY short_d DESC, sku) AS r
              FROM tsku WHERE short_d > 1e-9)
        WHERE r <= 10 GROUP BY pid),
    slt AS (
        SELECT pid, {pct('v', 'true', 1, 2)} AS med, {pct('v', 'true', 9, 10)} AS p90
        FROM (SELECT *, sum(n) OVER (PARTITION BY pid ORDER BY v) AS cum, sum(n) OVER (PARTITION BY pid) AS tot
              FROM (SELECT x.pid, h.v, sum(h.n) AS n
                    FROM (SELECT received AS d, supplier_lead_time AS v, count(*) AS n
                          FROM pol WHERE received IS NOT NULL GROUP BY ALL) h
                    JOIN pday x USING (d) GROUP BY ALL))
        GROUP BY pid),
    sot AS (
        SELECT x.pid, sum(s.on_time) AS on_time, sum(s.ordered) AS ordered
        FROM (SELECT due_date AS d, sum(least(qty, rcv_due)) AS on_time, sum(qty) AS ordered
              FROM pol WHERE due_date <= {AQ} GROUP BY ALL) s
        JOIN pday x USING (d) GROUP BY x.pid)
    SELECT p.kind, p.period, p.pk AS start, p.pend AS "end",
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
                AS forecast_accuracy,
           lt.p_med AS promo_lead_time_median,
           lt.p_p90 AS promo_lead_time_p90,
           lt.o_med AS other_lead_time_median,
           lt.o_p90 AS other_lead_time_p90,
           CASE WHEN {has['forecast']} AND fa.p_has_fc AND fa.p_den <> 0 THEN greatest(0, 1 - fa.p_num / fa.p_den) END
                AS promo_forecast_accuracy,
           CASE WHEN {has['forecast']} AND fa.o_has_fc AND fa.o_den <> 0 THEN greatest(0, 1 - fa.o_num / fa.o_den) END
                AS other_forecast_accuracy,
           CASE WHEN {has['forecast']} AND fa.has_fc AND fa.den <> 0 THEN fa.bias / fa.den END AS forecast_bias,
           ts.top AS top_shortfall,
           CASE WHEN {has_rc} THEN sl.med END AS supplier_lead_time_median,
           CASE WHEN {has_rc} THEN sl.p90 END AS supplier_lead_time_p90,
           CASE WHEN {has_rc} AND coalesce(so.ordered, 0) <> 0 THEN so.on_time / so.ordered END
                AS supplier_on_time_rate
    FROM periods p
    LEFT JOIN fill fl USING (pid) LEFT JOIN camp cm USING (pid) LEFT JOIN turns t USING (pid)
    LEFT JOIN nsnap ns USING (pid) LEFT JOIN frt ft USING (pid) LEFT JOIN rq r USING (pid)
    LEFT JOIN sq s USING (pid) LEFT JOIN fa USING (pid) LEFT JOIN lt USING (pid) LEFT JOIN ts USING (pid)
    LEFT JOIN slt sl USING (pid) LEFT JOIN sot so USING (pid)
    ORDER BY p.kind, p.pk"""
    out_periods = {}  # kind -> [period rows in date order]
    for r in rows(con, sql):
        r = {k: jsonable(v) for k, v in r.items()}
        r["top_shortfall"] = [{k: e[k] for k in TOP_SHORTFALL_KEYS} for e in (r["top_shortfall"] or [])]
        out_periods.setdefault(r.pop("kind"), []).append(r)
    comparisons = {}
    for g in ("week", "month"):
        comparisons[g] = {"period": comparison_labels[g]}
        for name in COMPARISON_RANGES:
            (r,) = out_periods[f"{g}.{name}"]
            comparisons[g][name] = {k: r[k] for k in ["start", "end"] + PERIOD_KEYS}

    # ---------------------------------------------------------------- campaigns
    sql = f"""
    WITH cl AS (SELECT lc.campaign_id, l.* FROM lc JOIN lines l USING (lid)),
    agg AS (
        SELECT campaign_id, sum(qty) AS ordered, sum(shipped) AS shipped,
               sum(qty) FILTER (WHERE requested_date <= {AQ}) AS due_qty,
               sum(ots) FILTER (WHERE requested_date <= {AQ}) AS due_ots,
               sum((qty - ots) * price) FILTER (WHERE requested_date <= {AQ}) AS short,
               list(lead_time) FILTER (WHERE completed IS NOT NULL) AS lts
        FROM cl GROUP BY campaign_id),
    planned AS (SELECT campaign_id, sum(planned_units) AS planned FROM items GROUP BY campaign_id),
    cret AS (SELECT lc.campaign_id, sum(r.qty_returned) AS returned FROM ret r JOIN lc USING (lid) GROUP BY ALL),
    cfr AS (
        SELECT o.campaign_id, sum(f.cost) AS em
        FROM (SELECT DISTINCT campaign_id, order_id FROM cl) o JOIN fr f ON f.order_id = o.order_id
        WHERE f.emergency GROUP BY ALL),
    item_stock AS (
        SELECT i.item_id, any_value(i.campaign_id) AS campaign_id, any_value(i.planned_units) AS planned,
               coalesce(sum(s.stock), 0) AS stock
        FROM items i LEFT JOIN item_match m USING (item_id) LEFT JOIN snap s ON s.sku = m.sku
        GROUP BY i.item_id),
    -- inbound_i: open quantity (qty_ordered - received by S, at least 0) of the used PO lines of the
    -- products item i matches, due before the campaign's start
    item_inbound AS (
        SELECT m.item_id, sum(greatest(0, p.qty - p.rcv_s)) AS inbound
        FROM item_match m JOIN items i USING (item_id) JOIN campaigns c USING (campaign_id)
        JOIN pol p ON p.sku = m.sku
        WHERE p.due_date < c.start_date
        GROUP BY m.item_id),
    ready AS (SELECT s.campaign_id, sum(least(s.stock, s.planned)) AS ready, sum(s.planned) AS planned,
                     sum(coalesce(ib.inbound, 0)) AS inbound,
                     sum(least(s.stock + coalesce(ib.inbound, 0), s.planned)) AS ready_in
              FROM item_stock s LEFT JOIN item_inbound ib USING (item_id) GROUP BY s.campaign_id),
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
                THEN rd.ready / rd.planned END AS readiness,
           nrank(a.lts, 1, 2) AS lead_time_median,
           nrank(a.lts, 9, 10) AS lead_time_p90,
           CASE WHEN c.status = 'upcoming' AND {has_po} THEN coalesce(rd.inbound, 0) END AS inbound_units,
           CASE WHEN c.status = 'upcoming' AND {has['inventory']} AND {has_po} AND coalesce(rd.planned, 0) <> 0
                THEN rd.ready_in / rd.planned END AS readiness_with_inbound
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

    campaign_skus, categories = [], []
    if details:
        # ---------------------------------------------------------------- campaign SKUs
        # One row per listed campaign C and sku with a line in lines(C) (such a campaign has started, so
        # it is listed).  Rows ordered by campaign as in "campaigns" (start date, then id), then
        # shortfall_value descending, then sku.
        sql = f"""
        WITH cl AS (SELECT lc.campaign_id, l.* FROM lc JOIN lines l USING (lid)),
        cs AS (
            SELECT campaign_id, sku, any_value(category) AS category, sum(qty) AS ordered_units,
                   coalesce(sum(qty) FILTER (WHERE requested_date <= {AQ}), 0) AS due_units,
                   coalesce(sum(ots) FILTER (WHERE requested_date <= {AQ}), 0) AS on_time_units,
                   coalesce(sum(short_d) FILTER (WHERE requested_date <= {AQ}), 0) AS short_d,
                   list(lead_time) FILTER (WHERE completed IS NOT NULL) AS lts
            FROM cl GROUP BY campaign_id, sku)
        SELECT cs.campaign_id, cs.sku, cs.category, cs.ordered_units, cs.due_units, cs.on_time_units,
               CASE WHEN cs.due_units <> 0 THEN cs.on_time_units / cs.due_units END AS fill_rate,
               CAST(cs.short_d AS DOUBLE) AS shortfall_value,
               nrank(cs.lts, 1, 2) AS lead_time_median,
               CASE WHEN {has['inventory']} THEN coalesce(s.stock, 0) END AS stock_on_hand
        FROM cs JOIN campaigns c USING (campaign_id) LEFT JOIN snap s USING (sku)
        WHERE c.start_date <= {AQ} + {int(args.horizon_days)}
        ORDER BY c.start_date, c.campaign_id, cs.short_d DESC, cs.sku"""
        campaign_skus = [{k: jsonable(r[k]) for k in CAMPAIGN_SKU_KEYS} for r in rows(con, sql)]

        # ---------------------------------------------------------------- categories
        # 13-week window: from the Monday twelve weeks before the as-of week's Monday to A, inclusive.
        win_start = monday(A) - dt.timedelta(weeks=12)
        WQ = f"DATE '{win_start.isoformat()}'"
        sql = f"""
        WITH clt AS (
            SELECT category, list(lead_time) AS l FROM lines
            WHERE completed BETWEEN {WQ} AND {AQ} GROUP BY category),
        cstock AS (SELECT p.category, sum(s.stock) AS stock FROM snap s JOIN products p USING (sku) GROUP BY ALL),
        cship AS (
            SELECT l.category, sum(d.qty_shipped) AS shipped
            FROM dlv d JOIN lines l USING (lid)
            WHERE d.ship_date BETWEEN {WQ} AND {AQ} GROUP BY ALL),
        cslt AS (
            SELECT category, list(supplier_lead_time) AS l FROM pol
            WHERE received BETWEEN {WQ} AND {AQ} GROUP BY category)
        SELECT k.category,
               nrank(clt.l, 1, 2) AS lead_time_median,
               CASE WHEN {has['inventory']} AND coalesce(cship.shipped, 0) <> 0
                    THEN coalesce(cstock.stock, 0) / (cship.shipped / 13) END AS weeks_of_cover,
               CASE WHEN {has_po} THEN nrank(cslt.l, 1, 2) END AS supplier_lead_time_median
        FROM categories k LEFT JOIN clt USING (category) LEFT JOIN cstock USING (category)
        LEFT JOIN cship USING (category) LEFT JOIN cslt USING (category)"""
        # "by name": code-point order of the category (sorted here, not by a database collation)
        categories = sorted(({k: jsonable(r[k]) for k in CATEGORY_KEYS} for r in rows(con, sql)),
                            key=lambda r: r["category"])
    return {"weeks": out_periods["week"], "months": out_periods["month"], "campaigns": campaigns,
            "campaign_skus": campaign_skus, "categories": categories, "comparisons": comparisons}


if __name__ == "__main__":
    main()
