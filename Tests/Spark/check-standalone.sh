#!/usr/bin/env bash
# The worked example of docs/operations.md, run for real: a Spark standalone cluster on loopback (one master,
# one worker with two cores), the bundled sample built with `--spark-master spark://127.0.0.1:PORT`, and the
# site compared with the built-in engine's (Tests/Spark/compare_sites.py: every figure, every page). Then the
# failure: the same build against a port where no master listens must exit 1 with Spark's last lines on
# stderr, leave the published site byte for byte as it was, and release the lock.
#
# Usage: Tests/Spark/check-standalone.sh [path/to/scorecard]   (default: .build/debug/scorecard)
#
# Installs PySpark from PyPI (and Debian's default-jre-headless when java is missing) if needed. PyPI's PySpark
# has no sbin/start-master.sh, so the daemons are started with spark-class, as a cluster administrator would
# start them from a systemd unit.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${1:-$root/.build/debug/scorecard}
. "$here/ensure-spark.sh" || exit 1

work=$(mktemp -d /tmp/spark-standalone.XXXXXX)
echo "work folder: $work"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# wait_for FILE TEXT SECONDS
wait_for() {
    local i
    for ((i = 0; i < $3; i++)); do
        grep -q "$2" "$1" 2>/dev/null && return 0
        sleep 1
    done
    echo "no \"$2\" in $1 after $3 s:" >&2
    tail -20 "$1" >&2
    return 1
}

port=$(free_port)
master=spark://127.0.0.1:$port
export SPARK_LOCAL_IP=127.0.0.1 SPARK_LOG_DIR=$work/logs SPARK_WORKER_DIR=$work/worker
spark-class org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port "$(free_port)" \
    >"$work/master.log" 2>&1 &
pids+=($!)
wait_for "$work/master.log" "I have been elected leader" 120 || exit 1
spark-class org.apache.spark.deploy.worker.Worker "$master" --host 127.0.0.1 --cores 2 --memory 2g \
    --webui-port "$(free_port)" >"$work/worker.log" 2>&1 &
pids+=($!)
wait_for "$work/worker.log" "Successfully registered with master" 120 || exit 1
echo "cluster up: $master, one worker with 2 cores and 2 GiB"

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# 1. The sample on the cluster, against the built-in engine.
config=$root/Samples/scorecard.yml
"$bin" build --config "$config" --out "$work/builtin" >"$work/builtin.log" 2>&1 || fail "built-in build: $(tail -3 "$work/builtin.log")"
t0=$(date +%s)
"$bin" build --config "$config" --out "$work/cluster" --engine spark --spark-master "$master" >"$work/cluster.log" 2>&1
rc=$?
echo "cluster build: exit $rc in $(( $(date +%s) - t0 )) s"
if [ $rc -ne 0 ]; then
    fail "cluster build exit $rc"
    tail -20 "$work/cluster.log"
elif grep -q "app-" "$work/master.log" || grep -q "Registering app" "$work/master.log"; then
    result=$(python3 "$here/compare_sites.py" "$work/builtin" "$work/cluster") || fail "sites differ"
    echo "$result"
else
    fail "the master never saw the application (was the build run locally?)"
fi

# 2. A master that cannot be reached: exit 1, Spark's last lines on stderr, the site untouched, the lock released.
dead=spark://127.0.0.1:$(free_port)
before=$(cd "$work/builtin" && find . -type f -exec sha256sum {} + | sort | sha256sum)
t0=$(date +%s)
timeout 600 "$bin" build --config "$config" --out "$work/builtin" --engine spark --spark-master "$dead" \
    >"$work/dead.out" 2>"$work/dead.err"
rc=$?
echo "unreachable master: exit $rc in $(( $(date +%s) - t0 )) s"
[ $rc -eq 1 ] || fail "unreachable master: exit $rc, expected 1"
grep -q "spark-submit" "$work/dead.err" || fail "unreachable master: stderr does not name spark-submit"
echo "  stderr: $(head -c 600 "$work/dead.err" | tr '\n' ' ')"
after=$(cd "$work/builtin" && find . -type f -exec sha256sum {} + | sort | sha256sum)
[ "$before" = "$after" ] || fail "unreachable master: the published site changed"
"$bin" build --config "$config" --out "$work/builtin" >"$work/rebuild.log" 2>&1 ||
    fail "a build after the failure did not run (lock left behind?): $(tail -3 "$work/rebuild.log")"

if [ $failures -eq 0 ]; then
    echo "standalone cluster: ok"
    rm -rf "$work"
fi
[ $failures -eq 0 ]
