#!/usr/bin/env bash
# Truth-inference benchmark: Dawid-Skene (and majority vote, for scale) on the published D_Product
# and S_Rel data sets, a few warm-up runs then timed runs in one JVM, medians in a Markdown table.
# Builds nothing: it runs bench/AggregationBench.java against classes already built.
#
#   bash bench/aggregation.sh                      # 5 warm-up + 15 timed runs per method and set
#   bash bench/aggregation.sh --runs 31            # more runs
#   AGG_CLASSPATH=quality-review/target/classes bash bench/aggregation.sh
#
# The classes come from AGG_CLASSPATH, else server/target/quorum.jar, else
# quality-review/target/classes. The data is shared/data/truth-inference beside the clone
# (--data DIR to point elsewhere).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -n ${AGG_CLASSPATH:-} ]]; then
  CP=$AGG_CLASSPATH
elif [[ -f server/target/quorum.jar ]]; then
  CP=server/target/quorum.jar
elif [[ -d quality-review/target/classes/dev/quorum/quality/aggregation ]]; then
  CP=quality-review/target/classes
else
  echo "bench: no built classes; build them first, e.g.: mvn -B -q package -DskipTests" >&2
  echo "       (the benchmark itself builds nothing)" >&2
  exit 2
fi
echo "classes: $CP" >&2
exec java -cp "$CP" bench/AggregationBench.java "$@"
