#!/usr/bin/env bash
# Local Keycloak 26.5.6 for Duban (dev mode, H2 file database, realm "duban").
#
#   keycloak.sh start [PORT]   start (or reuse) Keycloak; last stdout line = issuer URL
#   keycloak.sh stop           stop the Keycloak this script started
#   keycloak.sh status         print the issuer if the realm answers, exit 1 otherwise
#
# No Docker needed: the distribution zip comes from the local Maven repository
# (or Maven Central). Everything lives in $KC_WORK_DIR (default <repo>/.build/keycloak).
# Progress and logs go to stderr; only the issuer URL is printed on stdout.
#
# Environment:
#   KC_PORT           HTTP port (default 8180; the PORT argument wins)
#   KC_MGMT_PORT      management port, serves /health/ready (default PORT+1000, or any free port)
#   KC_WORK_DIR       work folder (default <repo>/.build/keycloak)
#   KC_HOSTNAME       public base URL baked into the issuer (default http://127.0.0.1:PORT)
#   KC_M2_REPO        local Maven repository to look in (default ~/.m2/repository)
#   KC_START_TIMEOUT  seconds to wait for the realm (default 180)
#   KC_RESET=1        wipe the H2 database before starting (also done automatically
#                     whenever duban-realm.json changed since the last import)
#   JAVA_OPTS_KC_HEAP heap options honoured by kc.sh (default "-Xms64m -Xmx512m")
set -euo pipefail

KC_VERSION=26.5.6
REALM=duban
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
WORK="${KC_WORK_DIR:-$ROOT/.build/keycloak}"
KC_HOME="$WORK/keycloak-$KC_VERSION"
REALM_FILE="$SCRIPT_DIR/duban-realm.json"
PID_FILE="$WORK/keycloak.pid"
PORT_FILE="$WORK/keycloak.port"
LOG_FILE="$WORK/keycloak.log"
M2_ZIP="${KC_M2_REPO:-$HOME/.m2/repository}/org/keycloak/keycloak-quarkus-dist/$KC_VERSION/keycloak-quarkus-dist-$KC_VERSION.zip"

