#!/usr/bin/env bash
# Statements one request sends, counted from the service's SQL log (started with QUARKUS_HIBERNATE_ORM_LOG_SQL=true).
# Usage: bench-notes/count-statements.sh URL TOKEN_FILE SERVICE_LOG PATH...
set -euo pipefail
base=$1; tok=$(cat "$2"); log=$3; shift 3
for p in "$@"; do
  before=$(grep -c '\[Hibernate\]' "$log" || true)
  curl -s -o /dev/null -H "Authorization: Bearer $tok" "$base$p"
  sleep 0.5
  after=$(grep -c '\[Hibernate\]' "$log" || true)
  printf '%-70s %3d statements\n' "$p" "$((after - before))"
done
