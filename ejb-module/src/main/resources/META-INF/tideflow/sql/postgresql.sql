-- The statements that differ on PostgreSQL (see common.sql for the format). A claim is one statement: the due rows
-- are picked and locked with FOR UPDATE SKIP LOCKED, so claimers on any number of nodes pass over each other's rows
-- instead of waiting, and the update returns what it took; the same statement writes each claimed task's history row from
-- the update's answer (tasks is not read again, and the claim is one round trip). Lists are one array parameter (= ANY(?)); ids are cast
-- to the column's type so that the primary key's index serves them.

-- name: claim.due
-- Transition.CLAIM: owner, token, lease expiry, now, now, the types this node runs, limit. Unrestricted groups only:
-- those without a row that limits or pauses them.
WITH claimed AS (
    UPDATE tasks SET state = 'RUNNING', lease_owner = ?, lease_token = ?, lease_expires_at = ?,
                     attempts = attempts + 1, updated_at = ?
    WHERE id IN (SELECT id FROM tasks
                 WHERE state = 'PENDING' AND run_at <= ? AND type = ANY(?)
                   AND resource_group NOT IN (SELECT name FROM resource_groups
                                              WHERE paused = 1 OR breaker = 1 OR max_concurrent IS NOT NULL
                                                 OR max_concurrent_cluster IS NOT NULL OR rate_permits IS NOT NULL)
                 ORDER BY priority DESC, id LIMIT ? FOR UPDATE SKIP LOCKED)
    RETURNING id, type, resource_group, payload, attempts, max_attempts, run_at, priority, updated_at, lease_owner
), history AS (
    INSERT INTO task_events (task_id, seq, from_state, to_state, occurred_at, node, attempt)
    SELECT id, (SELECT COUNT(*) FROM task_events e WHERE e.task_id = claimed.id), 'PENDING', 'RUNNING', updated_at,
           lease_owner, attempts
    FROM claimed
)
SELECT id, type, resource_group, payload, attempts, max_attempts, run_at, priority FROM claimed;

-- name: claim.dueInGroup
-- owner, token, lease expiry, now, now, group, limit; any type (a worker that runs whatever the group holds)
WITH claimed AS (
    UPDATE tasks SET state = 'RUNNING', lease_owner = ?, lease_token = ?, lease_expires_at = ?,
                     attempts = attempts + 1, updated_at = ?
    WHERE id IN (SELECT id FROM tasks
                 WHERE state = 'PENDING' AND run_at <= ? AND resource_group = ?
                 ORDER BY priority DESC, id LIMIT ? FOR UPDATE SKIP LOCKED)
    RETURNING id, type, resource_group, payload, attempts, max_attempts, run_at, priority, updated_at, lease_owner
), history AS (
    INSERT INTO task_events (task_id, seq, from_state, to_state, occurred_at, node, attempt)
    SELECT id, (SELECT COUNT(*) FROM task_events e WHERE e.task_id = claimed.id), 'PENDING', 'RUNNING', updated_at,
           lease_owner, attempts
    FROM claimed
)
SELECT id, type, resource_group, payload, attempts, max_attempts, run_at, priority FROM claimed;

-- name: claim.dueOfTypesInGroup
-- owner, token, lease expiry, now, now, group, the types wanted, limit
WITH claimed AS (
    UPDATE tasks SET state = 'RUNNING', lease_owner = ?, lease_token = ?, lease_expires_at = ?,
                     attempts = attempts + 1, updated_at = ?
    WHERE id IN (SELECT id FROM tasks
                 WHERE state = 'PENDING' AND run_at <= ? AND resource_group = ? AND type = ANY(?)
                 ORDER BY priority DESC, id LIMIT ? FOR UPDATE SKIP LOCKED)
    RETURNING id, type, resource_group, payload, attempts, max_attempts, run_at, priority, updated_at, lease_owner
), history AS (
    INSERT INTO task_events (task_id, seq, from_state, to_state, occurred_at, node, attempt)
    SELECT id, (SELECT COUNT(*) FROM task_events e WHERE e.task_id = claimed.id), 'PENDING', 'RUNNING', updated_at,
           lease_owner, attempts
    FROM claimed
)
SELECT id, type, resource_group, payload, attempts, max_attempts, run_at, priority FROM claimed;

