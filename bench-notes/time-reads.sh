#!/usr/bin/env bash
# Times single requests (sequential, one at a time) against a running service; prints median and p90 in ms per path,
# and saves each body for comparison. Usage: bench-notes/time-reads.sh BASE_URL TOKEN_FILE OUT_DIR [N]
set -euo pipefail
base=$1; token=$(cat "$2"); out=$3; n=${4:-40}
mkdir -p "$out"
paths=(
  "/api/v1/tasks?planId=10&size=100"
  "/api/v1/tasks?planId=10&status=IN_PROGRESS&sort=-deadline&size=100"
  "/api/v1/tasks?size=100&sort=title&q=%E4%BB%BB%E5%8A%A1"
  "/api/v1/tasks?planId=10&light=RED&size=100"
  "/api/v1/tasks/18001"
  "/api/v1/tasks/18002"
  "/api/v1/tasks/18001/progress"
  "/api/v1/plans/10/tree"
  "/api/v1/plans"
  "/api/v1/plans/10"
  "/api/v1/plans/10/areas"
)
for p in "${paths[@]}"; do
  f="$out/$(echo "$p" | tr -c 'A-Za-z0-9' '_').json"
  curl -s -H "Authorization: Bearer $token" "$base$p" -o "$f"
  for i in $(seq 1 10); do curl -s -o /dev/null -H "Authorization: Bearer $token" "$base$p"; done
  times=$(for i in $(seq 1 "$n"); do curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$base$p"; done | sort -n)
  med=$(echo "$times" | awk -v n="$n" 'NR==int(n/2)+1{printf "%.1f", $1*1000}')
  p90=$(echo "$times" | awk -v n="$n" 'NR==int(n*0.9){printf "%.1f", $1*1000}')
  printf '%-70s median %7s ms  p90 %7s ms  %8d bytes\n' "$p" "$med" "$p90" "$(wc -c < "$f")"
done
