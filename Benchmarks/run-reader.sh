#!/bin/sh
# Builds the reader benchmark in release mode and runs every mode once over one generated orders export.
# Usage: Benchmarks/run-reader.sh [MB] [DIR]   (defaults: 200 MB in a temporary folder, removed after)
set -eu
cd "$(dirname "$0")"
MB="${1:-200}"
DIR="${2:-$(mktemp -d)}"
swift build -c release --product ReaderBenchmark
BIN="$(swift build -c release --show-bin-path)/ReaderBenchmark"
[ -f "$DIR/orders.csv" ] || "$BIN" generate "$DIR" "$MB"
for mode in tokenize ingest csvswift csvswift-parse; do
    "$BIN" "$mode" "$DIR"
done
[ -n "${2:-}" ] || rm -rf "$DIR"
