# Sourced by the Spark checks, with $bin set to the scorecard binary to test: checks it exists and makes its path
# absolute; makes java and spark-submit available, installing Debian's default-jre-headless and PySpark from PyPI
# when they are missing. Returns 1 when it cannot.
[ -x "$bin" ] || { echo "no scorecard binary at $bin (swift build first)" >&2; return 1; }
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
if ! command -v java >/dev/null 2>&1; then
    echo "installing default-jre-headless"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null ||
        { echo "cannot install java" >&2; return 1; }
fi
if ! command -v spark-submit >/dev/null 2>&1; then
    echo "installing pyspark"
    python3 -m pip install -q pyspark || { echo "cannot install pyspark" >&2; return 1; }
    command -v pyenv >/dev/null 2>&1 && pyenv rehash
    hash -r
fi
if ! command -v spark-submit >/dev/null 2>&1; then
    # pip put the scripts where PATH does not look (a --user install, a virtualenv): use the package's own.
    pyspark_bin=$(python3 -c 'import os, pyspark; print(os.path.join(os.path.dirname(pyspark.__file__), "bin"))' 2>/dev/null)
    [ -n "$pyspark_bin" ] && [ -x "$pyspark_bin/spark-submit" ] && export PATH="$pyspark_bin:$PATH"
fi
command -v spark-submit >/dev/null 2>&1 || { echo "spark-submit is not on PATH after installing pyspark" >&2; return 1; }
command -v spark-class >/dev/null 2>&1 || { echo "spark-class is not on PATH after installing pyspark" >&2; return 1; }