-- name: claim.dueFromGroups
-- owner, token, lease expiry, now, the groups, how many from each (as text), now, the types this node runs. Each
-- group's next due tasks in its own order (priority, then id), all groups in one statement; the caller has decided
-- how many each may start (its fair share).
WITH claimed AS (
    UPDATE tasks SET state = 'RUNNING', lease_owner = ?, lease_token = ?, lease_expires_at = ?,
                     attempts = attempts + 1, updated_at = ?
    WHERE id IN (SELECT picked.id
                 FROM unnest(CAST(? AS VARCHAR(100)[]), CAST(? AS INTEGER[])) AS wanted(resource_group, how_many)
                 CROSS JOIN LATERAL (SELECT id FROM tasks
                                     WHERE state = 'PENDING' AND run_at <= ? AND resource_group = wanted.resource_group
                                       AND type = ANY(?)
                                     ORDER BY priority DESC, id LIMIT wanted.how_many FOR UPDATE SKIP LOCKED) picked)
    RETURNING id, type, resource_group, payload, attempts, max_attempts, run_at, priority, updated_at, lease_owner
), history AS (
    INSERT INTO task_events (task_id, seq, from_state, to_state, occurred_at, node, attempt)
    SELECT id, (SELECT COUNT(*) FROM task_events e WHERE e.task_id = claimed.id), 'PENDING', 'RUNNING', updated_at,
           lease_owner, attempts
    FROM claimed
)
SELECT id, type, resource_group, payload, attempts, max_attempts, run_at, priority FROM claimed;

-- name: transition.completeWithRecords
-- Transition.COMPLETE with its result row (when the handler returned one) and its history row in one statement, so
-- that a transactional handler's commit per task pays one round trip for the engine's writes: execution ms, now, id,
-- token, result, node, attempt. Returns 1 when the token was still the task's, 0 when it was stale (and nothing was
-- written).
WITH done AS (
    UPDATE tasks SET state = 'COMPLETED', lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL,
                     cancel_requested = 0, execution_ms = ?, updated_at = ?
    WHERE id = CAST(? AS CHAR(36)) AND state = 'RUNNING' AND lease_token = ?
    RETURNING id, updated_at
), result AS (
    INSERT INTO task_results (task_id, result, created_at)
    SELECT id, given.result, updated_at FROM done, (SELECT CAST(? AS TEXT) AS result) given
    WHERE given.result IS NOT NULL
), event AS (
    INSERT INTO task_events (task_id, seq, from_state, to_state, occurred_at, node, attempt, detail)
    SELECT id, (SELECT COUNT(*) FROM task_events e WHERE e.task_id = done.id), 'RUNNING', 'COMPLETED', updated_at,
           CAST(? AS VARCHAR(200)), CAST(? AS INTEGER), NULL
    FROM done
)
SELECT COUNT(*) FROM done;

-- name: task.insertWithRecord
-- Transition.ENQUEUE with its first history row in one statement, so that an enqueue of one task pays one round trip
-- for the engine's two writes: the parameters of task.insert, then node, detail
WITH inserted AS (
    INSERT INTO tasks (id, type, resource_group, payload, state, priority, run_at, created_at, updated_at, attempts,
                       max_attempts, idempotency_key, requeued_from)
    VALUES (?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, 0, ?, ?, ?)
    RETURNING id, created_at
)
INSERT INTO task_events (task_id, seq, from_state, to_state, occurred_at, node, attempt, detail)
SELECT id, 0, NULL, 'PENDING', created_at, CAST(? AS VARCHAR(200)), 0, CAST(? AS VARCHAR(4000)) FROM inserted;

-- name: task.cancelRequestedAmong
SELECT id FROM tasks WHERE cancel_requested = 1 AND state = 'RUNNING' AND id = ANY(CAST(? AS CHAR(36)[]));

-- name: task.groupsWithDueTasks
-- now, groups
SELECT DISTINCT resource_group FROM tasks WHERE state = 'PENDING' AND run_at <= ? AND resource_group = ANY(?);

-- name: group.depthInStates
SELECT resource_group, state, COUNT(*) FROM tasks WHERE state = ANY(?) GROUP BY resource_group, state;