log() { printf '[keycloak] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

usage() {
  cat >&2 <<EOF
usage: $0 start [PORT] | stop | status
  start   start Keycloak (dev mode) with realm '$REALM' on 127.0.0.1:PORT (default \${KC_PORT:-8180})
  stop    stop the Keycloak started by this script
  status  print the issuer URL if realm '$REALM' answers (exit 1 if not)
EOF
  exit 2
}

discovery_url() { echo "http://127.0.0.1:$1/realms/$REALM/.well-known/openid-configuration"; }

# Prints the issuer of the running realm on PORT, or fails.
issuer_of() {
  local json
  json="$(curl -fsS --max-time 3 "$(discovery_url "$1")" 2>/dev/null)" || return 1
  printf '%s' "$json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["issuer"])' 2>/dev/null
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

running_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$PID_FILE")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && { echo "$pid"; return 0; }
  return 1
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

ensure_dist() {
  [[ -x "$KC_HOME/bin/kc.sh" ]] && return 0
  mkdir -p "$WORK"
  local zip="$M2_ZIP"
  if [[ ! -f "$zip" ]]; then
    zip="$WORK/keycloak-quarkus-dist-$KC_VERSION.zip"
    if [[ ! -f "$zip" ]]; then
      log "fetching org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip from Maven Central ..."
      command -v mvn >/dev/null || die "mvn not found and $M2_ZIP missing"
      # run outside the repo: inside it, mvn would pick up the project's pom.xml
      (cd "$WORK" && mvn -B -q -Dstyle.color=never dependency:copy "-Dartifact=org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" \
        "-DoutputDirectory=$WORK") >&2 || die "could not fetch the Keycloak distribution"
    fi
  fi
  log "unpacking $zip -> $WORK"
  rm -rf "$KC_HOME.partial"
  mkdir -p "$KC_HOME.partial"
  unzip -q "$zip" -d "$KC_HOME.partial" || die "unzip failed"
  mv "$KC_HOME.partial/keycloak-$KC_VERSION" "$KC_HOME"
  rmdir "$KC_HOME.partial"
}

cmd_start() {
  local port="${1:-${KC_PORT:-8180}}"
  [[ "$port" =~ ^[0-9]+$ ]] || die "bad port: $port"

  local iss pid
  if iss="$(issuer_of "$port")"; then
    log "realm '$REALM' already answers on port $port; reusing it"
    echo "$iss"
    return 0
  fi
  if pid="$(running_pid)"; then
    die "a Keycloak started by this script is still running (pid $pid, port $(cat "$PORT_FILE" 2>/dev/null || echo '?')) but realm '$REALM' does not answer on $port; run '$0 stop' first"
  fi
  port_busy "$port" && die "port $port is taken by something that is not Keycloak realm '$REALM'"

  command -v java >/dev/null || die "java not found"
  command -v curl >/dev/null || die "curl not found"
  [[ -f "$REALM_FILE" ]] || die "missing $REALM_FILE"
  ensure_dist

  # --import-realm skips realms that already exist in the database, so a changed
  # realm file only takes effect on a fresh database: wipe it when the file changed.
  local sum_file="$WORK/realm.sha256" sum
  sum="$(sha256sum "$REALM_FILE" | cut -d' ' -f1)"
  if [[ "${KC_RESET:-0}" == 1 || ! -f "$sum_file" || "$(cat "$sum_file")" != "$sum" ]]; then
    if [[ -d "$KC_HOME/data/h2" ]]; then
      log "realm file changed (or KC_RESET=1): wiping the dev database so the realm is re-imported"
    fi
    rm -rf "$KC_HOME/data/h2"
  fi
  mkdir -p "$KC_HOME/data/import"
  rm -f "$KC_HOME/data/import/"*.json
  cp "$REALM_FILE" "$KC_HOME/data/import/duban-realm.json"

  local mport="${KC_MGMT_PORT:-$((port + 1000))}"
  if port_busy "$mport" || (( mport > 65535 )); then
    mport="$(free_port)"
  fi
  # Pin the issuer: without --hostname, dev mode derives it from each request's Host
  # header, so a token fetched via localhost:PORT would carry a different 'iss' than
  # one fetched via 127.0.0.1:PORT. (With --hostname set, --hostname-strict is moot.)
  local hostname="${KC_HOSTNAME:-http://127.0.0.1:$port}"

  log "starting Keycloak $KC_VERSION on http://127.0.0.1:$port (management port $mport), log: $LOG_FILE"
  : >"$LOG_FILE"
  local t0=$SECONDS
  (
    cd "$KC_HOME"
    export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
    export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"
    export JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms64m -Xmx512m}"
    # setsid: own process group, so 'stop' can reach kc.sh and its java child together
    exec setsid nohup bin/kc.sh start-dev --import-realm \
      --http-host=127.0.0.1 --http-port="$port" \
      --health-enabled=true --http-management-port="$mport" \
      --hostname="$hostname" --hostname-strict=false \
      </dev/null >>"$LOG_FILE" 2>&1
  ) &
  local pid=$!
  echo "$pid" >"$PID_FILE"
  echo "$port" >"$PORT_FILE"

  local timeout="${KC_START_TIMEOUT:-180}"
  while (( SECONDS - t0 < timeout )); do
    if iss="$(issuer_of "$port")"; then
      echo "$sum" >"$sum_file"
      log "realm '$REALM' ready after $((SECONDS - t0)) s (pid $pid); health: http://127.0.0.1:$mport/health/ready"
      echo "$iss"
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 40 "$LOG_FILE" >&2 || true
      rm -f "$PID_FILE"
      die "Keycloak exited during startup (see $LOG_FILE)"
    fi
    sleep 1
  done
  tail -n 40 "$LOG_FILE" >&2 || true
  die "realm '$REALM' did not answer within ${timeout}s (Keycloak left running, pid $pid; see $LOG_FILE)"
}

cmd_stop() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$PID_FILE"
    log "not running (no live pid in $PID_FILE)"
    return 0
  fi
  log "stopping Keycloak (pid $pid)"
  # kc.sh forwards TERM to its java child; the process group catches a re-exec'd java too
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  local _
  for _ in $(seq 1 60); do
    if ! kill -0 "$pid" 2>/dev/null && ! kill -0 -- "-$pid" 2>/dev/null; then
      rm -f "$PID_FILE"
      log "stopped"
      return 0
    fi
    sleep 1
  done
  log "still alive after 60 s; sending KILL"
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  rm -f "$PID_FILE"
}

cmd_status() {
  local port="${1:-$(cat "$PORT_FILE" 2>/dev/null || echo "${KC_PORT:-8180}")}" iss pid
  if pid="$(running_pid)"; then log "pid $pid (started by this script)"; fi
  if iss="$(issuer_of "$port")"; then
    log "realm '$REALM' answers on port $port"
    echo "$iss"
  else
    log "realm '$REALM' does not answer on port $port"
    return 1
  fi
}

case "${1:-}" in
  start) shift; cmd_start "$@" ;;
  stop) cmd_stop ;;
  status) shift; cmd_status "$@" ;;
  *) usage ;;
esac
