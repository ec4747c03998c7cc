#!/usr/bin/env bash
# Nightly backup of the Compose installation: both databases (Duban's data, Keycloak's users and realm) dumped
# from the mysql service into ./backups, compressed, kept $KEEP_DAYS days. Run from cron on the host, e.g.
#   15 2 * * *  cd /opt/duban/deploy/compose && ./backup.sh >> backups/backup.log 2>&1
# A consistent dump without locking the tables (--single-transaction: every Duban and Keycloak table is InnoDB).
# Try each dump now and then with restore-drill.sh (deploy/README.md, "Backup and restore").
set -euo pipefail
cd "$(dirname "$0")"
COMPOSE="${COMPOSE:-docker compose}"
KEEP_DAYS="${KEEP_DAYS:-14}"
stamp="$(date +%Y-%m-%dT%H%M)"
mkdir -p backups

for db in duban keycloak; do
  out="backups/$db-$stamp.sql.gz"
  # The password stays inside the container (MYSQL_ROOT_PASSWORD of the mysql service), never on a command line.
  $COMPOSE exec -T mysql bash -c 'MYSQL_PWD="$MYSQL_ROOT_PASSWORD" exec mysqldump -u root --single-transaction --quick \
      --routines --triggers --hex-blob --no-tablespaces --set-gtid-purged=OFF --default-character-set=utf8mb4 "$1"' _ "$db" \
    | gzip > "$out.part"
  mv "$out.part" "$out"
  echo "$(date -Is) $out $(du -h "$out" | cut -f1)"
done
find backups -name '*.sql.gz' -mtime +"$KEEP_DAYS" -delete
