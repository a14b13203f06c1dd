#!/usr/bin/env bash
# Re-makes the workbooks of this folder with LibreOffice (Debian: apt-get install libreoffice-calc-nogui):
# workbooks saved by a real spreadsheet program, for the reader's tests. CI does not run this: the .xlsx
# files are committed.
#   marketing.xlsx   from marketing.fods: a calendar with a merged title, a date format dd.mm.yyyy, a
#                    formula, text dates, a boolean; items with a numeric SKU
#   campaigns.xlsx   Samples/exports/campaigns.csv opened and saved as .xlsx (dates typed by the import)
set -euo pipefail
cd "$(dirname "$0")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
soffice --headless -env:UserInstallation=file://"$work"/profile --convert-to xlsx --outdir "$work" marketing.fods >/dev/null
cp ../../../../Samples/exports/campaigns.csv "$work/campaigns.csv"
soffice --headless -env:UserInstallation=file://"$work"/profile --convert-to xlsx --outdir "$work" "$work/campaigns.csv" >/dev/null
cp "$work/marketing.xlsx" "$work/campaigns.xlsx" .
