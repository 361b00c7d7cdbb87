-- Optimistic locking: an ingest batch must not write back a device that was revoked or re-provisioned
-- while it ran.
alter table device add column version bigint not null default 0;
