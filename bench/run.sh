#!/usr/bin/env bash
# One full dispatch benchmark run: starts server/target/quorum.jar on a fresh data directory
# (embedded PostgreSQL and Kafka), runs bench/DispatchBench.java against it, stops it, prints
# the results. Builds nothing. Cleans up on every exit (the jar, its PostgreSQL, the data).
#
#   bash bench/run.sh                 # the full run (about 5-10 minutes on 2 cores)
#   bash bench/run.sh --quick         # a short smoke run of the benchmark itself
#   BENCH_PORT=8097 BENCH_RESULTS=/tmp/results.md BENCH_KEEP=1 bash bench/run.sh
#   BENCH_JAR=/path/to/quorum.jar bash bench/run.sh   # a jar other than server/target/quorum.jar
#
# Extra arguments go to the program (see `java bench/DispatchBench.java --help`).
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=${BENCH_JAR:-server/target/quorum.jar}   # another build of the same jar can be named here
PORT=${BENCH_PORT:-8097}
LIMIT_S=${BENCH_LIMIT_S:-1140}   # the program is stopped after this many seconds (19 min)

if [[ ! -f $JAR ]]; then
  echo "bench: $JAR is missing; build it first with: mvn -B -q clean package -DskipTests" >&2
  echo "       (the benchmark itself builds nothing)" >&2
  exit 2
fi
# A build without `clean` keeps resources that the source no longer has: a deleted migration in
# target/classes still ships in the jar and changes the schema the benchmark measures.
if [[ -z ${BENCH_JAR:-} ]] && command -v unzip >/dev/null; then
  in_jar=$(unzip -Z1 "$JAR" 'db/*/V*.sql' 2>/dev/null | sort)
  in_source=$(ls -1 ./*/src/main/resources/db/*/V*.sql | sed 's|^\./[^/]*/src/main/resources/||' | sort)
  if [[ $in_jar != "$in_source" ]]; then
    echo "bench: the jar's migrations differ from the source tree's (a stale build):" >&2
    diff <(echo "$in_jar") <(echo "$in_source") | grep '^[<>]' >&2 || true
    echo "       rebuild it with: mvn -B -q clean package -DskipTests" >&2
    exit 2
  fi
fi
for tool in java psql pgbench createdb timeout; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is not on PATH" >&2; exit 2; }
done
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  echo "bench: port $PORT is in use; pick another with BENCH_PORT=…" >&2
  exit 2
fi

RUN_DIR=$(mktemp -d "${TMPDIR:-/tmp}/quorum-bench.XXXXXX")
DATA=$RUN_DIR/data
LOG=$RUN_DIR/quorum.log
RESULTS=${BENCH_RESULTS:-$RUN_DIR/results.md}
JAR_PID=""

stop_pid() { # pid signal seconds: signal, wait, then SIGKILL
  local pid=$1 sig=$2 wait_s=$3
  kill -0 "$pid" 2>/dev/null || return 0
  kill "-$sig" "$pid" 2>/dev/null || true
  for ((i = 0; i < wait_s * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  echo "bench: pid $pid did not stop after ${wait_s}s, killing it" >&2
  kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  set +e
  if [[ -n $JAR_PID ]]; then
    stop_pid "$JAR_PID" TERM 30
    wait "$JAR_PID" 2>/dev/null
  fi
  # The embedded PostgreSQL is a child process of the jar; if it outlived the jar, stop it by
  # the pid in its own postmaster.pid (fast shutdown), nothing broader.
  local pidfile=$DATA/postgres/postmaster.pid
  if [[ -f $pidfile ]]; then
    local pg_pid
    pg_pid=$(head -n 1 "$pidfile" | tr -dc '0-9')
    [[ -n $pg_pid ]] && stop_pid "$pg_pid" INT 20
  fi
  if [[ $rc -ne 0 && -f $LOG ]]; then
    echo "bench: failed (exit $rc); last lines of the Quorum log:" >&2
    tail -n 40 "$LOG" >&2
  fi
  if [[ ${BENCH_KEEP:-0} == 1 ]]; then
    echo "bench: kept $RUN_DIR"
  else
    find "$RUN_DIR" -mindepth 1 -maxdepth 1 ! -path "$RESULTS" -exec rm -rf {} +
    rmdir "$RUN_DIR" 2>/dev/null
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "bench: starting Quorum on port $PORT, data in $DATA"
QUORUM_DATA_DIR=$DATA \
  QUORUM_BOOTSTRAP_ADMIN_EMAIL=bench@example.com \
  QUORUM_BOOTSTRAP_ADMIN_PASSWORD=bench-password \
  MICRONAUT_SERVER_PORT=$PORT \
  java -jar "$JAR" >"$LOG" 2>&1 &
JAR_PID=$!

for ((i = 0; i < 1200; i++)); do   # up to 120 s
  grep -q "Quorum is up at" "$LOG" && break
  kill -0 "$JAR_PID" 2>/dev/null || { echo "bench: Quorum exited during start-up" >&2; exit 1; }
  sleep 0.1
done
grep -q "Quorum is up at" "$LOG" || { echo "bench: Quorum did not start within 120 s" >&2; exit 1; }
echo "bench: $(grep -m1 'Quorum is up at' "$LOG" | sed 's/.*\(Quorum is up at\)/\1/')"
# The postmaster's pid, so that the program can count PostgreSQL's CPU time.
PG_PID=$(head -n 1 "$DATA/postgres/postmaster.pid" 2>/dev/null | tr -dc '0-9')

timeout --signal=TERM --kill-after=10 "$LIMIT_S" \
  java -Xmx1g bench/DispatchBench.java \
    --base "http://127.0.0.1:$PORT" \
    --admin-email bench@example.com --admin-password bench-password \
    --work-dir "$RUN_DIR" --out "$RESULTS" ${PG_PID:+--postgres-pid "$PG_PID"} "$@"

echo "bench: results in $RESULTS"
