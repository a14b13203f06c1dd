#!/usr/bin/env bash
# axe-core in headless Chromium over one page of every type (index, a week, an archived and the open month,
# campaigns and a campaign of each status, categories and a category, months, data quality, definitions, and
# the digest's HTML part) of the site built from the bundled sample and from a hostile export, at 1280 and
# 390 px: WCAG 2.0/2.1/2.2 A and AA rules and axe's best practices (Tests/Site/axe_check.py). Requires zero
# violations. Installs Debian's chromium and chromium-driver and, from PyPI, selenium-axe-python (axe-core
# 4.9.1) and selenium, when missing. Usage: Tests/Site/check-accessibility.sh [path/to/scorecard]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-$(swift build --show-bin-path)/scorecard}

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi
# selenium 4.52 needs a certifi newer than PyPI's mirror may have; 4.51 drives Debian's chromedriver.
# selenium-axe-python is the maintained fork of axe-selenium-python (whose 2.1.6 bundles axe-core 3.1).
selenium_version=4.51.0 axe_version=2.2.0
if ! python3 -c "import selenium, selenium_axe_python, importlib.metadata as m
assert selenium.__version__ == '$selenium_version' and m.version('selenium-axe-python') == '$axe_version'" 2>/dev/null; then
  PIP_ROOT_USER_ACTION=ignore python3 -m pip install -q --disable-pip-version-check \
    "selenium==$selenium_version" "selenium-axe-python==$axe_version"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/empty"
(cd "$work/empty" && "$bin" build --out "$work/sample-site")
"$bin" sample --out "$work/hostile" --lines 3000 --skus 40 --weeks 10
python3 Tests/Site/make-hostile-export.py "$work/hostile"
"$bin" build --config "$work/hostile/scorecard.yml" --out "$work/hostile-site" --base-url https://intranet.example/scorecard/

failed=0
for site in sample-site hostile-site; do
  if python3 Tests/Site/axe_check.py "$work/$site"; then :; else failed=$((failed + 1)); fi
done
echo "$((2 - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
