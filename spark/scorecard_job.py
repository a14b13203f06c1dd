#!/usr/bin/env python3
"""The reduce stage of `scorecard build --engine spark` (spark/README.md).

    spark-submit [--master M] scorecard_job.py spec.json

Reads every source the spec lists, validates each row exactly as the built-in engine does (docs/inputs.md:
the same dialects, rejection reasons, check order, duplicate and reference rules, as-of rules), and writes the
aggregate folder of docs/aggregates.md into spec["output"] on the driver. Rows are parsed with Spark SQL
expressions (regular expressions, no per-row Python); only small tables (master data, per-day and per-key
sums, one row per file split) ever reach the driver, plus the rejected rows, which are streamed.

The CSV reader is the built-in engine's (Sources/Ingest/CSVReader.swift) re-expressed on Spark: files are
read as lines (split at LF, splittable), each line is a record unless some line of the file ends inside a
quoted field (or the file ends lines with a lone CR); such a file is re-assembled into records in file order.
Physical line numbers are exact: each file split counts its lines, and the driver adds them up.
"""
import json
import os
import shutil
import sys

SOURCES = ["products", "campaigns", "campaign_items", "orders", "deliveries", "returns", "freight", "inventory",
           "forecast", "purchase_orders", "receipts"]
REQUIRED_SOURCES = ["products", "campaigns", "campaign_items", "orders", "deliveries"]
REQUIRED = {
    "products": ["sku", "category", "unit_cost", "list_price"],
    "orders": ["order_id", "line_no", "order_date", "requested_date", "sku", "qty_ordered", "unit_price"],
    "deliveries": ["order_id", "line_no", "ship_date", "qty_shipped"],
    "campaigns": ["campaign_id", "name", "start_date", "end_date"],
    "campaign_items": ["campaign_id", "sku", "category", "planned_units"],
    "inventory": ["snapshot_date", "sku", "qty_on_hand"],
    "freight": ["shipment_id", "ship_date", "service_level", "cost"],
    "returns": ["order_id", "line_no", "return_date", "qty_returned"],
    "forecast": ["week_start", "sku", "forecast_units"],
    "purchase_orders": ["po_id", "line_no", "order_date", "due_date", "sku", "qty_ordered"],
    "receipts": ["po_id", "line_no", "receipt_date", "qty_received"],
}
OPTIONAL = {
    "products": ["description"], "deliveries": ["delivery_id"], "campaigns": ["channel", "budget"],
    "inventory": ["location"], "freight": ["order_id", "carrier"], "returns": ["return_id", "reason_code"],
    "purchase_orders": ["supplier"], "receipts": ["receipt_id"], "orders": [], "campaign_items": [], "forecast": [],
}
LIMIT = 1 << 20  # CSVReader.maxRecordBytes
LIMIT_TEXT = "1 MiB (%d bytes)" % LIMIT
MAX_QUOTED = 80  # Rejection.maxQuotedBytes
TOLERANCE = 1e-9  # CompletionDays.tolerance

# Rejection codes: (reason as written, how the detail is made).
R_EMPTY, R_NUM, R_DATE, R_NEG, R_END, R_MON, R_DUP, R_DUPLINE, R_DUPINV, R_DUPFC, R_SKU, R_LINE, R_POLINE, \
    R_CMP, R_CAT, R_BOTH, R_FIELDS, R_LONG = range(18)
REASON = {
    R_EMPTY: "empty required field", R_NUM: "number does not parse", R_DATE: "date does not parse",
    R_NEG: "negative quantity, price or cost", R_END: "end_date before start_date", R_MON: "week_start is not a Monday",
    R_DUP: "duplicate key", R_DUPLINE: "duplicate key", R_DUPINV: "duplicate key", R_DUPFC: "duplicate key",
    R_SKU: "sku not in products", R_LINE: "order line not in orders", R_POLINE: "PO line not in purchase_orders",
    R_CMP: "campaign_id not in campaigns", R_CAT: "category no product has", R_BOTH: "both or neither of sku and category",
    R_FIELDS: "wrong number of fields", R_LONG: "row too long",
}

# The tables of docs/aggregates.md: header, and the kind of each column (i whole number, d date, s text,
# c campaign, n number).
TABLES = [
    ("lines", ["view", "day", "category", "promotional", "due_units", "on_time_units", "shortfall_value", "shipped_units",
               "cogs", "returned_units"], "idsinnnnnn"),
    ("sku_due", ["view", "day", "sku", "campaign_set", "due_units", "on_time_units", "shortfall_value"], "idsinnn"),
    ("freight", ["view", "day", "cost", "emergency_cost", "promo_emergency_cost"], "idnnn"),
    ("inventory", ["view", "day", "category", "rows", "qty_on_hand", "value"], "idsinn"),
    ("stock", ["view", "sku", "qty_on_hand"], "isn"),
    ("forecast", ["view", "week", "promotional", "error", "weight", "signed_error", "pairs_with_forecast"], "idinnni"),
    ("lead_times", ["view", "day", "category", "promotional", "days", "lines"], "idsiii"),
    ("campaign_skus", ["view", "campaign_id", "sku", "ordered_units", "due_units", "on_time_units", "shortfall_value",
                       "shipped_units", "returned_units"], "icsnnnnnn"),
    ("campaign_days", ["view", "campaign_id", "day", "ordered_units", "on_time_units"], "icdnn"),
    ("campaign_freight", ["view", "campaign_id", "emergency_cost"], "icn"),
    ("campaign_returns", ["view", "campaign_id", "reason", "returned_units"], "icin"),
    ("campaign_lead_times", ["view", "campaign_id", "sku", "days", "lines"], "icsii"),
    ("supplier_lead_times", ["view", "day", "category", "days", "lines"], "idsii"),
    ("supplier_on_time", ["view", "day", "on_time_units", "ordered_units"], "idnn"),
    ("inbound_open", ["view", "sku", "due_date", "open_units"], "isdn"),
]

# White space the reader trims around values: ASCII space, \t \n \v \f \r, and U+00A0.
WS_CHARS = "\t\n\x0b\x0c\r \xa0"
WS_CLASS = r"\t\n\x0B\f\r \u00A0"
TRIM_RE = r"^[" + WS_CLASS + r"]++|[" + WS_CLASS + r"]++\z"
# Unicode White_Space, for folding service levels like Swift's Character.isWhitespace.
UNICODE_WS = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
             "\u2028\u2029\u202f\u205f\u3000"

CP1252_UNDEFINED = [0x81, 0x8D, 0x8F, 0x90, 0x9D]

F = None  # pyspark.sql.functions, once Spark is imported


# ---------------------------------------------------------------------------------------------------------
# Small helpers (pure Python)

def civil(z):
    """Epoch day → (year, month, day) (Howard Hinnant's civil_from_days, as Day.civil)."""
    z += 719468
    era = (z if z >= 0 else z - 146096) // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (1 if m <= 2 else 0), m, d


