--liquibase formatted sql

--changeset duban:33-webhook-delivery-leased-by
-- Which instance ("pid@host", as in job_run.instance) holds a delivery's current lease: when an instance dies while
-- sending, the operator (and the cluster drill, ClusterTakeoverE2E) sees whose lease another instance took over.
alter table webhook_delivery add column leased_by varchar(190);
