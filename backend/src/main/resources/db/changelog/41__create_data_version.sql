--liquibase formatted sql

--changeset duban:41-data-version
-- One number that every committed change to the records moves (common/persistence/DataVersion): the heavy read-only
-- pages (the year's assessment, every plan's dashboard) keep their last answer and give it again while this number
-- has not moved, on whichever instance the change was made (issue 11).
create table data_version (
    id tinyint not null primary key,
    version bigint not null
);
insert into data_version (id, version) values (1, 0);
