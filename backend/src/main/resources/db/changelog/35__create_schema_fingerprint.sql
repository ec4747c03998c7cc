--liquibase formatted sql

--changeset duban:35-schema-fingerprint
-- Start-up (issue 11): the fingerprint of the packaged change log the schema was last brought up to date with, and how
-- many rows DATABASECHANGELOG held then. An instance whose packaged change log has the same fingerprint, on a schema
-- whose DATABASECHANGELOG still holds that many rows, skips Liquibase (common/schema/SchemaMigration): parsing the
-- change log and reading DATABASECHANGELOG twice cost ~15 % of a start's main thread on the province schema.
create table schema_fingerprint (
    id           tinyint      not null primary key,
    fingerprint  char(64)     not null,
    changesets   int          not null,
    recorded_at  datetime(6)  not null
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;
