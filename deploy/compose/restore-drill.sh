#!/usr/bin/env bash
# Restore drill: proves a dump of the Duban database can be restored. It restores the dump into a scratch schema on
# the same server, compares every table's row count with the rows the dump holds, reports the last migration in
# it, and drops the scratch schema. The live schema is only read (and only when no dump file is given).
#
#   restore-drill.sh [DUMP.sql|DUMP.sql.gz]
#
# Without a dump it takes one first (mysqldump --single-transaction, the same command as the nightly backup), so a
# drill also tries the backup. Exit 0 when every table matches, 1 otherwise.
#
# Environment (the mysql client's own MYSQL_PWD carries the password; nothing is put on a command line):
#   DB_HOST (127.0.0.1), DB_PORT (3306), DB_USER (root), MYSQL_PWD (empty)
#   SOURCE_DB (duban)          the schema to dump when no dump file is given
#   SCRATCH_DB (duban_restore_drill)  the schema restored into; it must not exist, or be an earlier drill's
#   KEEP=1                     keep the scratch schema for a look (drop it yourself afterwards)
#
# Against the Compose installation (the database is not published on the host):
#   docker compose exec -T -e MYSQL_PWD="$MYSQL_ROOT_PASSWORD" mysql bash -s < restore-drill.sh
#   docker compose exec -T -e MYSQL_PWD="$MYSQL_ROOT_PASSWORD" mysql bash -s -- /backups/duban-2026-12-01.sql.gz < restore-drill.sh
set -euo pipefail

DB_HOST="${DB_HOST:-127.0.0.1}"
DB_PORT="${DB_PORT:-3306}"
DB_USER="${DB_USER:-root}"
SOURCE_DB="${SOURCE_DB:-duban}"
SCRATCH_DB="${SCRATCH_DB:-duban_restore_drill}"
export MYSQL_PWD="${MYSQL_PWD:-}"

log() { printf '[restore-drill] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

[[ "$SCRATCH_DB" =~ ^[A-Za-z0-9_]+$ ]] || die "SCRATCH_DB must be letters, digits and _ only"
[[ "$SCRATCH_DB" != "$SOURCE_DB" ]] || die "SCRATCH_DB must differ from SOURCE_DB"
case "$SCRATCH_DB" in *restore_drill*|scratch_*) ;; *) die "SCRATCH_DB must contain 'restore_drill' or start with 'scratch_' (it is dropped)";; esac

client=(mysql -h "$DB_HOST" -P "$DB_PORT" -u "$DB_USER" --default-character-set=utf8mb4 --batch --skip-column-names)
sql() { "${client[@]}" "$@"; }

work="$(mktemp -d)"
cleanup() {
  rm -rf "$work"
  if [[ "${KEEP:-}" != 1 ]]; then sql -e "DROP DATABASE IF EXISTS \`$SCRATCH_DB\`" 2>/dev/null || true; fi
}
trap cleanup EXIT

started=$SECONDS
dump="${1:-}"
if [[ -z "$dump" ]]; then
  dump="$work/dump.sql"
  opts=(--single-transaction --quick --routines --triggers --hex-blob --no-tablespaces --default-character-set=utf8mb4)
  # MySQL with GTIDs would write SET @@GLOBAL.GTID_PURGED, which cannot be replayed on the server it came from.
  if mysqldump --help 2>/dev/null | grep -q -- '--set-gtid-purged'; then opts+=(--set-gtid-purged=OFF); fi
  log "dumping $SOURCE_DB from $DB_HOST:$DB_PORT ..."
  mysqldump -h "$DB_HOST" -P "$DB_PORT" -u "$DB_USER" "${opts[@]}" "$SOURCE_DB" > "$dump"
  log "dump: $(du -h "$dump" | cut -f1) in $((SECONDS - started)) s"
fi
[[ -r "$dump" ]] || die "cannot read $dump"
read_dump() { if [[ "$dump" == *.gz ]]; then gzip -dc "$dump"; else cat "$dump"; fi; }

# The rows the dump holds, per table. An INSERT statement runs from `INSERT INTO` to the line ending in ";" (MySQL's
# mysqldump writes it on one line, MariaDB's one row per line). Once the escaped characters and the quoted strings
# are taken out (mysqldump escapes quotes and newlines inside strings), the only parentheses left open the rows.
read_dump | awk '
  /^CREATE TABLE `/ { t = $3; gsub(/`/, "", t); if (!(t in rows)) { rows[t] = 0; order[++n] = t } }
  /^INSERT INTO `/ { t = $3; gsub(/`/, "", t); inside = 1 }
  inside {
    line = $0
    gsub(/\\./, "", line)
    gsub(/\047[^\047]*\047/, "", line)
    sub(/^INSERT INTO .* VALUES ?/, "", line)
    rows[t] += gsub(/\(/, "", line)
    if (line ~ /;[ \t\r]*$/) inside = 0
  }
  END { for (i = 1; i <= n; i++) print order[i] "\t" rows[order[i]] }
' > "$work/expected.tsv"
[[ -s "$work/expected.tsv" ]] || die "no table in $dump"
if read_dump | grep -q '^USE `'; then die "the dump names its database (mysqldump --databases): dump one schema without --databases"; fi

exists="$(sql -e "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = '$SCRATCH_DB'")"
if [[ "$exists" != 0 ]]; then log "dropping the scratch schema $SCRATCH_DB left by an earlier drill"; sql -e "DROP DATABASE \`$SCRATCH_DB\`"; fi
sql -e "CREATE DATABASE \`$SCRATCH_DB\` CHARACTER SET utf8mb4"
restore_start=$SECONDS
log "restoring into $SCRATCH_DB ..."
read_dump | sql "$SCRATCH_DB"
log "restored in $((SECONDS - restore_start)) s"

failed=0
tables=0
rows_total=0
printf '%-40s %12s %12s\n' table dump restored
while IFS=$'\t' read -r table expected; do
  actual="$(sql "$SCRATCH_DB" -e "SELECT COUNT(*) FROM \`$table\`" 2>/dev/null || echo missing)"
  mark=""
  if [[ "$actual" != "$expected" ]]; then mark="  <-- differs"; failed=1; fi
  printf '%-40s %12s %12s%s\n' "$table" "$expected" "$actual" "$mark"
  tables=$((tables + 1))
  [[ "$actual" =~ ^[0-9]+$ ]] && rows_total=$((rows_total + actual))
done < "$work/expected.tsv"

last="$(sql "$SCRATCH_DB" -e "SELECT CONCAT(id, ' (', filename, ', ', dateexecuted, ')') FROM DATABASECHANGELOG ORDER BY orderexecuted DESC LIMIT 1" 2>/dev/null || true)"
log "last migration in the dump: ${last:-none (not a Duban schema?)}"
if [[ "$failed" == 0 ]]; then
  log "OK: $tables tables, $rows_total rows restored and counted in $((SECONDS - started)) s"
else
  log "FAILED: some tables differ from the dump"
fi
[[ "${KEEP:-}" == 1 ]] && log "kept $SCRATCH_DB (KEEP=1): drop it with DROP DATABASE \`$SCRATCH_DB\`"
exit "$failed"