-- name: wakeup.announce
-- sent when the connection's transaction commits; the notification carries nothing
NOTIFY tideflow_due;

-- name: wakeup.listen
LISTEN tideflow_due;

-- name: wakeup.unlisten
-- before the listening connection goes back to the pool
UNLISTEN tideflow_due;

-- name: wakeup.probe
-- is the server still there? A listening connection only reads, and a vanished server would never be noticed
SELECT 1;

-- ---------------------------------------------------------------------------------------------------------------
-- Inserts that a unique key may refuse (SqlRunner.insertIfAbsent): a failed statement would end the transaction
-- here, so a row that is already there (or being inserted by a concurrent transaction, which this one waits for)
-- makes the insert change nothing instead.

-- name: task.insertIfAbsent
-- Transition.ENQUEUE for a task with an idempotency key or a requeued dead letter, both unique; parameters as
-- task.insert
INSERT INTO tasks (id, type, resource_group, payload, state, priority, run_at, created_at, updated_at, attempts,
                   max_attempts, idempotency_key, requeued_from)
VALUES (?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, 0, ?, ?, ?)
ON CONFLICT DO NOTHING;

-- name: task.idsByIdempotencyKeys
-- after a batch of task.insertIfAbsent (PostgresStoreDialect.insertKeyed): who holds each key, ours or another's
SELECT idempotency_key, id FROM tasks WHERE idempotency_key = ANY(CAST(? AS VARCHAR(200)[]));

-- name: group.insertIfAbsent
-- a new bucket starts full: the first period may use all its permits
INSERT INTO resource_groups (name, paused, max_concurrent, max_concurrent_cluster, rate_permits, rate_period_ms,
                             rate_tokens, rate_refilled_at, limits_from_api, updated_at, breaker)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT DO NOTHING;

-- name: schedule.insertIfAbsent
-- name, type, payload, group, priority, cron, zone, misfire, catch_up_limit, origin, next_fire_at, created_at, updated_at
INSERT INTO recurring_schedules (name, task_type, payload, resource_group, priority, cron, zone, misfire, catch_up_limit,
                                 origin, paused, next_fire_at, fired_count, version, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 0, 1, ?, ?)
ON CONFLICT DO NOTHING;

-- name: task.purge
-- deletes tasks still in the state they were chosen in (their result goes with them: ON DELETE CASCADE; their
-- history is event.purgeOfGoneTasks's); state, ids
DELETE FROM tasks WHERE state = ? AND id = ANY(CAST(? AS CHAR(36)[]));

-- name: event.purgeOfGoneTasks
-- the history of those of these tasks that task.purge deleted (task_events has no foreign key, schema V022): ids
DELETE FROM task_events
WHERE task_id = ANY(CAST(? AS CHAR(36)[])) AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.id = task_events.task_id);

-- name: clock.now
-- the database's clock in epoch milliseconds, to measure this node's skew against (clock_timestamp(): now, not the
-- transaction's start)
SELECT CAST(FLOOR(EXTRACT(EPOCH FROM clock_timestamp()) * 1000) AS BIGINT);

-- name: delivery.insertIfAbsent
-- an alert's raise or clear, for the webhook, once (alert_deliveries_uk): alert id, event, body, now, first attempt
INSERT INTO alert_deliveries (alert_id, event, body, created_at, attempts, next_attempt_at)
VALUES (?, ?, ?, ?, 0, ?)
ON CONFLICT DO NOTHING;

-- name: jberet.indexJobExecutions
-- JBeret creates its PostgreSQL tables without indexes on their foreign keys (Derby makes them itself): its lookups of
-- an instance's executions and an execution's steps, and the cascades of the executions' retention, would scan
CREATE INDEX IF NOT EXISTS tideflow_job_execution_instance_ix ON JOB_EXECUTION (JOBINSTANCEID);

-- name: jberet.indexStepExecutions
CREATE INDEX IF NOT EXISTS tideflow_step_execution_execution_ix ON STEP_EXECUTION (JOBEXECUTIONID);

-- name: jberet.indexPartitionExecutions
CREATE INDEX IF NOT EXISTS tideflow_partition_execution_step_ix ON PARTITION_EXECUTION (STEPEXECUTIONID);
