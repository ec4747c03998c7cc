#!/usr/bin/env bash
# A/B of two packaged services on the province data set, interleaved so both see the same machine: BenchRun holds
# service A (with its throw-away issuer and the data set), B is started beside it from the same environment, then
# wrk runs alternate A, B, A, B... per path; each run's pages/s and the service's CPU ms per request (from
# /proc/<pid>/stat) are printed, then the means. A shared machine moves a 15 s run's rate by a third between runs;
# alternating short runs is what made session 15's comparisons readable.
# Usage (from the repository root, after `make bench` built .build/bench/classpath.txt):
#   A=/tmp/appA B=/tmp/appB PATHS="/api/v1/problems?status=CLASSIFIED&size=100 /api/v1/sessions?size=100" \
#     [ROUNDS=4] [DUR=10s] [CONNS=50] [ENCODING="gzip, deflate, br", as a browser sends it] [B_OPTS="-D..."] deploy/bench-notes/ab-interleaved.sh
# A and B are copies of backend/target/quarkus-app made with `cp -a` (a plain cp loses the AppCDS archive's match).
set -u
root=$(pwd)
out=${OUT:-/tmp/ab-out}; rm -rf "$out"; mkdir -p "$out"
cp_file=$root/.build/bench/classpath.txt
BENCH_OUT=$out/hold BENCH_JAR=$A/quarkus-run.jar BENCH_HOLD=1 BENCH_SCREENS=none BENCH_JIT_WARMUP=off \
  DUBAN_DB_HOST=${DUBAN_DB_HOST:-127.0.0.1} DUBAN_DB_PORT=${DUBAN_DB_PORT:-3306} \
  java -cp "backend/target/test-classes:backend/target/classes:$(cat "$cp_file")" cn.gov.zhuzhou.duban.bench.BenchRun > "$out/hold.log" 2>&1 &
holder=$!
for _ in $(seq 1 600); do grep -q "^HOLD" "$out/hold.log" && break; sleep 1; done
line=$(grep "^HOLD" "$out/hold.log") || { echo "the held service did not start: $out/hold.log"; exit 1; }
portA=$(echo "$line" | sed -E 's/.*service http:\/\/127.0.0.1:([0-9]+).*/\1/')
tokfile=$(echo "$line" | sed -E 's/.*token in ([^ ]+).*/\1/')
pidA=$(ss -ltnp | grep ":$portA " | sed -E 's/.*pid=([0-9]+).*/\1/')
issuer=$(tr '\0' '\n' < "/proc/$pidA/environ" | grep ^DUBAN_OIDC_ISSUER= | cut -d= -f2-)
dburl=$(tr '\0' '\n' < "/proc/$pidA/environ" | grep ^DUBAN_DB_URL= | cut -d= -f2-)
portB=$((portA + 7))
(cd "$B" && DUBAN_DB_URL="$dburl" DUBAN_OIDC_ISSUER="$issuer" DUBAN_HTTP_PORT=$portB DUBAN_SEED_ENABLED=false MALLOC_ARENA_MAX=2 \
  DUBAN_HTTP_RATE_LIMIT_ENABLED=false java @"$root/deploy/local/jvm.options" ${B_OPTS:-} -jar quarkus-run.jar > "$out/serviceB.log" 2>&1 &)
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$portB/q/health/ready" > /dev/null && break; sleep 1; done
pidB=$(ss -ltnp | grep ":$portB " | sed -E 's/.*pid=([0-9]+).*/\1/')
echo "A port $portA pid $pidA; B port $portB pid $pidB"
tok=$(cat "$tokfile")
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
for p in $PATHS; do
  for _ in 1 2; do for port in $portA $portB; do   # warm both first
    wrk -t2 -c"${CONNS:-50}" -d8s -H "Authorization: Bearer $tok" -H "Accept-Encoding: ${ENCODING:-gzip, deflate, br}" "http://127.0.0.1:$port$p" > /dev/null
  done; done
  for r in $(seq 1 "${ROUNDS:-4}"); do
    for side in A B; do
      if [ $side = A ]; then port=$portA; pid=$pidA; else port=$portB; pid=$pidB; fi
      t0=$(ticks "$pid")
      res=$(wrk -t2 -c"${CONNS:-50}" -d"${DUR:-10s}" -H "Authorization: Bearer $tok" -H "Accept-Encoding: ${ENCODING:-gzip, deflate, br}" "http://127.0.0.1:$port$p")
      t1=$(ticks "$pid")
      n=$(echo "$res" | grep "requests in" | awk '{print $1}')
      rps=$(echo "$res" | grep "Requests/sec" | awk '{print $2}')
      non=$(echo "$res" | grep -c "Non-2xx" || true)
      echo "$p $side round $r rps $rps cpu_ms_per_req $(echo "scale=2; ($t1 - $t0) * 1000 / $(getconf CLK_TCK) / $n" | bc) non2xx_lines $non"
    done
  done
done | tee "$out/result.txt"
kill "$pidB" "$holder" 2> /dev/null; sleep 2; kill "$pidA" 2> /dev/null
awk '{k = $1 " " $2; c[k] += $8; r[k] += $6; n[k]++} END {for (k in c) printf "%s  pages/s %.1f  CPU ms/request %.2f\n", k, r[k] / n[k], c[k] / n[k]}' \
  "$out/result.txt" | sort
