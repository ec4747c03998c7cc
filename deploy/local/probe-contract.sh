#!/usr/bin/env bash
# `make probe`: every operation of the contract with bad values, as each role, against the packaged service on a schema
# of its own (session 23). Starts the service and its issuer through the bench's hold mode (BenchRun, BENCH_HOLD=1: the
# province data set loaded into the schema on first use, a token per role written beside), runs probe-contract.py as
# each role, stops both. Exits non-zero if the probe found anything (a 5xx, an error that is not problem+json, a value
# of another JSON type taken). Expects `mvn package` and the bench's classpath (.build/bench/classpath.txt), as
# `make probe` prepares; DUBAN_DB_HOST/PORT name the database server; PROBE_SCHEMA (duban_probe), PROBE_ROLES.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$root/.build/probe
mkdir -p "$out"
rm -f "$out/hold.log"  # the wait below must not read the last run's
cd "$root"
BENCH_HOLD=1 BENCH_SCHEMA=${PROBE_SCHEMA:-duban_probe} BENCH_OUT=$out \
  java -cp backend/target/test-classes:backend/target/classes:$(cat .build/bench/classpath.txt) cn.gov.zhuzhou.duban.bench.BenchRun \
  >"$out/hold.log" 2>&1 &
hold=$!
trap 'kill $hold 2>/dev/null; wait $hold 2>/dev/null || true' EXIT
until grep -q '^HOLD ' "$out/hold.log" 2>/dev/null; do
  if ! kill -0 $hold 2>/dev/null; then echo "the service did not start: $out/hold.log"; exit 1; fi
  sleep 1
done
base=$(sed -nE 's/^HOLD service (http:[^ ]+) .*/\1/p' "$out/hold.log")
status=0
for role in ${PROBE_ROLES:-office admin leader supervisor unit}; do
  python3 deploy/local/probe-contract.py "$base" "$out/$role.token" "$role" | tee "$out/$role.txt" || status=1
done
echo "probe: $( [ $status = 0 ] && echo 'no findings' || echo 'findings above') (reports in .build/probe/)"
exit $status
