#!/usr/bin/env python3
"""axe-core (selenium-axe-python) over one page of every type of built scorecard sites, in headless Chromium
at desktop (1280 px) and phone (390 px) width. Rules: axe's WCAG 2.0, 2.1 and 2.2 A and AA rules and its best
practices, plus two checks of our own that axe does not make: every SVG <text> fill against the chart's white
background (4.5:1), and every table's scroll box a labelled, focusable region (it may scroll at widths between
the two checked). The digest's HTML part is checked with every rule but the page-level landmark rules
(see EMAIL_OFF). Prints each violation (site, page, width, rule, impact, target, help) or
"N pages × M widths, 0 violations" and exits 1 on any violation.

Usage: axe_check.py SITE_DIR [SITE_DIR ...]   (a site built by `scorecard build`)"""
import glob
import json
import os
import re
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium_axe_python import Axe

from digest_html import digest_html

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
WIDTHS = [1280, 390]
# An e-mail body is not a page: the mail client's page holds it and has the landmarks, and a <main> of ours
# inside a webmail page would be a second main landmark there. These two page-level rules are off for it.
EMAIL_OFF = ("region", "landmark-one-main")
HEIGHT = 900


def first(paths):
    paths = sorted(paths)
    return paths[0] if paths else None


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def pages(site, scratch):
    """(name, path) of one page of every type; a type the site lacks is an error, so coverage cannot shrink."""
    found, missing = [], []

    def add(name, path, off=()):
        if path and os.path.isfile(path):
            found.append((name, path, off))
        else:
            missing.append(name)

    add("index.html", os.path.join(site, "index.html"))
    add("week page", first(glob.glob(os.path.join(site, "weeks", "*", "index.html"))))
    # Months: the index links each month with its state; an archived one and the open one.
    months = read(os.path.join(site, "months", "index.html"))
    states = re.findall(r'<a href="([^"]+)">[^<]*</a></th><td data-label="State">([^<]*)</td>', months)
    archived = [h for h, s in states if "archived" in s.lower()]
    current = [h for h, s in states if "archived" not in s.lower()]
    month_dir = os.path.join(site, "months")
    add("month page, archived", os.path.normpath(os.path.join(month_dir, archived[0])) if archived else None)
    add("month page, open", os.path.normpath(os.path.join(month_dir, current[0])) if current else None)
    add("campaigns/index.html", os.path.join(site, "campaigns", "index.html"))
    by_status = {}
    for path in sorted(glob.glob(os.path.join(site, "campaigns", "*", "index.html"))):
        m = re.search(r'class="badge badge-([a-z]+)"', read(path))
        if m:
            by_status.setdefault(m.group(1), path)
    for status in ("active", "upcoming", "ended"):
        add(f"campaign page, {status}", by_status.get(status))
    add("categories/index.html", os.path.join(site, "categories", "index.html"))
    # Not a former folder's page, which only sends the browser on (meta refresh) to the category's page.
    add("category page", first([p for p in glob.glob(os.path.join(site, "categories", "*", "index.html"))
                                if 'http-equiv="refresh"' not in read(p)]))
    add("months/index.html", os.path.join(site, "months", "index.html"))
    add("data-quality/index.html", os.path.join(site, "data-quality", "index.html"))
    add("definitions/index.html", os.path.join(site, "definitions", "index.html"))
    add("segments/index.html", os.path.join(site, "segments", "index.html"))
    add("segment dimension page", first(glob.glob(os.path.join(site, "segments", "*", "index.html"))))
    add("segment value page", first(glob.glob(os.path.join(site, "segments", "*", "*", "index.html"))))
    add("digest (HTML part)", digest_html(site, os.path.join(scratch, os.path.basename(site) + "-digest.html")), EMAIL_OFF)
    return found, missing


# A text's fill is on the <text> or on the <g> of text around it.
SVG_TEXT = re.compile(r"<(?:text|g)\b[^>]*\bfill=\"(#[0-9a-fA-F]{6})\"")


def luminance(hex_colour):
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def svg_text_contrast(path):
    """SVG text is drawn on the charts' white background; axe does not measure it (it cannot tell the
    background behind SVG text and leaves it "to review")."""
    problems = []
    for colour in sorted(set(SVG_TEXT.findall(read(path)))):
        ratio = (1.0 + 0.05) / (luminance(colour) + 0.05)
        if ratio < 4.5:
            problems.append({"id": "svg-text-contrast", "impact": "serious",
                             "help": f"SVG text fill {colour} has contrast {ratio:.2f}:1 on white (needs 4.5:1)",
                             "nodes": [{"target": [f"svg text[fill='{colour}']"]}]})
    return problems


SCROLL = re.compile(r'<div class="scroll"(?![^>]*tabindex="0" role="region" aria-labelledby="[^"]+")[^>]*>')


def scroll_regions(path):
    """axe flags a scroll box without keyboard access only at a width where it overflows; tables overflow at
    widths between the two checked here (about 640 to 1000 px), so every table's scroll box must be a
    labelled, focusable region at any width."""
    found = SCROLL.findall(read(path))
    return [{"id": "scroll-region-any-width", "impact": "serious",
             "help": "a table's scroll box needs tabindex=\"0\", role=\"region\" and aria-labelledby (its caption)",
             "nodes": [{"target": [tag]}]} for tag in found]


def static_checks(path):
    return svg_text_contrast(path) + scroll_regions(path)


def main(sites):
    options = Options()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--allow-file-access-from-files", "--force-device-scale-factor=1", "--hide-scrollbars"):
        options.add_argument(arg)
    service = Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_script_timeout(120)
    violations, checked, missing_types = 0, 0, []
    version = None
    try:
        with tempfile.TemporaryDirectory() as scratch:
            for site in sites:
                found, missing = pages(site, scratch)
                missing_types += [f"{site}: no {name}" for name in missing]
                for width in WIDTHS:
                    # Chromium's viewport is the window in headless mode; check it is what we meant.
                    driver.set_window_size(width, HEIGHT)
                    for name, path, off in found:
                        driver.get("file://" + os.path.abspath(path))
                        inner = driver.execute_script("return window.innerWidth")
                        if inner != width:
                            raise SystemExit(f"viewport is {inner} px wide, wanted {width}")
                        axe = Axe(driver)
                        axe.inject()
                        result = axe.run(options=json.dumps({
                            "runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"],
                            "rules": {rule: {"enabled": False} for rule in off}}))
                        version = version or result.get("testEngine", {}).get("version")
                        found_here = result["violations"] + (static_checks(path) if width == WIDTHS[0] else [])
                        checked += 1
                        for v in found_here:
                            for node in v["nodes"]:
                                violations += 1
                                target = " ".join(str(t) for t in node["target"])
                                print(f"{os.path.basename(site)}: {name} ({os.path.relpath(path, site) if path.startswith(site) else 'email/latest.eml'}) "
                                      f"at {width} px: {v['id']} [{v.get('impact')}] {target}: {v['help']}")
    finally:
        driver.quit()
    for line in missing_types:
        print(f"page type missing: {line}")
    print(f"{', '.join(os.path.basename(site.rstrip('/')) for site in sites)}: axe-core {version} ({', '.join(TAGS)}; {' and '.join(EMAIL_OFF)} off for the e-mail) and our SVG text contrast and scroll-region checks: {checked} page checks "
          f"({checked // len(WIDTHS)} pages × {len(WIDTHS)} widths, {' and '.join(str(w) for w in WIDTHS)} px), "
          f"{violations} violations")
    return 1 if violations or missing_types else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1:]))
