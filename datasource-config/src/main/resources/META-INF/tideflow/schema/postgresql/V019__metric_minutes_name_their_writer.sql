-- Tideflow schema, version 19 on PostgreSQL (18 on Derby): each node rewrites the minute it is in every flush, so that
-- a killed node loses seconds of metric history, not the minute. The rows of an open minute are replaced by the node
-- start that wrote them (writer), never by a later start of the same node id, whose counts begin at zero again.
ALTER TABLE metrics ADD COLUMN writer VARCHAR(36);

-- The figures per task type (metric types 'type.*': started, completed, failed, retried, wait, run) beside each
-- group's, so that the performance analyzer finds which types got slower; NULL on a group's own rows.
ALTER TABLE metrics ADD COLUMN task_type VARCHAR(200);
