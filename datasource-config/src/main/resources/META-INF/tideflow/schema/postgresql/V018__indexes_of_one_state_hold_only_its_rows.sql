-- Tideflow schema, version 18 (PostgreSQL only): the indexes of tasks that serve one state hold only the rows in that
-- state. PostgreSQL writes an entry into every index of a table whose row it updates outside a HOT update, and a
-- change of state is never one (state is indexed); a partial index takes an entry only when the new row is in its
-- state. A completion (RUNNING -> COMPLETED) now writes 3 index entries instead of 10, a claim 4 instead of 10, an
-- enqueue 6 instead of 10. The queries name the state as a literal, as the partial indexes require.
ALTER TABLE tasks DROP CONSTRAINT tasks_idempotency_uk;
CREATE UNIQUE INDEX tasks_idempotency_uk ON tasks (idempotency_key) WHERE idempotency_key IS NOT NULL;
ALTER TABLE tasks DROP CONSTRAINT tasks_requeued_from_uk;
CREATE UNIQUE INDEX tasks_requeued_from_uk ON tasks (requeued_from) WHERE requeued_from IS NOT NULL;
DROP INDEX tasks_claim_ix;
CREATE INDEX tasks_pending_claim_ix ON tasks (priority DESC, id) WHERE state = 'PENDING';
DROP INDEX tasks_group_claim_ix;
CREATE INDEX tasks_pending_group_claim_ix ON tasks (resource_group, priority DESC, id) WHERE state = 'PENDING';
DROP INDEX tasks_state_run_at_group_ix;
CREATE INDEX tasks_due_run_at_ix ON tasks (state, run_at) INCLUDE (resource_group) WHERE state IN ('PENDING', 'FAILED');
DROP INDEX tasks_state_lease_ix;
DROP INDEX tasks_state_owner_group_ix;
CREATE INDEX tasks_running_ix ON tasks (lease_owner, lease_expires_at) INCLUDE (resource_group) WHERE state = 'RUNNING';
