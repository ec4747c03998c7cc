#!/bin/bash
# Run once by the MySQL image on an empty data volume: a database and a user for each of Duban and Keycloak,
# each user limited to its own database. Passwords from the environment (compose.yaml, .env).
set -euo pipefail
: "${DUBAN_DB_PASSWORD:?}" "${KC_DB_PASSWORD:?}"
MYSQL_PWD="$MYSQL_ROOT_PASSWORD" mysql -uroot <<SQL
CREATE DATABASE IF NOT EXISTS duban CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
CREATE DATABASE IF NOT EXISTS keycloak CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
CREATE USER IF NOT EXISTS 'duban'@'%' IDENTIFIED BY '${DUBAN_DB_PASSWORD}';
CREATE USER IF NOT EXISTS 'keycloak'@'%' IDENTIFIED BY '${KC_DB_PASSWORD}';
GRANT ALL PRIVILEGES ON duban.* TO 'duban'@'%';
GRANT ALL PRIVILEGES ON keycloak.* TO 'keycloak'@'%';
SQL
