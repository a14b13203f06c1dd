#!/usr/bin/env bash
# Builds the libFuzzer targets (AddressSanitizer, release mode) and runs each for SECONDS (default 30), one
# after another; exits non-zero when any target finds a crash, hang, leak or memory blow-up.
#
#   Fuzz/run.sh [SECONDS] [TARGET…]
#
# FUZZ_FLAGS adds libFuzzer flags, e.g. FUZZ_FLAGS=-runs=10000000 to stop after ten million inputs.
#
# Seeds come from Fuzz/Corpus/TARGET (committed); what a run adds to the corpus is kept in
# Fuzz/.work/TARGET/corpus for the next run, findings (the input that failed) go to
# Fuzz/.work/TARGET/findings, the full log to Fuzz/.work/TARGET/log. Re-run one finding with
#   Fuzz/.build/release/TARGET Fuzz/.work/TARGET/findings/crash-…
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-30}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzNumberParser FuzzDatePattern FuzzCSVReader FuzzConfigLoader FuzzWorkbookReader FuzzBuild)

# Every module gets ASan and libFuzzer's coverage counters (the frontend's -sanitize=fuzzer); only the
# fuzz targets link libFuzzer itself (Package.swift). Build tools run under ASan, without leak checks.
flags=(-c release -Xswiftc -sanitize=address -Xswiftc -Xfrontend -Xswiftc -sanitize=fuzzer,address)
# SwiftPM reuses its plan of the scorecard package (a path dependency) and would miss a source file added
# there since the last build: drop the cached plan so it is made again.
rm -f .build/release.yaml .build/*/release/description.json
ASAN_OPTIONS=detect_leaks=0 swift build "${flags[@]}"
bin="$(swift build "${flags[@]}" --show-bin-path)"

# Swift's own crash reporter would wait on a crashed target; libFuzzer and ASan report instead.
export SWIFT_BACKTRACE=enable=no
failed=()
for t in "${targets[@]}"; do
    work=".work/$t"
    mkdir -p "$work/corpus" "$work/findings"
    case "$t" in
        FuzzBuild) extra=(-max_len=16384 -timeout=60) ;;
        FuzzCSVReader) extra=(-max_len=2048 -timeout=10) ;;
        FuzzWorkbookReader) extra=(-max_len=16384 -timeout=10) ;;
        *) extra=(-max_len=4096 -timeout=10) ;;
    esac
    # shellcheck disable=SC2086
    if "$bin/$t" -max_total_time="$seconds" -rss_limit_mb=2048 -print_final_stats=1 "${extra[@]}" ${FUZZ_FLAGS:-} \
        -artifact_prefix="$work/findings/" "$work/corpus" "Corpus/$t" >"$work/log" 2>&1; then
        status=ok
    else
        status=FAILED
        failed+=("$t")
    fi
    runs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1 runs in \2 s/p' "$work/log" | tail -1)
    cov=$(grep -E '^#[0-9]+' "$work/log" | tail -1 | grep -oE 'cov: [0-9]+ ft: [0-9]+' || true)
    echo "$t: $status, ${runs:-no runs}, ${cov:-no coverage figures}"
    if [ "$status" = FAILED ]; then
        grep -E 'ERROR|invariant|Fatal error|SUMMARY|Test unit written' "$work/log" | head -20 || true
    fi
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzzing found problems in: ${failed[*]} (inputs in Fuzz/.work/TARGET/findings)" >&2
    exit 1
fi
echo "fuzzing: no findings in ${#targets[@]} targets, ${seconds} s each"
