#!/usr/bin/env bash
# Times single requests, one at a time, against two running services (before/after), alternating between them
# request by request so both see the same machine load; prints median and p90 (ms) per path and target, and saves
# each body. Usage: bench-notes/time-reads.sh OUT_DIR N NAME=URL=TOKEN_FILE NAME=URL=TOKEN_FILE
set -euo pipefail
out=$1; n=$2; shift 2
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
  key=$(echo "$p" | tr -c 'A-Za-z0-9' '_')
  for t in "$@"; do
    IFS='=' read -r name base tokfile <<< "$t"
    tok=$(cat "$tokfile")
    curl -s -H "Authorization: Bearer $tok" "$base$p" -o "$out/$name.$key.json"
    for i in $(seq 1 5); do curl -s -o /dev/null -H "Authorization: Bearer $tok" "$base$p"; done
    : > "$out/$name.$key.times"
  done
  for i in $(seq 1 "$n"); do
    for t in "$@"; do
      IFS='=' read -r name base tokfile <<< "$t"
      curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $(cat "$tokfile")" "$base$p" >> "$out/$name.$key.times"
    done
  done
  for t in "$@"; do
    IFS='=' read -r name base tokfile <<< "$t"
    sorted=$(sort -n "$out/$name.$key.times")
    med=$(echo "$sorted" | awk -v n="$n" 'NR==int(n/2)+1{printf "%.1f", $1*1000}')
    p90=$(echo "$sorted" | awk -v n="$n" 'NR==int(n*0.9){printf "%.1f", $1*1000}')
    printf '%-8s %-68s median %7s ms  p90 %7s ms  %8d bytes\n' "$name" "$p" "$med" "$p90" "$(wc -c < "$out/$name.$key.json")"
  done
done
