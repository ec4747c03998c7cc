#!/usr/bin/env bash
# Launch to ready of the packaged service against an existing schema (issue 11: "start to ready under 3 s on this
# schema"), repeated, with the CPU a start costs and the start-up log of the last run.
#
#   deploy/bench-notes/measure-start.sh [runs] [schema]      (defaults: 5, duban_bench; make bench loads duban_bench)
#
# Starts the service as make run does (from backend/target/quarkus-app, @deploy/local/jvm.options, -jar quarkus-run.jar)
# with a throw-away OpenID issuer (deploy/local/throwaway-issuer.sh), polls /q/health/ready every 20 ms, then stops it
# (no shutdown delay unless DUBAN_SHUTDOWN_DELAY says otherwise). It measures the AppCDS archive the folder holds: the
# package's, or the trained one deploy/local/train-cds.sh puts in its place (make run and make bench train it). Extra JVM options: START_JAVA_OPTS (after the file); another options file:
# START_JVM_OPTIONS; another application folder: START_APP; extra environment: pass it in.
# Prints one line per run: wall seconds to ready, CPU seconds used by then, and the load average.
# START_THREADS=1 adds, per run, the CPU by then of the main thread, the JIT compilers, GC and the rest (from
# /proc/<pid>/task); START_JFR=1 records each start (JFR, settings=profile) into $START_OUT/start-<n>.jfr, dumped at
# ready (summarise the main thread with deploy/bench-notes/jfr-main-thread.py).
set -euo pipefail
runs=${1:-5}
schema=${2:-duban_bench}
root=$(cd "$(dirname "$0")/../.." && pwd)
app=${START_APP:-$root/backend/target/quarkus-app}
out=${START_OUT:-$root/.build/start}
mkdir -p "$out"
tmp=$(mktemp -d)
. "$root/deploy/local/throwaway-issuer.sh"
start_throwaway_issuer "$tmp"
trap 'kill $issuer_pid 2>/dev/null; [ -n "${svc:-}" ] && kill $svc 2>/dev/null; rm -rf "$tmp"' EXIT

tck=$(getconf CLK_TCK)
for i in $(seq 1 "$runs"); do
  port=$(free_port)
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  start=$(date +%s%N)
  (cd "$app" && DUBAN_DB_URL="jdbc:mysql://${DUBAN_DB_HOST:-127.0.0.1}:${DUBAN_DB_PORT:-3306}/$schema?characterEncoding=UTF-8&connectTimeout=3000&socketTimeout=60000" \
     DUBAN_OIDC_ISSUER="$issuer" DUBAN_HTTP_PORT=$port DUBAN_SEED_ENABLED=${DUBAN_SEED_ENABLED:-false} DUBAN_SHUTDOWN_DELAY=${DUBAN_SHUTDOWN_DELAY:-0S} \
     exec java -Duser.timezone=Asia/Shanghai -Dfile.encoding=UTF-8 @"${START_JVM_OPTIONS:-$root/deploy/local/jvm.options}" ${START_JAVA_OPTS:-} \
       ${START_JFR:+-XX:FlightRecorderOptions=stackdepth=256 -XX:StartFlightRecording=name=start,settings=profile} -jar quarkus-run.jar) \
     >"$out/start-$i.log" 2>&1 &
  svc=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
    if ! kill -0 $svc 2>/dev/null; then echo "run $i: the service ended (see $out/start-$i.log)"; exit 1; fi
    sleep 0.02
  done
  end=$(date +%s%N)
  # utime + stime of the JVM (fields 14, 15 of /proc/<pid>/stat), in clock ticks
  cpu=$(awk -v t="$tck" '{printf "%.1f", ($14 + $15) / t}' "/proc/$svc/stat")
  printf 'run %d: ready in %.2f s, %s s CPU, load %s\n' "$i" "$(echo "($end - $start) / 1000000000" | bc -l)" "$cpu" "$load"
  if [ -n "${START_THREADS:-}" ]; then
    python3 - "$svc" "$tck" <<'PY'
import glob, sys, collections
tck = int(sys.argv[2]); cpu = collections.Counter()
for stat in glob.glob(f"/proc/{sys.argv[1]}/task/*/stat"):
    try:
        raw = open(stat).read()
    except OSError:
        continue
    name = raw[raw.index("(") + 1:raw.rindex(")")]; f = raw[raw.rindex(")") + 2:].split()
    group = ("main" if name == "java" else "C2 JIT" if name.startswith("C2 ") else "C1 JIT" if name.startswith("C1 ")
             else "GC+VM" if "GC" in name or name.startswith("VM ") else "other")
    cpu[group] += (int(f[11]) + int(f[12])) / tck
print("        threads: " + ", ".join(f"{k} {v:.1f} s" for k, v in cpu.most_common()))
PY
  fi
  if [ -n "${START_JFR:-}" ]; then jcmd $svc JFR.dump name=start filename="$out/start-$i.jfr" >/dev/null; fi
  kill $svc; wait $svc 2>/dev/null || true
  svc=
done
echo "log of the last run: $out/start-$runs.log"
