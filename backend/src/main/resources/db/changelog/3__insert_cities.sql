--liquibase formatted sql

--changeset duban:3-cities
insert into city (code, name) values ('CS', '长沙市'), ('ZZ', '株洲市'), ('XT', '湘潭市');
