-- Run once as an administrator on the external MySQL 8.4 (managed service or InnoDB Cluster) before the first
-- start of Duban and Keycloak. Replace both CHANGE-ME with secrets of your own (openssl rand -hex 24).
--   mysql -h <primary> -u <admin> -p < deploy/kubernetes/mysql/prepare.sql
CREATE DATABASE IF NOT EXISTS duban CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
CREATE DATABASE IF NOT EXISTS keycloak CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
CREATE USER IF NOT EXISTS 'duban'@'%' IDENTIFIED BY 'CHANGE-ME';
CREATE USER IF NOT EXISTS 'keycloak'@'%' IDENTIFIED BY 'CHANGE-ME';
GRANT ALL PRIVILEGES ON duban.* TO 'duban'@'%';
GRANT ALL PRIVILEGES ON keycloak.* TO 'keycloak'@'%';

-- Group Replication (InnoDB Cluster) refuses rows in a table without a primary key, and Liquibase creates its
-- DATABASECHANGELOG without one (liquibase/liquibase#1918; Keycloak hits it too, keycloak/keycloak#38602): the
-- first start fails with "The table does not comply with the requirements by an external plugin". Liquibase uses
-- the table when it already exists, so create it first, with a key. Harmless on a server without replication.
CREATE TABLE IF NOT EXISTS duban.DATABASECHANGELOG (
  ID varchar(255) NOT NULL, AUTHOR varchar(255) NOT NULL, FILENAME varchar(255) NOT NULL,
  DATEEXECUTED datetime NOT NULL, ORDEREXECUTED int NOT NULL, EXECTYPE varchar(10) NOT NULL,
  MD5SUM varchar(35) NULL, DESCRIPTION varchar(255) NULL, COMMENTS varchar(255) NULL, TAG varchar(255) NULL,
  LIQUIBASE varchar(20) NULL, CONTEXTS varchar(255) NULL, LABELS varchar(255) NULL, DEPLOYMENT_ID varchar(10) NULL,
  PRIMARY KEY (ID, AUTHOR, FILENAME)
);
CREATE TABLE IF NOT EXISTS keycloak.DATABASECHANGELOG LIKE duban.DATABASECHANGELOG;