def days_from_civil(y, m, d):
    y = y - 1 if m <= 2 else y
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    mp = (m + 9) % 12
    doy = (153 * mp + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def iso(z):
    y, m, d = civil(z)
    return "%04d-%02d-%02d" % (y, m, d)


def parse_iso(s):
    y, m, d = int(s[0:4]), int(s[5:7]), int(s[8:10])
    return days_from_civil(y, m, d)


def week_start(z):
    return z - (z + 3) % 7


def month_start(z):
    return z - (civil(z)[2] - 1)


def report_first_day(first_order, as_of, max_weeks):
    """ReportWindow.firstDay."""
    first = min(first_order if first_order is not None else as_of, as_of)
    earliest_allowed = week_start(as_of) - 7 * (max(1, max_weeks) - 1)
    first_week = max(week_start(first), earliest_allowed)
    first_month = max(month_start(first), month_start(first_week))
    return min(first_week, first_month)


def clipped(s, max_bytes=MAX_QUOTED):
    """String.clipped(toUTF8:): whole scalars up to max_bytes − 3, then "…"."""
    if len(s.encode("utf-8")) <= max_bytes:
        return s
    room = max(0, max_bytes - 3)
    out, used = [], 0
    for ch in s:
        w = len(ch.encode("utf-8", "surrogatepass"))
        if used + w > room:
            break
        used += w
        out.append(ch)
    return "".join(out) + "\u2026"


def trim(s):
    return s.strip(WS_CHARS)


def number(v):
    """A double as Swift's Double(String) reads it back exactly."""
    if v is None:
        return ""
    if isinstance(v, int):
        return str(v)
    if v == int(v) and abs(v) < 1e15:
        return str(int(v))
    return repr(float(v))


def csv_field(s):
    s = "" if s is None else str(s)
    if any(c in s for c in ',"\r\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


class Table:
    """One CSV file of the aggregate folder (AggregateTable): RFC 4180, LF line ends."""

    def __init__(self, directory, name, header):
        self.fh = open(os.path.join(directory, name), "w", encoding="utf-8", newline="")
        self.fh.write(",".join(header) + "\n")

    def row(self, fields):
        self.fh.write(",".join(csv_field(f) for f in fields) + "\n")

    def close(self):
        self.fh.close()


def write_table(directory, name, header, rows):
    t = Table(directory, name, header)
    for r in rows:
        t.row(r)
    t.close()


def java_char(c):
    """A character for a Java regular expression, inside or outside a class."""
    return "\\x%02X" % ord(c) if ord(c) < 128 else "\\u%04X" % ord(c)


def fold_level(s):
    """EmergencyLevels.fold: trimmed of white space, upper-cased."""
    return s.strip(UNICODE_WS).upper()


# ---------------------------------------------------------------------------------------------------------
# The CSV dialect: the first record of a text (for headers, on the driver), and the same rules as Spark SQL.

def first_record(text, delim):
    """Tokenizes like CSVReader: the fields of the first non-empty record of `text`, the index just past it,
    and whether it was complete (`None` when a quoted field runs past the end of `text`)."""
    n = len(text)
    i = 0
    while i <= n:
        if i == n:
            return None
        fields = []
        while True:
            j = i
            while j < n and (text[j] == " " or (text[j] == "\t" and delim != "\t")):
                j += 1
            quoted = False
            if j < n and text[j] == '"':
                quoted = True
                j += 1
                while True:
                    while j < n and text[j] != '"':
                        j += 1
                    if j >= n:
                        return None
                    if j + 1 < n and text[j + 1] == '"':
                        j += 2
                        continue
                    j += 1
                    break
            start = i
            end_record = None
            while j < n:
                c = text[j]
                if c == delim:
                    fields.append((text[start:j], quoted))
                    i = j + 1
                    break
                if c == "\n":
                    end_record = j + 1
                    break
                if c == "\r":
                    end_record = j + 2 if j + 1 < n and text[j + 1] == "\n" else j + 1
                    break
                j += 1
            else:
                end_record = n
            if end_record is not None:
                fields.append((text[start:j], quoted))
                i = end_record
                break
        values = [finish_field(raw, q) for raw, q in fields]
        if len(fields) == 1 and not fields[0][1] and values[0] == "":
            if i >= n:
                return None
            continue
        return values, i
    return None


def finish_field(raw, quoted):
    if quoted:
        s = raw.index('"')
        out = []
        r = s + 1
        inq = True
        while r < len(raw):
            c = raw[r]
            if inq and c == '"':
                if r + 1 < len(raw) and raw[r + 1] == '"':
                    out.append('"')
                    r += 2
                    continue
                inq = False
                r += 1
                continue
            out.append(c)
            r += 1
        raw = "".join(out)
    return trim(raw)


class Dialect:
    """The regular expressions of one source's CSV dialect."""

    def __init__(self, delim):
        self.delim = delim
        d = java_char(delim)
        self.d = d
        ls = "[ ]" if delim == "\t" else "[ \\t]"
        self.lead = ls
        q = '"[^"]*+(?:""[^"]*+)*+'
        # One field, after its delimiter: quoted (closed, then the rest unquoted; or open to the end) or unquoted.
        self.field_re = d + "(" + ls + "*+(?:" + q + '(?:"[^' + d + "]*+|\\z)|[^" + d + "]*+))"
        self.quoted_re = "^" + ls + '*+"'
        self.value_re = "^" + ls + '*+"([^"]*+(?:""[^"]*+)*+)"?([\\s\\S]*+)'
        self.open_re = "^" + ls + "*+" + q + "\\z"
        # A line that is no record: one field, empty once trimmed (a tab delimiter makes two fields; spaces
        # before a field are skipped even when the delimiter is a space).
        ws = "".join(c for c in ["\\t", "\\n", "\\x0B", "\\f", "\\r", " ", "\\u00A0"]
                     if not (c == "\\t" and delim == "\t"))
        self.empty_re = "^[" + ws + "]*+\\z"
        # Inside quotes at the start of a line: up to the closing quote, then the rest of that field.
        self.close_re = '^[^"]*+(?:""[^"]*+)*+"'
        self.close_rest_re = '^[^"]*+(?:""[^"]*+)*+"[^' + d + "]*+"

    def tokens(self, s):
        """The raw fields of record `s` (a string column)."""
        quoted = F.regexp_extract_all(F.concat(F.lit(self.delim), s), F.lit(self.field_re), 1)
        if self.delim == " ":
            return quoted
        return F.when(F.instr(s, '"') == 0, F.split(s, self.d, -1)).otherwise(quoted)

    def values(self, tokens):
        """Unquoted, unescaped and trimmed field values."""
        def one(t):
            inner = F.regexp_replace(F.regexp_extract(t, self.value_re, 1), '""', '"')
            rest = F.regexp_extract(t, self.value_re, 2)
            v = F.when(t.rlike(self.quoted_re), F.concat(inner, rest)).otherwise(t)
            return F.regexp_replace(v, TRIM_RE, "")
        return F.transform(tokens, one)

    def opens(self, s):
        """Whether record text `s`, read from a field start, ends inside a quoted field."""
        last = F.element_at(F.regexp_extract_all(F.concat(F.lit(self.delim), s), F.lit(self.field_re), 1), -1)
        return F.when(F.instr(s, '"') == 0, F.lit(False)).otherwise(F.coalesce(last.rlike(self.open_re), F.lit(False)))

    def opens_inside(self, s):
        """Whether line `s`, starting inside a quoted field, ends inside one."""
        rest = F.regexp_replace(s, self.close_rest_re, "")
        last = F.element_at(F.regexp_extract_all(rest, F.lit(self.field_re), 1), -1)
        return F.when(~s.rlike(self.close_re), F.lit(True)) \
            .when(rest == "", F.lit(False)) \
            .otherwise(F.coalesce(last.rlike(self.open_re), F.lit(False)))

    def empty(self, s):
        return s.rlike(self.empty_re)


def number_parser(decimal, thousands):
    """(ok, value) builders for NumberParser: digits, at most one decimal separator, an optional leading '-',
    digit groups only with `thousands` (first group 1–3 digits, then groups of exactly 3); no '+', no exponent."""
    dc = java_char(decimal)
    if thousands is None:
        intpart = "[0-9]*+"
        sep = None
    else:
        sep = "(?: |\\u00A0|\\u202F)" if thousands == " " else java_char(thousands)
        intpart = "(?:[0-9]{1,3}(?:" + sep + "[0-9]{3})++|[0-9]*+)"
    pattern = "^-?" + intpart + "(?:" + dc + "[0-9]*+)?\\z"

    def ok(c):
        return c.rlike(pattern) & c.rlike("[0-9]")

    def value(c):
        v = c
        if sep is not None:
            v = F.regexp_replace(v, sep, "")
        if decimal != ".":
            v = F.regexp_replace(v, dc, ".")
        return v.cast("double")
    return ok, value


MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]


def date_parser(pattern):
    """DatePattern as a regular expression: returns value(c) → epoch day or null."""
    tokens = []
    u = pattern
    i = 0
    while i < len(u):
        c = u[i]
        j = i
        while j < len(u) and u[j] == c:
            j += 1
        run = j - i
        if c == "y":
            tokens.append("y4" if run == 4 else "y2")
        elif c == "M":
            tokens.append("mn" if run == 3 else "m")
        elif c == "d":
            tokens.append("d")
        elif ("a" <= c <= "z") or ("A" <= c <= "Z") or c == "'":
            break
        else:
            tokens += [("lit", c)] * run
        i = j
    while tokens and tokens[-1] == ("lit", " "):
        tokens.pop()
    regex = "^"
    groups = {}
    g = 0
    for t in tokens:
        if t == "y4":
            regex += "([0-9]{4})"
        elif t == "y2":
            regex += "([0-9]{2})"
        elif t == "m":
            regex += "([0-9]{1,2}+)"
        elif t == "mn":
            regex += "([A-Za-z]*+)"
        elif t == "d":
            regex += "([0-9]{1,2}+)"
        else:
            regex += java_char(t[1])
            continue
        g += 1
        groups[t] = g
    regex += "(?:[ Tt][\\s\\S]*+)?\\z"

    def value(c):
        def grp(k):
            return F.regexp_extract(c, regex, groups[k])
        year = grp("y4").cast("int") if "y4" in groups else grp("y2").cast("int") + 2000
        if "mn" in groups:
            name = F.lower(grp("mn"))
            month = F.lit(None).cast("int")
            for k, full in enumerate(MONTHS):
                names = {full, full[:3]} | ({"sept"} if k == 8 else set())
                month = F.when(name.isin(sorted(names)), F.lit(k + 1)).otherwise(month)
        else:
            month = grp("m").cast("int")
        day = grp("d").cast("int")
        valid = c.rlike(regex) & month.between(1, 12) & (day >= 1) & \
            (day <= F.dayofmonth(F.last_day(F.make_date(year, month, F.lit(1)))))
        return F.when(valid, F.unix_date(F.make_date(year, month, day)))
    return value


# ---------------------------------------------------------------------------------------------------------
# The job

class Problem(Exception):
    pass


class Job:
    def __init__(self, spark, spec):
        self.spark = spark
        self.spec = spec
        self.out = spec["output"]
        self.problems = []  # (source, file, line, message)
        self.dims = spec.get("segments", {}).get("dimensions", []) or []
        self.max_values = int(spec.get("segments", {}).get("max_values", 50) or 50)
        self.max_weeks = int(spec.get("max_weeks") or spec.get("report", {}).get("max_weeks") or 260)
        self.emergency = set(fold_level(s) for s in spec.get("emergency_service_levels", []))
        self.sources = {}  # name → Source
        self.persisted = []

    # -- files

    def resolve(self):
        specs = self.spec.get("sources", {})
        for name in SOURCES:
            s = specs.get(name)
            if s is None:
                continue
            files = []
            if s.get("files"):
                files = [(f["path"], f["display"]) for f in s["files"]]
            elif s.get("patterns"):
                files = self.glob(s["patterns"], s.get("base", ""))
            if files:
                self.sources[name] = Source(self, name, s, files)
        for name in REQUIRED_SOURCES:
            if name not in self.sources:
                self.problems.append((name, name, "", "required source %s is missing" % name))
        if "receipts" in self.sources and "purchase_orders" not in self.sources:
            found = ", ".join(d for _, d in self.sources["receipts"].files)
            self.problems.append(("receipts", found, "", "receipts are given without purchase_orders: receipts only count "
                                  "against purchase-order lines, so add the purchase_orders export or remove receipts"))

    def glob(self, patterns, base):
        """The first pattern that matches any file gives the files, sorted by name; display relative to base."""
        jvm = self.spark._jvm
        conf = self.spark._jsc.hadoopConfiguration()
        for pattern in patterns:
            path = jvm.org.apache.hadoop.fs.Path(pattern)
            fs = path.getFileSystem(conf)
            statuses = fs.globStatus(path)
            if statuses is None:
                continue
            found = sorted(str(st.getPath().toString()) for st in statuses if st.isFile())
            if not found:
                continue
            prefix = base.rstrip("/") + "/"
            out = []
            for p in found:
                display = p
                for candidate in (prefix, str(fs.makeQualified(jvm.org.apache.hadoop.fs.Path(base)).toString()).rstrip("/") + "/"):
                    if p.startswith(candidate):
                        display = p[len(candidate):]
                        break
                out.append((p, display))
            return out
        return []

    def size_shuffles(self):
        """Unless spark.sql.shuffle.partitions is configured: about one shuffle partition per 64 MB of input, at
        least the default parallelism (Spark's 200 costs minutes of task overhead on small exports)."""
        sc = self.spark.sparkContext
        if sc.getConf().contains("spark.sql.shuffle.partitions"):
            return
        total = 0
        jvm = self.spark._jvm
        conf = self.spark._jsc.hadoopConfiguration()
        for s in self.sources.values():
            for path, _ in s.files:
                try:
                    p = jvm.org.apache.hadoop.fs.Path(path)
                    total += p.getFileSystem(conf).getFileStatus(p).getLen()
                except Exception:
                    total += 64 << 20
        n = max(sc.defaultParallelism, -(-total // (64 << 20)))
        self.spark.conf.set("spark.sql.shuffle.partitions", str(n))
        log("scorecard: %d MB of exports, %d shuffle partitions" % (total >> 20, n))

    def fail_if_problems(self):
        if self.problems:
            raise Problem()

    def write_problems(self):
        os.makedirs(self.out, exist_ok=True)
        write_table(self.out, "problems.csv", ["source", "file", "line", "message"],
                    [[s, f, "" if l is None else l, m] for s, f, l, m in self.problems])

    def persist(self, df):
        from pyspark import StorageLevel
        df = df.persist(StorageLevel.MEMORY_AND_DISK)
        self.persisted.append(df)
        return df

    def small(self, rows, schema):
        return F.broadcast(self.spark.createDataFrame(rows, schema))

    # -- the run

    def step(self, name):
        import time
        now = time.time()
        if getattr(self, "_t", None) is not None:
            log("scorecard: %s took %.1fs" % (self._step, now - self._t))
        self._t, self._step = now, name

    def run(self):
        self.step("resolve")
        self.resolve()
        self.size_shuffles()
        self.fail_if_problems()
        self.step("scan")
        Source.scan_all(self, [s for s in self.sources.values() if s.fmt == "csv"])
        for s in self.sources.values():
            if s.fmt != "csv":
                s.scan_parquet()
        self.fail_if_problems()
        self.step("records")
        for s in self.sources.values():
            s.build_records()
        for name in SOURCES:
            if name in self.sources:
                s = self.sources[name]
                for k in sorted(s.data_problems):
                    line, message = s.data_problems[k]
                    self.problems.append((name, s.files[k][1], line, message))
        self.fail_if_problems()

        self.step("products")
        self.read_products()
        self.step("campaigns")
        self.read_campaigns()
        self.step("items")
        self.read_items()
        self.campaign_index()
        self.step("orders")
        self.read_orders()
        self.fail_if_problems()
        self.step("views")
        self.resolve_views()
        self.step("deliveries")
        self.read_deliveries()
        self.step("returns")
        self.read_returns()
        self.step("freight")
        self.read_freight()
        self.step("inventory")
        self.read_inventory()
        self.step("forecast")
        self.read_forecast()
        self.step("inbound")
        self.read_inbound()
        self.step("tables")
        self.write()
        self.step("done")

    # -- master data

    def read_products(self):
        s = self.sources["products"]
        df = s.df
        ok_num = s.number
        checks = [s.empty_check("sku"), s.empty_check("category")] + ok_num("unit_cost") + ok_num("list_price")
        df = df.withColumn("rej0", s.chain(checks))
        df = s.duplicates(df, ["x_sku"], R_DUP, 0, [F.col("x_sku")])
        df = self.persist(df.withColumn("ign", F.lit(False)))
        s.finish(df)
        segcols = [c for c in s.columns if c.startswith("seg")]
        rows = df.where(F.col("rej").isNull()).select(
            "x_sku", "x_category", s.numval("unit_cost").alias("cost"), s.numval("list_price").alias("price"),
            "x_description", *["x_" + c for c in segcols], "fidx", "o1", "o2").orderBy("fidx", "o1", "o2").collect()
        self.products = []
        self.categories = []
        cat_index = {}
        for r in rows:
            if r["x_category"] not in cat_index:
                cat_index[r["x_category"]] = len(self.categories)
                self.categories.append(r["x_category"])
            self.products.append({"sku": r["x_sku"], "category": r["x_category"], "cat": cat_index[r["x_category"]],
                                  "cost": r["cost"], "price": r["price"],
                                  "description": r["x_description"] or None,
                                  "seg": {int(c[3:]): r["x_" + c] for c in segcols}})
        self.product_index = {p["sku"]: i for i, p in enumerate(self.products)}
        self.category_index = cat_index

    def read_campaigns(self):
        s = self.sources["campaigns"]
        df = s.df
        budget = s.number("budget")
        checks = [s.empty_check("campaign_id"), s.empty_check("name")] + s.date("start_date") + s.date("end_date") + \
            [((F.col("x_budget") != "") & cond, r) for cond, r in budget[1:]]
        end, start = s.dateval("end_date"), s.dateval("start_date")
        checks.append((end < start, s.rej(R_END, 3, n1=end, n2=start)))
        df = df.withColumn("rej0", s.chain(checks))
        df = s.duplicates(df, ["x_campaign_id"], R_DUP, 0, [F.col("x_campaign_id")])
        df = self.persist(df.withColumn("ign", F.lit(False)))
        s.finish(df)
        rows = df.where(F.col("rej").isNull()).select(
            "x_campaign_id", "x_name", start.alias("start"), end.alias("end"), "x_channel",
            F.when(F.col("x_budget") != "", s.numval("budget")).alias("budget"), "fidx", "o1", "o2") \
            .orderBy("fidx", "o1", "o2").collect()
        self.campaigns = [{"id": r["x_campaign_id"], "name": r["x_name"], "start": r["start"], "end": r["end"],
                           "channel": r["x_channel"] or None, "budget": r["budget"]} for r in rows]
        self.campaign_pos = {c["id"]: i for i, c in enumerate(self.campaigns)}

    def read_items(self):
        s = self.sources["campaign_items"]
        df = s.df
        camp = self.small([(c["id"],) for c in self.campaigns], "cid string")
        prods = self.small([(p["sku"],) for p in self.products], "psku string")
        cats = self.small([(c,) for c in self.categories], "pcat string")
        df = df.join(camp, df["x_campaign_id"] == camp["cid"], "left") \
            .join(prods, df["x_sku"] == prods["psku"], "left") \
            .join(cats, df["x_category"] == cats["pcat"], "left")
        sku_empty, cat_empty = F.col("x_sku") == "", F.col("x_category") == ""
        both = F.when(sku_empty, s.rej(R_BOTH, 1, a1=F.lit(None), a2=F.lit(None))) \
            .otherwise(s.rej(R_BOTH, 2, a1=F.col("x_sku"), a2=F.col("x_category")))
        checks = [s.empty_check("campaign_id"), (sku_empty == cat_empty, both)] + s.number("planned_units") + [
            (F.col("cid").isNull(), s.rej(R_CMP, 0, a1=F.col("x_campaign_id"))),
            (~sku_empty & F.col("psku").isNull(), s.rej(R_SKU, 1, a1=F.col("x_sku"))),
            (sku_empty & F.col("pcat").isNull(), s.rej(R_CAT, 2, a1=F.col("x_category"))),
        ]
        df = df.withColumn("rej", s.chain(checks)).withColumn("ign", F.lit(False))
        df = self.persist(df)
        s.finish(df)
        rows = df.where(F.col("rej").isNull()).select(
            "x_campaign_id", "x_sku", "x_category", s.numval("planned_units").alias("planned"), "fidx", "o1", "o2") \
            .orderBy("fidx", "o1", "o2").collect()
        self.items = []
        for r in rows:
            item = {"campaign": self.campaign_pos[r["x_campaign_id"]], "planned": r["planned"], "product": None,
                    "category": None}
            if r["x_sku"]:
                item["product"] = self.product_index[r["x_sku"]]
            else:
                item["category"] = self.category_index[r["x_category"]]
            self.items.append(item)

    def campaign_index(self):
        """CampaignIndex: per product, date segments with the interned set of campaigns running then."""
        self.set_ids = {(): 0}
        self.set_members = [()]

        def intern(members):
            if members not in self.set_ids:
                self.set_ids[members] = len(self.set_members)
                self.set_members.append(members)
            return self.set_ids[members]

        by_cat = {}
        for p, prod in enumerate(self.products):
            by_cat.setdefault(prod["cat"], []).append(p)
        matching = [[] for _ in self.products]
        for it in self.items:
            if it["product"] is not None:
                matching[it["product"]].append(it["campaign"])
            elif it["category"] is not None:
                for p in by_cat.get(it["category"], []):
                    matching[p].append(it["campaign"])
        segments = []  # (sku, from, to or None, set id)
        self.matches = []  # (sku, campaign start, campaign end): a campaign's item matches the product
        for p, cs in enumerate(matching):
            if not cs:
                continue
            cs = sorted(set(cs))
            sku = self.products[p]["sku"]
            for c in cs:
                self.matches.append((sku, self.campaigns[c]["start"], self.campaigns[c]["end"]))
            bounds = sorted({self.campaigns[c]["start"] for c in cs} | {self.campaigns[c]["end"] + 1 for c in cs})
            lst = []
            for b in bounds:
                active = tuple(c for c in cs if self.campaigns[c]["start"] <= b <= self.campaigns[c]["end"])
                sid = intern(active)
                if not lst or lst[-1][1] != sid:
                    lst.append((b, sid))
            for k, (b, sid) in enumerate(lst):
                if sid != 0:
                    segments.append((sku, b, lst[k + 1][0] if k + 1 < len(lst) else None, sid))
        self.segments_df = self.small(segments, "gsku string, gfrom int, gto int, gset int")
        self.members_map = F.create_map(*[x for sid, m in enumerate(self.set_members) if sid > 0
                                          for x in (F.lit(sid), F.array(*[F.lit(c) for c in m]))]) \
            if len(self.set_members) > 1 else None

    def members(self, set_col):
        """The campaign indices (array<int>) of a set id column."""
        if self.members_map is None:
            return F.array().cast("array<int>")
        return F.coalesce(F.element_at(self.members_map, set_col), F.array().cast("array<int>"))

    def products_df(self):
        rows = []
        for i, p in enumerate(self.products):
            rows.append((p["sku"], i, p["category"], float(p["cost"]), float(p["price"]),
                         [int(self.product_views[d][p["sku"]]) if d in self.product_views else -1 for d in range(len(self.dims))]))
        return self.small(rows, "psku string, pidx int, pcat string, pcost double, pprice double, pviews array<int>")

    # -- orders

    def read_orders(self):
        s = self.sources["orders"]
        prods = self.small([(p["sku"],) for p in self.products], "psku string")
        df = s.df.join(prods, s.df["x_sku"] == prods["psku"], "left")
        checks = [s.empty_check("order_id"), s.empty_check("line_no")] + s.date("order_date") + s.date("requested_date") + \
            [s.empty_check("sku")] + s.number("qty_ordered") + s.number("unit_price") + \
            [(F.col("psku").isNull(), s.rej(R_SKU, 4, a1=F.col("x_sku")))]
        df = df.withColumn("rej0", s.chain(checks)).withColumn("nline", norm_line(F.col("x_line_no")))
        df = s.duplicates(df, ["x_order_id", "nline"], R_DUPLINE, 0, [F.col("x_order_id"), F.col("x_line_no")])
        od = s.dateval("order_date")
        given = self.spec.get("as_of")
        self.as_of_given = given is not None
        if given is not None:
            self.as_of = parse_iso(given)
            df = df.withColumn("ign", F.col("rej").isNull() & (od > F.lit(self.as_of)))
        else:
            df = df.withColumn("ign", F.lit(False))
        segcols = [c for c in s.columns if c.startswith("seg")]
        df = df.select("fidx", "o1", "o2", "line", "rowtext", "rej", "ign", "x_order_id", "x_line_no", "nline", "x_sku",
                       od.alias("od"), s.dateval("requested_date").alias("rd"),
                       s.numval("qty_ordered").alias("q"), s.numval("unit_price").alias("price"),
                       *["x_" + c for c in segcols])
        df = self.persist(df)
        first, last = s.finish(df, "od", "order_date", latest=True)
        if not self.as_of_given:
            if last is None:
                self.problems.append(("orders", ", ".join(d for _, d in s.files), "",
                                      "orders has no usable row to take the as-of date from; set as_of or --as-of"))
                return
            self.as_of = -last["d"]
        self.first_order = first["d"] if first is not None else None
        self.first_day = report_first_day(self.first_order, self.as_of, self.max_weeks)
        self.as_of_row = s.location(last, "order_date") if not self.as_of_given else None
        if first is not None and first["d"] < self.first_day:
            n = df.where(F.col("rej").isNull() & ~F.col("ign") & (F.col("od") < F.lit(self.first_day))).count()
            s.early_rows = (n, first["d"], s.location(first, "order_date"))
        self.orders = df

    # -- segments

    def resolve_views(self):
        """SegmentViews.resolve: each dimension's values (ranked by revenue beyond max_values, the rest in Other),
        in config order; view 0 is the company."""
        self.views = [{"dim": None, "value": None, "other": False}]
        self.value_views = {}  # d → (value → view, other view or -1)
        self.product_views = {}  # d → sku → view
        used = self.orders.where(F.col("rej").isNull() & ~F.col("ign"))
        revenue_by_sku = None
        for d, dim in enumerate(self.dims):
            if dim["kind"] == "order":
                k = self.sources["orders"].segment_index(d)
                rows = used.groupBy(F.col("x_seg%d" % k).alias("v")).agg(F.sum(F.col("q") * F.col("price")).alias("r")).collect()
                revenue = {r["v"]: r["r"] or 0.0 for r in rows}
            else:
                if revenue_by_sku is None:
                    revenue_by_sku = {r["x_sku"]: r["r"] or 0.0 for r in
                                      used.groupBy("x_sku").agg(F.sum(F.col("q") * F.col("price")).alias("r")).collect()}
                k = self.sources["products"].segment_index(d)
                revenue = {}
                for p in self.products:
                    v = p["seg"][k]
                    revenue[v] = revenue.get(v, 0.0) + revenue_by_sku.get(p["sku"], 0.0)
            values = sorted(revenue, key=lambda v: v.encode("utf-8"))
            kept, other = values, False
            if len(values) > self.max_values:
                ranked = sorted(values, key=lambda v: (-revenue[v], v.encode("utf-8")))
                keep = set(ranked[:self.max_values - 1])
                kept = [v for v in values if v in keep]
                other = True
            mapping = {}
            for v in kept:
                mapping[v] = len(self.views)
                self.views.append({"dim": d, "value": v, "other": False})
            other_view = -1
            if other:
                other_view = len(self.views)
                self.views.append({"dim": d, "value": None, "other": True})
            self.value_views[d] = (mapping, other_view)
            if dim["kind"] == "product":
                k = self.sources["products"].segment_index(d)
                self.product_views[d] = {p["sku"]: mapping.get(p["seg"][k], other_view) for p in self.products}
        present = [s for s in SOURCES if s in self.sources and s not in REQUIRED_SOURCES]
        for v in self.views:
            p = list(present)
            if v["dim"] is not None and self.dims[v["dim"]]["kind"] == "order":
                cols = self.dims[v["dim"]]["columns"]
                p = [x for x in p if not (x in ("inventory", "forecast", "purchase_orders") and x not in cols)]
                if "purchase_orders" not in cols:
                    p = [x for x in p if x != "receipts"]
            v["present"] = p
            v["snapshot"] = None
        self.pdf = self.products_df()

    def value_view(self, d, col):
        """The view of a dimension value column: its own, else Other, else -1."""
        mapping, other = self.value_views[d]
        if not mapping:
            return F.lit(other)
        m = F.create_map(*[x for v, view in mapping.items() for x in (F.lit(v), F.lit(view))])
        return F.coalesce(F.element_at(m, col), F.lit(other))

    # -- order lines and their facts

    def lines(self):
        """The used order lines with product, campaign set and views."""
        if hasattr(self, "_lines"):
            return self._lines
        used = self.orders.where(F.col("rej").isNull() & ~F.col("ign"))
        s = self.sources["orders"]
        seg_cols = {}
        for d, dim in enumerate(self.dims):
            if dim["kind"] == "order":
                seg_cols[d] = "x_seg%d" % s.segment_index(d)
        used = used.join(self.pdf, used["x_sku"] == self.pdf["psku"], "inner")
        g = self.segments_df
        used = used.join(g, (used["x_sku"] == g["gsku"]) & (used["od"] >= g["gfrom"]) &
                         (g["gto"].isNull() | (used["od"] < g["gto"])), "left")
        used = used.withColumn("set", F.coalesce(F.col("gset"), F.lit(0)))
        views = [F.lit(0)]
        for d, dim in enumerate(self.dims):
            if dim["kind"] == "product":
                views.append(F.element_at(F.col("pviews"), d + 1))
            else:
                views.append(self.value_view(d, F.col(seg_cols[d])))
        used = used.withColumn("views", F.filter(F.array(*views), lambda v: v >= 0))
        used = used.select("fidx", "o1", "o2", "x_order_id", "nline", "x_sku", "pidx", "od", "rd", "q", "price", "set", "views",
                           F.col("pcat").alias("cat"), F.col("pcost").alias("cost"), F.col("pprice").alias("lprice"),
                           *sorted(set(seg_cols.values())))
        self._lines = used
        return used

    def read_deliveries(self):
        s = self.sources["deliveries"]
        known = self.orders.where(F.col("rej").isNull()).select(
            F.col("x_order_id").alias("k_oid"), F.col("nline").alias("k_line"), F.col("ign").alias("k_ign"))
        df = s.df.withColumn("nline", norm_line(F.col("x_line_no")))
        df = df.join(known, (df["x_order_id"] == known["k_oid"]) & (df["nline"] == known["k_line"]), "left")
        checks = [s.empty_check("order_id"), s.empty_check("line_no")] + s.date("ship_date") + s.number("qty_shipped") + \
            [(F.col("k_oid").isNull(), s.rej(R_LINE, 0, a1=F.col("x_order_id"), a2=F.col("x_line_no")))]
        ship = s.dateval("ship_date")
        df = df.withColumn("rej", s.chain(checks))
        df = df.withColumn("ign", F.col("rej").isNull() & (F.col("k_ign") | (ship > F.lit(self.as_of))))
        df = df.select("fidx", "o1", "o2", "line", "rowtext", "rej", "ign", F.col("x_order_id").alias("oid"), "nline",
                       ship.alias("day"), s.numval("qty_shipped").alias("qty"))
        df = self.persist(df)
        s.finish(df, "day", "ship_date")
        self.deliveries = df.where(F.col("rej").isNull() & ~F.col("ign"))

    def read_returns(self):
        self.returns = None
        if "returns" not in self.sources:
            return
        s = self.sources["returns"]
        known = self.orders.where(F.col("rej").isNull()).select(
            F.col("x_order_id").alias("k_oid"), F.col("nline").alias("k_line"), F.col("ign").alias("k_ign"))
        df = s.df.withColumn("nline", norm_line(F.col("x_line_no")))
        df = df.join(known, (df["x_order_id"] == known["k_oid"]) & (df["nline"] == known["k_line"]), "left")
        checks = [s.empty_check("order_id"), s.empty_check("line_no")] + s.date("return_date") + s.number("qty_returned") + \
            [(F.col("k_oid").isNull(), s.rej(R_LINE, 0, a1=F.col("x_order_id"), a2=F.col("x_line_no")))]
        day = s.dateval("return_date")
        df = df.withColumn("rej", s.chain(checks))
        df = df.withColumn("ign", F.col("rej").isNull() & (F.col("k_ign") | (day > F.lit(self.as_of))))
        df = df.select("fidx", "o1", "o2", "line", "rowtext", "rej", "ign", F.col("x_order_id").alias("oid"), "nline",
                       day.alias("day"), s.numval("qty_returned").alias("qty"), F.col("x_reason_code").alias("reason"))
        df = self.persist(df)
        s.finish(df, "day", "return_date")
        self.returns = df.where(F.col("rej").isNull() & ~F.col("ign"))

    def read_freight(self):
        self.freight = None
        if "freight" not in self.sources:
            return
        s = self.sources["freight"]
        checks = [s.empty_check("shipment_id")] + s.date("ship_date") + [s.empty_check("service_level")] + s.number("cost")
        ship = s.dateval("ship_date")
        df = s.df.withColumn("rej", s.chain(checks))
        df = df.withColumn("ign", F.col("rej").isNull() & (ship > F.lit(self.as_of)))
        df = df.select("fidx", "o1", "o2", "line", "rowtext", "rej", "ign", F.col("x_order_id").alias("oid"), ship.alias("day"),
                       F.col("x_service_level").alias("level"), s.numval("cost").alias("cost"))
        df = self.persist(df)
        s.finish(df, "day", "ship_date")
        used = df.where(F.col("rej").isNull() & ~F.col("ign"))
        levels = [r["level"] for r in used.select("level").distinct().collect()]
        emergency = sorted(l for l in levels if fold_level(l) in self.emergency)
        self.freight = used.withColumn("emergency", F.col("level").isin(emergency) if emergency else F.lit(False))

    def read_inventory(self):
        self.inventory = None
        if "inventory" not in self.sources:
            return
        s = self.sources["inventory"]
        prods = self.pdf
        df = s.df.join(prods, s.df["x_sku"] == prods["psku"], "left")
        checks = s.date("snapshot_date") + [s.empty_check("sku")] + s.number("qty_on_hand") + \
            [(F.col("psku").isNull(), s.rej(R_SKU, 1, a1=F.col("x_sku")))]
        day = s.dateval("snapshot_date")
        df = df.withColumn("rej0", s.chain(checks)).withColumn("day", day)
        df = s.duplicates(df, ["day", "x_sku", "x_location"], R_DUPINV, 1,
                          [F.col("x_sku"), F.col("x_location")], n1=F.col("day"))
        df = df.withColumn("ign", F.col("rej").isNull() & (F.col("day") > F.lit(self.as_of)))
        seg_cols = {d: "x_seg%d" % s.segment_index(d) for d, dim in enumerate(self.dims)
                    if dim["kind"] == "order" and "inventory" in dim["columns"]}
        df = df.withColumn("views", self.fact_views(seg_cols))
        df = df.select("fidx", "o1", "o2", "line", "rowtext", "rej", "ign", "day", F.col("x_sku").alias("sku"), "pidx",
                       s.numval("qty_on_hand").alias("qty"), F.col("pcat").alias("cat"), F.col("pcost").alias("cost"), "views")
        df = self.persist(df)
        s.finish(df, "day", "snapshot_date", earliest_of_valid=True)
        self.inventory = df.where(F.col("rej").isNull() & ~F.col("ign"))

    def fact_views(self, seg_cols):
        parts = [F.lit(0)]
        for d, dim in enumerate(self.dims):
            if dim["kind"] == "product":
                parts.append(F.element_at(F.col("pviews"), d + 1))
            elif d in seg_cols:
                parts.append(self.value_view(d, F.col(seg_cols[d])))
        return F.filter(F.array(*parts), lambda v: v >= 0)

    def read_forecast(self):
        self.forecast = None
        if "forecast" not in self.sources:
            return
        s = self.sources["forecast"]
        prods = self.pdf
        df = s.df.join(prods, s.df["x_sku"] == prods["psku"], "left")
        week = s.dateval("week_start")
        checks = s.date("week_start") + [s.empty_check("sku")] + s.number("forecast_units") + [
            (F.pmod(week + 3, 7) != 0, s.rej(R_MON, 0, n1=week)),
            (F.col("psku").isNull(), s.rej(R_SKU, 1, a1=F.col("x_sku")))]
        segs = [c for c in s.columns if c.startswith("seg")]
        df = df.withColumn("rej0", s.chain(checks)).withColumn("week", week)
        df = s.duplicates(df, ["week", "x_sku"] + ["x_" + c for c in segs], R_DUPFC, 0, [F.col("x_sku")],
                          n1=F.col("week"))
        df = df.withColumn("ign", F.lit(False))
        seg_cols = {d: "x_seg%d" % s.segment_index(d) for d, dim in enumerate(self.dims)
                    if dim["kind"] == "order" and "forecast" in dim["columns"]}
        df = df.withColumn("views", self.fact_views(seg_cols))
        df = df.select("fidx", "o1", "o2", "line", "rowtext", "rej", "ign", "week", F.col("x_sku").alias("sku"),
                       s.numval("forecast_units").alias("units"), F.col("pprice").alias("lprice"), "views",
                       *["x_" + c for c in segs])
        df = self.persist(df)
        s.finish(df, "week", "week_start")
        self.forecast = df.where(F.col("rej").isNull())
        self.forecast_split = {d for d, dim in enumerate(self.dims) if dim["kind"] == "order" and "forecast" in dim["columns"]}

    def read_inbound(self):
        self.po = None
        self.receipts = None
        if "purchase_orders" not in self.sources:
            return
        s = self.sources["purchase_orders"]
        prods = self.pdf
        df = s.df.join(prods, s.df["x_sku"] == prods["psku"], "left")
        checks = [s.empty_check("po_id"), s.empty_check("line_no")] + s.date("order_date") + s.date("due_date") + \
            [s.empty_check("sku")] + s.number("qty_ordered") + [(F.col("psku").isNull(), s.rej(R_SKU, 4, a1=F.col("x_sku")))]
        df = df.withColumn("rej0", s.chain(checks)).withColumn("nline", norm_line(F.col("x_line_no")))
        df = s.duplicates(df, ["x_po_id", "nline"], R_DUPLINE, 0, [F.col("x_po_id"), F.col("x_line_no")])
        od = s.dateval("order_date")
        df = df.withColumn("ign", F.col("rej").isNull() & (od > F.lit(self.as_of)))
        seg_cols = {d: "x_seg%d" % s.segment_index(d) for d, dim in enumerate(self.dims)
                    if dim["kind"] == "order" and "purchase_orders" in dim["columns"]}
        df = df.withColumn("views", self.fact_views(seg_cols))
        df = df.select("fidx", "o1", "o2", "line", "rowtext", "rej", "ign", F.col("x_po_id").alias("pid"), "nline", od.alias("od"),
                       s.dateval("due_date").alias("due"), F.col("x_sku").alias("sku"), s.numval("qty_ordered").alias("q"),
                       F.col("pcat").alias("cat"), "views")
        df = self.persist(df)
        s.finish(df, "od", "order_date", column=False)
        self.po = df.where(F.col("rej").isNull() & ~F.col("ign"))
        if "receipts" not in self.sources:
            return
        r = self.sources["receipts"]
        known = df.where(F.col("rej").isNull()).select(F.col("pid").alias("k_pid"), F.col("nline").alias("k_line"),
                                                       F.col("ign").alias("k_ign"))
        rd = r.df.withColumn("nline", norm_line(F.col("x_line_no")))
        rd = rd.join(known, (rd["x_po_id"] == known["k_pid"]) & (rd["nline"] == known["k_line"]), "left")
        checks = [r.empty_check("po_id"), r.empty_check("line_no")] + r.date("receipt_date") + r.number("qty_received") + \
            [(F.col("k_pid").isNull(), r.rej(R_POLINE, 0, a1=F.col("x_po_id"), a2=F.col("x_line_no")))]
        day = r.dateval("receipt_date")
        rd = rd.withColumn("rej", r.chain(checks))
        rd = rd.withColumn("ign", F.col("rej").isNull() & (F.col("k_ign") | (day > F.lit(self.as_of))))
        rd = rd.select("fidx", "o1", "o2", "line", "rowtext", "rej", "ign", F.col("x_po_id").alias("pid"), "nline", day.alias("day"),
                       r.numval("qty_received").alias("qty"))
        rd = self.persist(rd)
        r.finish(rd, "day", "receipt_date", column=False)
        self.receipts = rd.where(F.col("rej").isNull() & ~F.col("ign"))

    # -- the tables

    # -- the tables
    #
    # The built-in engine adds each record to its table rows as it arrives, and the finish stage sums the rows of
    # each table in the order they were first seen: so that every figure (and every rounded number on the pages)
    # is the same to the last bit, each row here sums its values in the built-in engine's order (`pos`: phase,
    # then the record's place in its file) and the rows are written in the order the built-in engine first saw
    # their keys. Phases: 1 deliveries, 2 returns, 3 freight, 4 inventory, 5 order lines (at the end), 6 freight
    # of the segment views, 7 forecast pairs, 8 purchase-order lines, 9 stock.

    def emit(self, name, contrib, keys, lanes=(), count=None):
        """Per (view, keys): each lane summed in `pos` order, optionally a count, and the first `pos`."""
        aggs = [F.min("pos").alias("first")]
        if lanes:
            aggs.append(F.array_sort(F.collect_list(F.struct("pos", *lanes))).alias("arr"))
        if count:
            aggs.append(F.count(F.lit(1)).alias(count))
        g = contrib.groupBy("view", *keys).agg(*aggs)
        cols = ["view"] + list(keys) + [ordered_sum("arr", l).alias(l) for l in lanes] + ([count] if count else [])
        self.wanted[name] = g.select("first", *cols)

    def write(self):
        out = self.out
        if os.path.exists(out):
            shutil.rmtree(out)
        os.makedirs(out)
        self.wanted = {}
        L = self.lines()

        # Per line: its deliveries in arrival order (file, line) for on-time quantities and completion days.
        dl = self.deliveries.select(F.col("oid").alias("d_oid"), F.col("nline").alias("d_line"),
                                    F.struct("fidx", "o1", "o2", "day", "qty").alias("e"))
        per_line = dl.groupBy("d_oid", "d_line").agg(F.collect_list("e").alias("ev"))
        L = L.join(per_line, (L["x_order_id"] == per_line["d_oid"]) & (L["nline"] == per_line["d_line"]), "left")
        ev = F.coalesce(F.col("ev"), F.array().cast(EVENTS))
        L = L.withColumn("ots", F.least(F.col("q"), arrival_sum(ev, F.col("rd"))))
        L = L.withColumn("done", completion(ev, F.col("q")))
        L = L.withColumn("promo", (F.col("set") != 0).cast("int"))
        L = L.withColumn("shortfall", F.when(F.col("set") != 0, (F.col("q") - F.col("ots")) * F.col("price")).otherwise(F.lit(0.0)))
        L = L.withColumn("due", F.col("rd") <= F.lit(self.as_of)).withColumn("lead", F.col("done") - F.col("od"))
        L = L.withColumn("pos", position(5, "fidx", "o1", "o2"))
        L = L.drop("ev", "d_oid", "d_line")
        L = self.persist(L)
        LV = L.select("*", F.explode("views").alias("view"))
        zero = F.lit(0.0)

        # Deliveries and returns with their line.
        lkey = L.select(F.col("x_order_id").alias("l_oid"), F.col("nline").alias("l_line"), "cat", "cost", "set", "views",
                        F.col("x_sku").alias("lsku"))
        d = self.deliveries
        DV = d.join(lkey, (d["oid"] == lkey["l_oid"]) & (d["nline"] == lkey["l_line"])) \
            .select(position(1, "fidx", "o1", "o2").alias("pos"), "day", "qty", "cat", "cost", "set", "lsku",
                    F.explode("views").alias("view"))
        DV = self.persist(DV)
        RV = None
        if self.returns is not None:
            r = self.returns
            RV = r.join(lkey, (r["oid"] == lkey["l_oid"]) & (r["nline"] == lkey["l_line"])) \
                .select(position(2, "fidx", "o1", "o2").alias("pos"), "fidx", "o1", "o2", "day", "qty", "reason", "cat", "set",
                        "lsku", F.explode("views").alias("view"))
            RV = self.persist(RV)

        def lanes(**given):
            return [given.get(k, zero).alias(k) for k in "abcdef"]
        promo_of = (F.col("set") != 0).cast("int").alias("promo")
        parts = [LV.where("due").select("view", "pos", F.col("rd").alias("day"), "cat", "promo",
                                        *lanes(a=F.col("q"), b=F.col("ots"), c=F.col("shortfall"))),
                 DV.select("view", "pos", "day", "cat", promo_of, *lanes(d=F.col("qty"), e=F.col("qty") * F.col("cost")))]
        if RV is not None:
            parts.append(RV.select("view", "pos", "day", "cat", promo_of, *lanes(f=F.col("qty"))))
        self.emit("lines", union(parts), ["day", "cat", "promo"], list("abcdef"))
        self.emit("sku_due", LV.where(F.col("due") & (F.col("set") != 0)), ["rd", "x_sku", "set"], ["q", "ots", "shortfall"])
        self.emit("lead_times", LV.where(F.col("done").isNotNull()), ["done", "cat", "promo", "lead"], count="n")

        # Campaigns: every line promotional for a campaign adds to the campaign's rows (members in index order).
        def each_member(df):
            m = df.select("*", F.explode(self.members(F.col("set"))).alias("cmp"))
            return m.withColumn("pos", F.struct(*[m["pos"][f].alias(f) for f in ("phase", "fidx", "o1", "o2")],
                                                F.col("cmp").alias("sub")))
        sku_of = F.when(F.col("view") == 0, F.col("sku")).otherwise(F.lit("")).alias("sku")
        promo = LV.where(F.col("set") != 0).withColumnRenamed("x_sku", "sku")
        due = F.col("due")
        parts = [each_member(promo).select("view", "pos", "cmp", sku_of, *lanes(
                     a=F.col("q"), b=F.when(due, F.col("q")).otherwise(zero), c=F.when(due, F.col("ots")).otherwise(zero),
                     d=F.when(due, F.col("shortfall")).otherwise(zero))),
                 each_member(DV.where(F.col("set") != 0).withColumnRenamed("lsku", "sku")).select(
                     "view", "pos", "cmp", sku_of, *lanes(e=F.col("qty")))]
        if RV is not None:
            parts.append(each_member(RV.where(F.col("set") != 0).withColumnRenamed("lsku", "sku")).select(
                "view", "pos", "cmp", sku_of, *lanes(f=F.col("qty"))))
        self.emit("campaign_skus", union(parts), ["cmp", "sku"], list("abcdef"))
        pm = each_member(promo)
        self.emit("campaign_days", pm, ["cmp", "od"], ["q", "ots"])
        self.emit("campaign_lead_times", pm.where(F.col("done").isNotNull()).select("view", "pos", "cmp", sku_of, "lead"),
                  ["cmp", "sku", "lead"], count="n")

        self.reason_codes = []
        if RV is not None:
            pr = RV.where((F.col("set") != 0) & (F.col("view") == 0) & F.col("reason").isNotNull() & (F.col("reason") != ""))
            firsts = pr.groupBy("reason").agg(F.min(F.struct("fidx", "o1", "o2")).alias("first")).collect()
            self.reason_codes = [x["reason"] for x in sorted(firsts, key=lambda x: tuple(x["first"]))]
            rid = F.lit(0)
            if self.reason_codes:
                rmap = F.create_map(*[x for i, c in enumerate(self.reason_codes) for x in (F.lit(c), F.lit(i + 1))])
                rid = F.coalesce(F.element_at(rmap, F.col("reason")), F.lit(0))
            cr = each_member(RV.where(F.col("set") != 0)).select("view", "pos", "cmp", rid.alias("rid"), "qty")
            self.emit("campaign_returns", cr, ["cmp", "rid"], ["qty"])

        self.freight_tables(L)
        self.inventory_tables()
        self.forecast_tables(L)
        self.inbound_tables()

        for name, header, kinds in TABLES:
            rows = []
            if name in self.wanted:
                collected = self.wanted[name].collect()
                collected.sort(key=lambda x: (x["view"], tuple(x["first"])))
                rows = [self.convert(list(x)[1:], kinds) for x in collected]
            write_table(out, name + ".csv", header, rows)
        self.write_master()

    def convert(self, r, kinds):
        out = []
        for v, k in zip(r, kinds):
            if k == "d":
                out.append(iso(v))
            elif k == "c":
                out.append(self.campaigns[v]["id"])
            elif k == "s":
                out.append(v)
            elif k == "i":
                out.append(str(int(v)))
            else:
                out.append(number(float(v)))
        return out

    def freight_tables(self, L):
        if self.freight is None:
            return
        f = self.freight
        # The union of the campaign sets of each used order's lines.
        used_orders = L.groupBy(F.col("x_order_id").alias("uo")).agg(
            F.array_sort(F.array_distinct(F.flatten(F.collect_list(self.members(F.col("set")))))).alias("m"))
        fj = f.join(used_orders, (f["oid"] != "") & (f["oid"] == used_orders["uo"]), "left") \
            .withColumn("m", F.coalesce(F.col("m"), F.array().cast("array<int>"))) \
            .withColumn("pos", position(3, "fidx", "o1", "o2"))
        fj = self.persist(fj)
        zero = F.lit(0.0)
        pe = F.col("emergency") & (F.size("m") > 0)
        company = fj.select(F.lit(0).alias("view"), "pos", "day", F.col("cost").alias("a"),
                            F.when(F.col("emergency"), F.col("cost")).otherwise(zero).alias("b"),
                            F.when(pe, F.col("cost")).otherwise(zero).alias("c"))
        cf = fj.where(pe).select(F.lit(0).alias("view"), "pos", "cost", F.explode("m").alias("cmp"))
        parts_f, parts_c = [company], [cf]
        if self.dims:
            # share(order, view): the value of its lines in the view over the value of all its lines (their count
            # when that is 0), each summed in line order; a row adds to the views of its order in view order.
            orders_with = fj.where(F.col("uo").isNotNull()).select(F.col("oid").alias("fo")).distinct()
            lines = L.join(orders_with, L["x_order_id"] == orders_with["fo"], "left_semi")
            value = F.col("q") * F.col("price")
            per_order = lines.groupBy(F.col("x_order_id").alias("po")).agg(
                F.array_sort(F.collect_list(F.struct("pos", value.alias("v")))).alias("arr"), F.count(F.lit(1)).alias("n")) \
                .select("po", ordered_sum("arr", "v").alias("r"), "n")
            per_view = lines.select("x_order_id", "pos", value.alias("v"), "set",
                                    F.explode(F.filter("views", lambda v: v > 0)).alias("view")) \
                .groupBy(F.col("x_order_id").alias("vo"), "view").agg(
                    F.array_sort(F.collect_list(F.struct("pos", "v"))).alias("arr"), F.count(F.lit(1)).alias("pn"),
                    F.array_sort(F.array_distinct(F.flatten(F.collect_list(self.members(F.col("set")))))).alias("pm")) \
                .select("vo", "view", ordered_sum("arr", "v").alias("pr"), "pn", "pm")
            shares = per_view.join(per_order, per_view["vo"] == per_order["po"]).withColumn(
                "share", F.when(F.col("r") != 0, F.col("pr") / F.col("r")).otherwise(F.col("pn").cast("double") / F.col("n")))
            fv = fj.where(F.col("uo").isNotNull()).select("oid", "day", "cost", "emergency", F.col("pos").alias("fpos")) \
                .join(shares, F.col("oid") == shares["vo"]) \
                .withColumn("vc", F.col("cost") * F.col("share")) \
                .withColumn("pos", position(6, F.col("fpos")["fidx"], F.col("fpos")["o1"], F.col("fpos")["o2"]))
            pev = F.col("emergency") & (F.size("pm") > 0)
            parts_f.append(fv.select("view", "pos", "day", F.col("vc").alias("a"),
                                     F.when(F.col("emergency"), F.col("vc")).otherwise(zero).alias("b"),
                                     F.when(pev, F.col("vc")).otherwise(zero).alias("c")))
            parts_c.append(fv.where(pev).select("view", "pos", F.col("vc").alias("cost"), F.explode("pm").alias("cmp")))
        self.emit("freight", union(parts_f), ["day"], ["a", "b", "c"])
        cf = union(parts_c)
        cf = cf.withColumn("pos", F.struct(*[cf["pos"][x].alias(x) for x in ("phase", "fidx", "o1", "o2")], F.col("cmp").alias("sub")))
        self.emit("campaign_freight", cf, ["cmp"], ["cost"])

    def inventory_tables(self):
        if self.inventory is None:
            return
        iv = self.inventory.select(position(4, "fidx", "o1", "o2").alias("pos"), "day", "sku", "pidx", "qty", "cat", "cost",
                                   F.explode("views").alias("view"))
        iv = self.persist(iv)
        self.emit("inventory", iv.withColumn("value", F.col("qty") * F.col("cost")), ["day", "cat"], ["qty", "value"], count="n")
        self.wanted["inventory"] = self.wanted["inventory"].select("first", "view", "day", "cat", "n", "qty", "value")
        latest = {x["view"]: x["s"] for x in iv.groupBy("view").agg(F.max("day").alias("s")).collect()}
        for v, view in enumerate(self.views):
            if "inventory" in view["present"]:
                view["snapshot"] = latest.get(v)
        if latest:
            sm = F.create_map(*[x for v, s in latest.items() for x in (F.lit(v), F.lit(s))])
            at = iv.where(F.col("day") == F.element_at(sm, F.col("view")))
            stock = at.groupBy("view", "sku", "pidx").agg(F.array_sort(F.collect_list(F.struct("pos", "qty"))).alias("arr")) \
                .select(position(9, F.lit(0), F.lit(0), F.col("pidx")).alias("first"), "view", "sku", ordered_sum("arr", "qty").alias("n")) \
                .where(F.col("n") != 0)
            self.wanted["stock"] = stock

    def forecast_tables(self, L):
        if self.forecast is None:
            return
        A = self.as_of
        fc = self.forecast
        wk = F.col("od") - F.pmod(F.col("od") + 3, 7)

        def actuals(lines, keys):
            return lines.groupBy(*keys).agg(F.array_sort(F.collect_list(F.struct("pos", "q"))).alias("arr")) \
                .select(*keys, ordered_sum("arr", "q").alias("a"))

        def forecasts(rows, keys):
            return rows.groupBy(*keys).agg(F.array_sort(F.collect_list(F.struct(position(0, "fidx", "o1", "o2").alias("pos"),
                                                                                "units"))).alias("arr")) \
                .select(*keys, ordered_sum("arr", "units").alias("f"))
        parts = []
        # The company's (sku, week) pairs; a product dimension's views take the pairs of their SKUs.
        actual = actuals(L.select(wk.alias("week"), F.col("x_sku").alias("sku"), "pos", "q"), ["week", "sku"])
        pairs = actual.join(forecasts(fc, ["week", "sku"]), ["week", "sku"], "full_outer").where(F.col("week") <= F.lit(A))
        pairs = pairs.join(self.pdf, pairs["sku"] == self.pdf["psku"])
        views = [F.lit(0)] + [F.element_at(F.col("pviews"), d + 1) for d, dim in enumerate(self.dims) if dim["kind"] == "product"]
        pairs = pairs.withColumn("view", F.explode(F.filter(F.array(*views), lambda v: v >= 0)))
        pairs = pairs.where((F.col("view") == 0) | F.col("view").isin(
            [v for v, view in enumerate(self.views) if "forecast" in view["present"]] or [-1]))
        parts.append(pairs.select("view", "week", "sku", "pidx", "a", "f", F.col("pprice").alias("lprice")))
        # The views of order dimensions that map the forecast: their own lines against their own rows.
        for d in sorted(self.forecast_split):
            seg = "x_seg%d" % self.sources["orders"].segment_index(d)
            lines_d = L.select(self.value_view(d, F.col(seg)).alias("view"), wk.alias("week"), F.col("x_sku").alias("sku"), "pos", "q") \
                .where(F.col("view") > 0)
            fseg = "x_seg%d" % self.sources["forecast"].segment_index(d)
            rows_d = fc.withColumn("view", self.value_view(d, F.col(fseg))).where(F.col("view") > 0)
            p_d = actuals(lines_d, ["view", "week", "sku"]).join(forecasts(rows_d, ["view", "week", "sku"]),
                                                                ["view", "week", "sku"], "full_outer").where(F.col("week") <= F.lit(A))
            p_d = p_d.join(self.pdf, p_d["sku"] == self.pdf["psku"])
            parts.append(p_d.select("view", "week", "sku", "pidx", "a", "f", F.col("pprice").alias("lprice")))
        allp = union(parts)
        m = self.small(self.matches, "msku string, mstart int, mend int")
        last = F.least(F.col("week") + 6, F.lit(A))
        promoted = allp.select("week", "sku").distinct().join(
            m, (F.col("sku") == m["msku"]) & (m["mstart"] <= last) & (m["mend"] >= F.col("week")), "left_semi") \
            .withColumn("pr", F.lit(1))
        allp = allp.join(promoted, ["week", "sku"], "left").withColumn("promo", F.coalesce(F.col("pr"), F.lit(0)))
        a = F.coalesce(F.col("a"), F.lit(0.0))
        f = F.coalesce(F.col("f"), F.lit(0.0))
        p = F.col("lprice")
        contrib = allp.select("view", "week", "promo", position(7, F.col("week"), F.lit(0), F.col("pidx")).alias("pos"),
                              (F.abs(a - f) * p).alias("e"), (a * p).alias("w"), ((f - a) * p).alias("s"),
                              F.col("f").isNotNull().cast("double").alias("h"))
        self.emit("forecast", contrib, ["week", "promo"], ["e", "w", "s", "h"])

    def inbound_tables(self):
        if self.po is None:
            return
        A = self.as_of
        po = self.po
        if self.receipts is not None:
            rc = self.receipts.select(F.col("pid").alias("r_pid"), F.col("nline").alias("r_line"),
                                      F.struct("fidx", "o1", "o2", "day", "qty").alias("e"))
            per = rc.groupBy("r_pid", "r_line").agg(F.collect_list("e").alias("ev"))
            po = po.join(per, (po["pid"] == per["r_pid"]) & (po["nline"] == per["r_line"]), "left")
            ev = F.coalesce(F.col("ev"), F.array().cast(EVENTS))
        else:
            ev = F.array().cast(EVENTS)
        po = po.withColumn("ev", ev).withColumn("bydue", arrival_sum(F.col("ev"), F.col("due"))) \
            .withColumn("rcv", completion(F.col("ev"), F.col("q"))).withColumn("pos", position(8, "fidx", "o1", "o2"))
        # Views that hold purchase orders, and each one's S: its latest snapshot, else A.
        keep = [v for v, view in enumerate(self.views) if "purchase_orders" in view["present"]]
        s_of = {v: (self.views[v]["snapshot"] if self.views[v]["snapshot"] is not None else A) for v in keep}
        pv = po.select("*", F.explode("views").alias("view")).where(F.col("view").isin(keep))
        smap = F.create_map(*[x for v, s in s_of.items() for x in (F.lit(v), F.lit(s))])
        pv = pv.withColumn("ats", arrival_sum(F.col("ev"), F.element_at(smap, F.col("view"))))
        pv = self.persist(pv.drop("ev"))
        self.emit("supplier_lead_times", pv.where(F.col("rcv").isNotNull()).withColumn("lt", F.col("rcv") - F.col("od")),
                  ["rcv", "cat", "lt"], count="n")
        self.emit("supplier_on_time", pv.where(F.col("due") <= F.lit(A)).withColumn("ot", F.least(F.col("q"), F.col("bydue"))),
                  ["due"], ["ot", "q"])
        self.emit("inbound_open", pv.withColumn("open", F.greatest(F.lit(0.0), F.col("q") - F.col("ats"))),
                  ["sku", "due"], ["open"])

    def write_master(self):
        out = self.out
        manifest = {"format": 1, "as_of": iso(self.as_of),
                    "present": [s for s in SOURCES if s in self.sources]}
        if self.first_order is not None:
            manifest["first_order"] = iso(self.first_order)
        if self.as_of_row is not None:
            manifest["as_of_row"] = self.as_of_row
        with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(manifest, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n")

        t = Table(out, "sources.csv", ["source", "file", "rows", "rejected", "ignored_after_as_of"])
        for name in SOURCES:
            if name in self.sources:
                s = self.sources[name]
                for k, (_, display) in enumerate(s.files):
                    rows, rej, ign = s.stats.get(k, (0, 0, 0))
                    t.row([name, display, rows, rej, ign])
        t.close()

        # Every rejected row, in source order, then file and row order, in one streamed job.
        t = Table(out, "rejections.csv", ["source", "file", "line", "column", "in_sheet", "field", "reason", "detail"])
        order = [n for n in SOURCES if n in self.sources and hasattr(self.sources[n], "rejected")]
        if order:
            rejected = union([self.sources[n].rejected.select(F.lit(i).alias("src"), "*") for i, n in enumerate(order)])
            for r in rejected.orderBy("src", "fidx", "o1", "o2").toLocalIterator():
                self.sources[order[r["src"]]].write_rejection(t, r)
        t.close()

        t = Table(out, "early_rows.csv", ["source", "rows", "earliest", "file", "line", "column", "in_sheet", "field"])
        for name in SOURCES:
            if name in self.sources and self.sources[name].early_rows is not None:
                count, earliest, loc = self.sources[name].early_rows
                t.row([name, count, iso(earliest), loc["file"], loc.get("line", ""), loc.get("column", ""), "", loc.get("field", "")])
        t.close()

        write_table(out, "products.csv", ["sku", "category", "unit_cost", "list_price", "description"],
                    [[p["sku"], p["category"], number(p["cost"]), number(p["price"]), p["description"] or ""] for p in self.products])
        write_table(out, "campaigns.csv", ["campaign_id", "name", "start_date", "end_date", "channel", "budget"],
                    [[c["id"], c["name"], iso(c["start"]), iso(c["end"]), c["channel"] or "", number(c["budget"])]
                     for c in self.campaigns])
        write_table(out, "campaign_items.csv", ["campaign_id", "sku", "category", "planned_units"],
                    [[self.campaigns[i["campaign"]]["id"],
                      self.products[i["product"]]["sku"] if i["product"] is not None else "",
                      self.categories[i["category"]] if i["category"] is not None else "", number(i["planned"])]
                     for i in self.items])
        write_table(out, "campaign_sets.csv", ["campaign_set", "campaign_id"],
                    [[sid, self.campaigns[c]["id"]] for sid, m in enumerate(self.set_members) if sid > 0 for c in m])
        write_table(out, "reason_codes.csv", ["reason", "reason_code"],
                    [[i + 1, c] for i, c in enumerate(self.reason_codes)])
        t = Table(out, "views.csv", ["view", "dimension", "value", "other", "present", "snapshot_date"])
        vp = Table(out, "view_products.csv", ["view", "sku"])
        for v, view in enumerate(self.views):
            dim = self.dims[view["dim"]]["key"] if view["dim"] is not None else ""
            snap = view["snapshot"] if "inventory" in view["present"] else None
            t.row([v, dim, view["value"] or "" if not view["other"] else "", "1" if view["other"] else "",
                   " ".join(view["present"]), iso(snap) if snap is not None else ""])
            if view["dim"] is not None and self.dims[view["dim"]]["kind"] == "product":
                for p in self.products:
                    if self.product_views[view["dim"]][p["sku"]] == v:
                        vp.row([v, p["sku"]])
        t.close()
        vp.close()


EVENTS = "array<struct<fidx:int,o1:bigint,o2:bigint,day:int,qty:double>>"


def position(phase, fidx, o1, o2, sub=0):
    """Where a record is in the built-in engine's order: its phase, then its place in its file."""
    def c(v):
        return F.col(v) if isinstance(v, str) else v
    return F.struct(F.lit(phase).alias("phase"), c(fidx).cast("int").alias("fidx"), c(o1).cast("bigint").alias("o1"),
                    c(o2).cast("bigint").alias("o2"), F.lit(sub).cast("int").alias("sub"))


def ordered_sum(arr, lane):
    """The sum of one lane of an array of structs sorted by position, added in that order from 0."""
    return F.aggregate(F.col(arr), F.lit(0.0), lambda acc, x: acc + x[lane])


def arrival_sum(events, bound):
    """Σ qty of the events (in arrival order: file, line) dated on or before `bound`."""
    return F.aggregate(F.array_sort(events), F.lit(0.0),
                       lambda acc, x: acc + F.when(x["day"] <= bound, x["qty"]).otherwise(F.lit(0.0)))


def completion(events, ordered):
    """CompletionDays: the first day (events by day, ties in arrival order) on which the running sum reaches the
    ordered quantity less 1e-9; null when it never does or nothing was ordered."""
    by_day = F.array_sort(F.transform(events, lambda x: F.struct(x["day"].alias("day"), x["fidx"].alias("fidx"),
                                                                  x["o1"].alias("o1"), x["o2"].alias("o2"), x["qty"].alias("qty"))))
    init = F.struct(F.lit(0.0).alias("cum"), F.lit(None).cast("int").alias("done"))
    return F.aggregate(by_day, init, lambda acc, x: F.when(acc["done"].isNotNull(), acc).otherwise(
        F.struct((acc["cum"] + x["qty"]).alias("cum"),
                 F.when((ordered > 0) & (acc["cum"] + x["qty"] >= ordered - F.lit(TOLERANCE)), x["day"])
                 .otherwise(F.lit(None).cast("int")).alias("done"))))["done"]


def log(msg):
    sys.stderr.write(msg + "\n")
    sys.stderr.flush()


def union(parts):
    out = parts[0]
    for p in parts[1:]:
        out = out.unionByName(p)
    return out


def norm_line(c):
    """A line_no of digits only (up to 18) is compared as a number."""
    return F.when(c.rlike("^[0-9]{1,18}\\z"), F.concat(F.lit("#"), c.cast("long").cast("string"))).otherwise(c)


class Source:
    """One source: its files, how they are read, and the rows it rejected."""

    def __init__(self, job, name, spec, files):
        self.job = job
        self.name = name
        self.spec = spec
        self.files = files
        self.fmt = spec.get("format", "csv")
        self.delim = spec.get("delimiter", ",")
        self.decimal = spec.get("decimal", ".")
        self.thousands = spec.get("thousands")
        self.date_format = spec.get("date_format", "yyyy-MM-dd")
        self.encoding = spec.get("encoding", "utf-8").lower()
        if self.encoding in ("utf8",):
            self.encoding = "utf-8"
        if self.encoding in ("cp1252", "win-1252"):
            self.encoding = "windows-1252"
        mapping = spec.get("columns", {})
        own = REQUIRED[name] + OPTIONAL[name]
        self.columns = list(own)
        self.headers = [mapping.get(c, c) for c in own]
        self.segments = []  # (dimension, header)
        for d, dim in enumerate(job.dims):
            if name in dim.get("columns", {}):
                self.segments.append((d, dim["columns"][name]))
        for k, (d, h) in enumerate(self.segments):
            self.columns.append("seg%d" % k)
            self.headers.append(h)
        self.canonical = own + ["segments.%s.%s" % (job.dims[d]["key"], name) for d, _ in self.segments]
        self.nreq = len(REQUIRED[name])
        self.stats = {}
        self.early_rows = None
        self.data_problems = {}  # file → (line, message): what stops the built-in reader in the rows of a file
        self.dialect = Dialect(self.delim)
        self.numparse = number_parser(self.decimal if self.fmt == "csv" else ".", self.thousands if self.fmt == "csv" else None)
        self.dateparse = date_parser(self.date_format if self.fmt == "csv" else "yyyy-MM-dd")

    def segment_index(self, d):
        for k, (dd, _) in enumerate(self.segments):
            if dd == d:
                return k
        raise KeyError(d)

    # -- reading

    def text_lines(self):
        """(fidx, blk, mid, value, text, bad) of every line of every file (LF-separated, CR kept)."""
        spark = self.job.spark
        parts = []
        for k, (path, _) in enumerate(self.files):
            df = spark.read.option("lineSep", "\n").text(escape_glob(path))
            parts.append(df.select(F.lit(k).alias("fidx"), F.input_file_block_start().alias("blk"),
                                   F.monotonically_increasing_id().alias("mid"), F.col("value")))
        lines = union(parts)
        if self.encoding == "windows-1252":
            latin = F.decode(F.col("value").cast("binary"), "ISO-8859-1")
            src = "".join(chr(b) for b in range(0x80, 0xA0) if b not in CP1252_UNDEFINED)
            dst = "".join(bytes([b]).decode("cp1252") for b in range(0x80, 0xA0) if b not in CP1252_UNDEFINED)
            text = F.translate(latin, src, dst)
            bad = latin.rlike("[" + "".join("\\u%04X" % b for b in CP1252_UNDEFINED) + "]")
            self.bom = "\u00ef\u00bb\u00bf"
        else:
            text = F.col("value")
            if int(spark.version.split(".")[0]) >= 4:
                bad = ~F.expr("is_valid_utf8(value)")
            else:
                # Spark 3.5 has no is_valid_utf8, and its decode() replaces malformed bytes (untested here).
                bad = F.expr("encode(decode(cast(value as binary), 'UTF-8'), 'UTF-8') != cast(value as binary)")
            self.bom = "\ufeff"
        return lines.select("fidx", "blk", "mid", text.alias("text"), bad.alias("bad"))

    @staticmethod
    def scan_all(job, sources):
        """One pass over every CSV file: per split its lines, where it starts, whether a line ends inside quotes or
        holds a lone CR, the first line that is not valid in the encoding, and the first non-empty line."""
        if not sources:
            return
        parts = []
        for i, s in enumerate(sources):
            s.lines = s.text_lines()
            d = s.dialect
            t = F.col("text")
            stripped = F.when(t.endswith("\r"), F.expr("substring(text, 1, length(text) - 1)")).otherwise(t)
            x = s.lines.withColumn("st", stripped)
            x = x.withColumn("sb", F.coalesce(F.when((F.col("blk") == 0) & F.col("st").startswith(s.bom),
                                                       F.substring(F.col("st"), len(s.bom) + 1, 1 << 30)), F.col("st")))
            opener = d.opens(F.col("sb")) | d.opens(F.col("st"))
            lone_cr = F.instr(F.col("st"), "\r") > 0
            nonempty = ~d.empty(F.col("sb"))
            x = x.groupBy("fidx", "blk").agg(
                F.count(F.lit(1)).alias("n"), F.min("mid").alias("first"),
                F.sum(opener.cast("int")).alias("opens"), F.sum(lone_cr.cast("int")).alias("crs"),
                F.min(F.when(F.col("bad") & (F.octet_length("st") <= LIMIT), F.col("mid"))).alias("bad"),
                F.min(F.when(nonempty, F.struct(F.col("mid"), F.col("sb"))) ).alias("head"))
            parts.append(x.select(F.lit(i).alias("src"), "*"))
        rows = union(parts).collect()
        for i, s in enumerate(sources):
            s.take_stats([r for r in rows if r["src"] == i])

    def take_stats(self, rows):
        log("scorecard: %s: %d splits, %d openers, %d lone CRs" % (self.name, len(rows), sum(r["opens"] for r in rows), sum(r["crs"] for r in rows)))
        by_file = {}
        for r in rows:
            by_file.setdefault(r["fidx"], []).append(r)
        self.splits = []  # (fidx, blk, first mid, line offset)
        self.slow = set()
        self.header_line = {}
        self.file_first_mid = {}
        self.header_map = {}
        for k, (path, display) in enumerate(self.files):
            splits = sorted(by_file.get(k, []), key=lambda r: r["blk"])
            offset = 0
            head = None
            bad = None
            for r in splits:
                self.splits.append((k, r["blk"], r["first"], offset))
                if r["blk"] == 0:
                    self.file_first_mid[k] = r["first"]
                if r["opens"] or r["crs"]:
                    self.slow.add(k)
                if bad is None and r["bad"] is not None:
                    bad = offset + (r["bad"] - r["first"])
                if head is None and r["head"] is not None:
                    head = (offset + (r["head"]["mid"] - r["first"]), r["head"]["sb"], r)
                offset += r["n"]
            if head is None:
                self.job.problems.append((self.name, display, 1, "%s file is empty: no header line" % self.name))
                continue
            hidx, htext, hsplit = head
            if bad is not None and bad <= hidx:
                self.job.problems.append((self.name, display, bad + 1, "%s file is not valid %s" % (self.name, self.encoding)))
                continue
            rec = first_record(htext, self.delim)
            if rec is None:
                rec = self.assemble_header(k, hsplit, htext)
            if rec is None:
                self.job.problems.append((self.name, display, hidx + 1,
                                          "%s file ends inside a quoted field that starts on this line" % self.name))
                continue
            fields, consumed = rec
            if len(htext[:consumed].rstrip("\r\n").encode("utf-8")) > LIMIT:
                self.job.problems.append((self.name, display, hidx + 1, "%s header line is longer than %s" % (self.name, LIMIT_TEXT)))
                continue
            self.header_line[k] = hidx
            if not self.map_header(k, display, fields, hidx + 1):
                continue
            if bad is not None:
                # Found while reading rows: reported with the other problems of the rows (the first of the file).
                self.data_problems[k] = (bad + 1, "%s file is not valid %s" % (self.name, self.encoding))

    def assemble_header(self, k, split, first_text):
        """A header whose quoted field holds line breaks: its following lines, in order."""
        rows = self.lines.where((F.col("fidx") == k) & (F.col("blk") == split["blk"]) &
                                (F.col("mid") >= split["head"]["mid"]) & (F.col("mid") < split["head"]["mid"] + 1000)) \
            .orderBy("mid").select("text").collect()
        text = first_text
        for r in rows[1:]:
            text = text + "\n" + r["text"]
            rec = first_record(text, self.delim)
            if rec is not None:
                return rec
        return None

    def map_header(self, k, display, found, line):
        """SourceScan.mapHeader: every canonical column among the header's fields."""
        index = []
        missing = []
        last_required = 0
        for c, header in enumerate(self.headers):
            i = found.index(header) if header in found else -1
            required = c < self.nreq
            if i < 0 and (required or self.columns[c].startswith("seg")):
                name = self.canonical[c]
                missing.append("'%s'" % name if header == name else "'%s' (header '%s')" % (name, header))
            if required:
                last_required = max(last_required, i)
            index.append(i)
        if missing:
            listed = ", ".join("'%s'" % clipped(h) for h in found[:40])
            if len(found) > 40:
                listed += " and %d more" % (len(found) - 40)
            self.job.problems.append((self.name, display, line, "%s lacks required column%s %s; headers found: %s" % (
                self.name, "s" if len(missing) > 1 else "", ", ".join(missing), listed)))
            return False
        self.header_map[k] = (index, len(found), last_required)
        return True

    def scan_parquet(self):
        """Parquet files: columns by name (trimmed), values as the text Spark gives them; row order per file."""
        spark = self.job.spark
        parts = []
        self.header_map = {}
        self.parquet_types = {}
        for k, (path, display) in enumerate(self.files):
            df = spark.read.parquet(escape_glob(path))
            names = [trim(n) for n in df.columns]
            if not self.map_header(k, display, names, None):
                continue
            self.parquet_types[k] = dict(zip(names, [f.dataType.typeName() for f in df.schema.fields]))
            cols = []
            index = self.header_map[k][0]
            for c, i in enumerate(index):
                if i < 0:
                    cols.append(F.lit("").alias("x_" + self.columns[c]))
                    cols.append(F.lit(None).cast("double").alias("n_" + self.columns[c]))
                    continue
                col = F.col("`%s`" % df.columns[i])
                typ = df.schema.fields[i].dataType.typeName()
                numeric = typ in ("integer", "long", "short", "byte", "float", "double") or typ.startswith("decimal")
                cols.append(F.regexp_replace(F.coalesce(col.cast("string"), F.lit("")), TRIM_RE, "").alias("x_" + self.columns[c]))
                cols.append((col.cast("double") if numeric else F.lit(None).cast("double")).alias("n_" + self.columns[c]))
            parts.append(df.select(F.lit(k).alias("fidx"), F.input_file_block_start().alias("o1"),
                                   F.monotonically_increasing_id().alias("o2"), *cols))
        self.parquet_parts = parts

    def build_records(self):
        if self.fmt != "csv":
            if not self.parquet_parts:
                return
            df = union(self.parquet_parts)
            row = F.concat_ws(",", *[F.col("x_" + c) for c in self.columns])
            self.df = df.withColumn("line", F.lit(None).cast("int")).withColumn("rowtext", F.substring(row, 1, 200)) \
                .withColumn("wrong", F.lit(False)).withColumn("toolong", F.lit(False)) \
                .withColumn("fc", F.lit(None).cast("int")).withColumn("hc", F.lit(None).cast("int"))
            return
        d = self.dialect
        job = self.job
        spl = job.small([(k, b, f, o) for k, b, f, o in self.splits], "sf int, sb bigint, sfirst bigint, soff bigint")
        lines = self.lines.join(spl, (self.lines["fidx"] == spl["sf"]) & (self.lines["blk"] == spl["sb"])) \
            .withColumn("idx", F.col("soff") + F.col("mid") - F.col("sfirst"))
        t = F.col("text")
        lines = lines.withColumn("text", F.when((F.col("idx") == 0) & t.startswith(self.bom),
                                                F.substring(t, len(self.bom) + 1, 1 << 30)).otherwise(t))
        good = [k for k in range(len(self.files)) if k in self.header_map]
        fast_files = [k for k in good if k not in self.slow]
        slow_files = [k for k in good if k in self.slow]
        parts = []
        if fast_files:
            x = lines.where(F.col("fidx").isin(fast_files))
            x = x.withColumn("rec", F.when(t.endswith("\r"), F.expr("substring(text, 1, length(text) - 1)")).otherwise(t))
            hl = F.element_at(F.array(*[F.lit(self.header_line.get(k, -1)) for k in range(len(self.files))]), F.col("fidx") + 1)
            x = x.where(~d.empty(F.col("rec")) & (F.col("idx") != hl))
            parts.append(x.select("fidx", (F.col("idx") + 1).cast("int").alias("line"), "rec"))
        if slow_files:
            parts.append(self.slow_records(lines.where(F.col("fidx").isin(slow_files))))
        if not parts:
            self.df = None
            return
        recs = union(parts)
        self.map_records(recs)

    def slow_records(self, lines):
        """Records of files whose quoted fields hold line breaks (or that end lines with a lone CR), in file order."""
        d = self.dialect
        t = F.col("text")
        cr_end = t.endswith("\r")
        body = F.when(cr_end, F.expr("substring(text, 1, length(text) - 1)")).otherwise(t)
        x = lines.select("fidx", "idx", cr_end.alias("crlf"), F.posexplode(F.split(body, "\r", -1)).alias("k", "sub"),
                         F.size(F.split(body, "\r", -1)).alias("nk"))
        x = x.withColumn("eol", F.when(F.col("k") < F.col("nk") - 1, F.lit("\r"))
                         .otherwise(F.when(F.col("crlf"), F.lit("\r\n")).otherwise(F.lit("\n"))))
        x = x.withColumn("fo", d.opens(F.col("sub"))).withColumn("fi", d.opens_inside(F.col("sub")))
        from pyspark.sql import Window
        w = Window.partitionBy("fidx").orderBy("idx", "k")
        before = w.rowsBetween(Window.unboundedPreceding, -1)
        is_t = F.col("fo") & ~F.col("fi")
        is_const = F.col("fo") == F.col("fi")
        x = x.withColumn("ct", F.coalesce(F.sum(is_t.cast("int")).over(before), F.lit(0)))
        x = x.withColumn("lc", F.last(F.when(is_const, F.struct(F.col("ct").alias("ct"), F.col("fo").alias("v"))), True).over(before))
        base = F.coalesce(F.col("lc")["v"], F.lit(False))
        flips = (F.col("ct") - F.coalesce(F.col("lc")["ct"], F.lit(0))) % 2 == 1
        x = x.withColumn("sin", base != flips)
        x = x.withColumn("ein", F.when(F.col("sin"), F.col("fi")).otherwise(F.col("fo")))
        inc = (F.col("eol") != "\r") | ~F.col("ein")
        x = x.withColumn("lno", F.coalesce(F.sum(inc.cast("int")).over(before), F.lit(0)) + 1)
        x = x.withColumn("rid", F.sum((~F.col("sin")).cast("int")).over(w.rowsBetween(Window.unboundedPreceding, 0)))
        g = x.groupBy("fidx", "rid").agg(
            F.min("lno").alias("line"),
            F.array_sort(F.collect_list(F.struct("idx", "k", "sub", "eol", "ein"))).alias("parts"))
        n = F.size("parts")
        rec = F.concat(F.array_join(F.transform(F.slice("parts", 1, F.greatest(n - 1, F.lit(0))),
                                                lambda p: F.concat(p["sub"], p["eol"])), ""), F.element_at("parts", -1)["sub"])
        g = g.select("fidx", "rid", "line", rec.alias("rec"), F.element_at("parts", -1)["ein"].alias("open"), n.alias("n"))
        g = g.withColumn("empty", (F.col("n") == 1) & ~F.col("open") & d.empty(F.col("rec")))
        g = self.job.persist(g)
        info = g.groupBy("fidx").agg(F.min(F.when(~F.col("empty"), F.col("rid"))).alias("hr"),
                                     F.min(F.when(F.col("open"), F.col("line"))).alias("open")).collect()
        for r in info:
            k = r["fidx"]
            if r["open"] is not None and (k not in self.data_problems or r["open"] < self.data_problems[k][0]):
                self.data_problems[k] = (r["open"], "%s file ends inside a quoted field that starts on this line" % self.name)
        head = {r["fidx"]: r["hr"] for r in info}
        hr = F.element_at(F.array(*[F.lit(head.get(k, -1)) for k in range(len(self.files))]), F.col("fidx") + 1)
        return g.where(~F.col("empty") & (F.col("rid") != hr)).select("fidx", F.col("line").cast("int"), "rec")

    def map_records(self, recs):
        """Fields by the file's header: the canonical columns, the field count check, the row length check."""
        d = self.dialect
        nfiles = len(self.files)

        def per_file(values):
            return F.element_at(F.array(*[F.lit(v) for v in values]), F.col("fidx") + 1)
        hc = per_file([self.header_map[k][1] if k in self.header_map else 0 for k in range(nfiles)])
        lr = per_file([self.header_map[k][2] if k in self.header_map else 0 for k in range(nfiles)])
        x = recs.withColumn("toolong", F.octet_length("rec") > LIMIT)
        x = x.withColumn("fields", F.when(~F.col("toolong"), d.values(d.tokens(F.col("rec")))))
        x = x.withColumn("fc", F.size("fields")).withColumn("hc", hc)
        extra_empty = F.forall(F.slice("fields", F.col("hc") + 1, F.greatest(F.col("fc") - F.col("hc"), F.lit(0))), lambda v: v == "")
        harmless = (F.col("fc") == F.col("hc")) | \
            ((F.col("fc") > F.col("hc")) & (F.col("fc") <= 2 * F.col("hc")) & extra_empty) | \
            ((F.col("fc") < F.col("hc")) & (F.col("fc") > lr))
        x = x.withColumn("wrong", ~F.col("toolong") & ~harmless)
        cols = []
        for c, name in enumerate(self.columns):
            idx = per_file([self.header_map[k][0][c] if k in self.header_map else -1 for k in range(nfiles)])
            cols.append(F.coalesce(F.get(F.col("fields"), idx), F.lit("")).alias("x_" + name))
            cols.append(F.lit(None).cast("double").alias("n_" + name))
        self.df = x.select("fidx", F.lit(0).cast("long").alias("o1"), F.col("line").cast("long").alias("o2"), "line",
                           "toolong", "wrong", "fc", "hc", F.lit(None).cast("string").alias("rowtext"), *cols)

    # -- validation

    def rej(self, code, c, a1=None, a2=None, n1=None, n2=None):
        def s(v):
            return (F.substring(v, 1, MAX_QUOTED + 1) if v is not None else F.lit(None)).cast("string")

        def i(v):
            return (v if v is not None else F.lit(None)).cast("bigint")
        return F.struct(F.lit(code).alias("code"), F.lit(c).alias("c"), s(a1).alias("a1"), s(a2).alias("a2"),
                        i(n1).alias("n1"), i(n2).alias("n2"))

    def col(self, name):
        return F.col("x_" + name)

    def idx(self, name):
        return self.columns.index(name)

    def empty_check(self, name):
        return (self.col(name) == "", self.rej(R_EMPTY, self.idx(name)))

    def number(self, name):
        c = self.col(name)
        ok, _ = self.numparse
        direct = F.col("n_" + name)
        k = self.idx(name)
        return [(c == "", self.rej(R_EMPTY, k)),
                (direct.isNull() & ~ok(c), self.rej(R_NUM, k, a1=c)),
                (self.numval(name) < 0, self.rej(R_NEG, k, a1=c))]

    def numval(self, name):
        _, value = self.numparse
        return F.coalesce(F.col("n_" + name), value(self.col(name)))

    def date(self, name):
        c = self.col(name)
        k = self.idx(name)
        return [(c == "", self.rej(R_EMPTY, k)), (self.dateval(name).isNull(), self.rej(R_DATE, k, a1=c))]

    def dateval(self, name):
        return self.dateparse(self.col(name))

    def chain(self, checks):
        """The first failing check names the rejection (a too long row, then a wrong field count, first)."""
        expr = F.when(F.col("toolong"), self.rej(R_LONG, -1)) \
            .when(F.col("wrong"), self.rej(R_FIELDS, -1, n1=F.col("fc"), n2=F.col("hc")))
        for cond, r in checks:
            expr = expr.when(cond, r)
        return expr

    def duplicates(self, df, key, code, c, args, n1=None):
        """The first row of a key in file order wins among the rows that passed every earlier check."""
        from pyspark.sql import Window
        w = Window.partitionBy(*[F.col(k) for k in key] + [F.col("rej0").isNull()]).orderBy("fidx", "o1", "o2")
        dup = F.col("rej0").isNull() & (F.row_number().over(w) > 1)
        r = self.rej(code, c, a1=args[0], a2=args[1] if len(args) > 1 else None, n1=n1)
        return df.withColumn("rej", F.when(dup, r).otherwise(F.col("rej0")))

    def finish(self, df, day=None, field=None, column=True, earliest_of_valid=False, latest=False):
        """One pass over the checked rows: rows read, rejected and ignored per file; with `day`, the used rows
        dated before the report window, and the first row (in file order) with the earliest date (of the used rows,
        or of every row that passed its checks) and, with `latest`, the first with the latest date."""
        used = F.col("rej").isNull() & ~F.col("ign")
        aggs = [F.count(F.lit(1)).alias("n"), F.count("rej").alias("r"),
                F.sum((F.col("rej").isNull() & F.col("ign")).cast("int")).alias("i")]
        if day is not None:
            pos = F.struct(F.col(day).alias("d"), "fidx", "o1", "o2", "line")
            first_day = getattr(self.job, "first_day", None)
            if first_day is not None:
                aggs.append(F.sum((used & (F.col(day) < F.lit(first_day))).cast("int")).alias("early"))
            aggs.append(F.min(F.when(F.col("rej").isNull() if earliest_of_valid else used, pos)).alias("first"))
            if latest:
                aggs.append(F.min(F.when(used, F.struct((-F.col(day)).alias("d"), "fidx", "o1", "o2", "line"))).alias("last"))
        rows = df.groupBy("fidx").agg(*aggs).collect()
        for r in rows:
            self.stats[r["fidx"]] = (r["n"], r["r"], r["i"] or 0)
        self.rejected = df.where(F.col("rej").isNotNull()).select("fidx", "o1", "o2", "line", "rej", "rowtext")
        if day is None:
            return None
        firsts = [r["first"] for r in rows if r["first"] is not None]
        first = min(firsts, key=lambda x: (x["d"], x["fidx"], x["o1"], x["o2"])) if firsts else None
        if getattr(self.job, "first_day", None) is not None:
            count = sum(r["early"] or 0 for r in rows)
            if count and first is not None:
                self.early_rows = (count, first["d"], self.location(first, field, column))
        if latest:
            lasts = [r["last"] for r in rows if r["last"] is not None]
            last = min(lasts, key=lambda x: (x["d"], x["fidx"], x["o1"], x["o2"])) if lasts else None
            return first, last
        return first

    def location(self, r, field, column=True):
        loc = {"file": self.files[r["fidx"]][1], "source": self.name, "field": field}
        if r["line"] is not None:
            loc["line"] = int(r["line"])
        k = self.idx(field)
        i = self.header_map[r["fidx"]][0][k]
        if column and i >= 0:
            loc["column"] = i + 1
        return loc

    def write_rejection(self, table, r):
        rej = r["rej"]
        code, c = rej["code"], rej["c"]
        field = self.canonical[c] if c >= 0 else ""
        column = ""
        if c >= 0 and r["fidx"] in self.header_map:
            i = self.header_map[r["fidx"]][0][c]
            column = i + 1 if i >= 0 else ""
        detail = self.detail(code, c, rej)
        line = r["line"]
        if line is None:
            detail += ' in row "%s"' % clipped(r["rowtext"] or "", 160)
        table.row([self.name, self.files[r["fidx"]][1], "" if line is None else line, column, "", field, REASON[code], detail])

    def detail(self, code, c, rej):
        q = lambda v: clipped(v or "")
        name = self.canonical[c] if c >= 0 else ""
        if code == R_EMPTY:
            return "%s is empty" % name
        if code in (R_NUM, R_DATE, R_NEG, R_DUP, R_SKU, R_CMP, R_CAT):
            return '%s "%s"' % (name, q(rej["a1"]))
        if code == R_END:
            return "end_date %s is before start_date %s" % (iso(rej["n1"]), iso(rej["n2"]))
        if code == R_MON:
            return "week_start %s is not a Monday" % iso(rej["n1"])
        if code == R_DUPLINE:
            key = "order_id" if self.name == "orders" else "po_id"
            return '%s "%s" line_no "%s" appears on an earlier row' % (key, q(rej["a1"]), q(rej["a2"]))
        if code == R_DUPINV:
            return 'snapshot_date %s sku "%s" location "%s" appears on an earlier row' % (iso(rej["n1"]), q(rej["a1"]), q(rej["a2"]))
        if code == R_DUPFC:
            values = " with the same segment values" if self.segments else ""
            return 'week_start %s sku "%s"%s appears on an earlier row' % (iso(rej["n1"]), q(rej["a1"]), values)
        if code == R_LINE:
            return 'order_id "%s" line_no "%s" is not in orders' % (q(rej["a1"]), q(rej["a2"]))
        if code == R_POLINE:
            return 'po_id "%s" line_no "%s" is not in purchase_orders' % (q(rej["a1"]), q(rej["a2"]))
        if code == R_BOTH:
            if rej["a1"] is None:
                return "sku and category are both empty"
            return 'sku "%s" and category "%s" are both set' % (q(rej["a1"]), q(rej["a2"]))
        if code == R_FIELDS:
            return "%d fields, the header has %d" % (rej["n1"], rej["n2"])
        if code == R_LONG:
            return "longer than %s, the most a row may hold; not read" % LIMIT_TEXT
        return REASON[code]




def escape_glob(path):
    """A path Spark would take as a glob, made literal."""
    out = []
    for ch in path:
        if ch in "*?[]{}\\":
            out.append("\\")
        out.append(ch)
    return "".join(out)


def main():
    global F
    if len(sys.argv) != 2:
        sys.exit("usage: scorecard_job.py spec.json")
    with open(sys.argv[1], encoding="utf-8") as fh:
        spec = json.load(fh)
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as functions
    F = functions
    spark = SparkSession.builder.appName("scorecard").getOrCreate()
    spark.conf.set("spark.sql.ansi.enabled", "false")
    spark.sparkContext.setLogLevel("WARN")
    job = Job(spark, spec)
    try:
        job.run()
    except Problem:
        job.write_problems()
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
