-- Every statement Tideflow runs that is the same on Derby and PostgreSQL. A statement starts at its '-- name:' line;
-- derby.sql and postgresql.sql hold those that differ. Parameters are JDBC markers, bound in the order they appear;
-- ?[n] is a list of n markers (Derby has no arrays). Times are epoch milliseconds.
--
-- A state written here as a literal is a Transition's (io.tideflow.queue.model.Transition): the store checks at
-- startup that each 'transition.*' statement leaves the state the transition leaves, enters the one it enters, and
-- is fenced on the lease token exactly when the transition is.

-- ---------------------------------------------------------------------------------------------------------------
-- tasks: enqueue (Transition.ENQUEUE, no state -> PENDING) and its first history row

-- name: task.insert
-- id, type, group, payload, priority, run_at, created_at, updated_at, max_attempts, idempotency_key, requeued_from
INSERT INTO tasks (id, type, resource_group, payload, state, priority, run_at, created_at, updated_at, attempts,
                   max_attempts, idempotency_key, requeued_from)
VALUES (?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, 0, ?, ?, ?);

-- name: task.insertWaiting
-- Transition.ENQUEUE_WAITING: a workflow step with predecessors; parameters as task.insert
INSERT INTO tasks (id, type, resource_group, payload, state, priority, run_at, created_at, updated_at, attempts,
                   max_attempts, idempotency_key, requeued_from)
VALUES (?, ?, ?, ?, 'WAITING', ?, ?, ?, ?, 0, ?, ?, ?);

-- name: event.appendEnqueuedWaiting
-- task id, occurred_at, node, detail
INSERT INTO task_events (task_id, seq, from_state, to_state, occurred_at, node, attempt, detail)
VALUES (?, 0, NULL, 'WAITING', ?, ?, 0, ?);

-- name: event.appendEnqueued
-- task id, occurred_at, node, detail
INSERT INTO task_events (task_id, seq, from_state, to_state, occurred_at, node, attempt, detail)
VALUES (?, 0, NULL, 'PENDING', ?, ?, 0, ?);

-- name: task.idByIdempotencyKey
SELECT id FROM tasks WHERE idempotency_key = ?;

-- name: task.idRequeuedFrom
SELECT id FROM tasks WHERE requeued_from = ?;

-- ---------------------------------------------------------------------------------------------------------------
-- tasks: the conditional update of each Transition that changes one known task. Parameters: the transition's own
-- values, the time of the change, the task id, the lease token (fenced ones), then the guard's values.

-- name: transition.complete
-- execution ms, now, id, token
UPDATE tasks SET state = 'COMPLETED', lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL,
                 cancel_requested = 0, execution_ms = ?, updated_at = ?
WHERE id = ? AND state = 'RUNNING' AND lease_token = ?;

-- name: transition.fail
-- last_error, run_at of the retry, now, id, token
UPDATE tasks SET state = 'FAILED', lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL,
                 cancel_requested = 0, last_error = ?, run_at = ?, updated_at = ?
WHERE id = ? AND state = 'RUNNING' AND lease_token = ?;

-- name: transition.rescue
-- last_error, run_at of the retry, now, id, token, expired before: a heartbeat that came first wins
UPDATE tasks SET state = 'FAILED', lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL,
                 cancel_requested = 0, last_error = ?, run_at = ?, updated_at = ?
WHERE id = ? AND state = 'RUNNING' AND lease_token = ? AND lease_expires_at < ?;

-- name: transition.deadLetterFailed
UPDATE tasks SET state = 'DEAD_LETTER', updated_at = ? WHERE id = ? AND state = 'FAILED';

-- name: transition.promote
-- now, id, now: only a retry whose time has come and that has attempts left
UPDATE tasks SET state = 'PENDING', updated_at = ?
WHERE id = ? AND state = 'FAILED' AND run_at <= ? AND attempts < max_attempts;

-- name: transition.cancelPending
UPDATE tasks SET state = 'CANCELLED', updated_at = ? WHERE id = ? AND state = 'PENDING';

-- name: transition.cancelRetry
UPDATE tasks SET state = 'CANCELLED', updated_at = ? WHERE id = ? AND state = 'FAILED';

-- name: transition.cancelRunning
UPDATE tasks SET state = 'CANCELLED', lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL,
                 cancel_requested = 0, updated_at = ?
WHERE id = ? AND state = 'RUNNING' AND lease_token = ?;

-- name: transition.release
-- a task given back has not used its attempt
UPDATE tasks SET state = 'PENDING', lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL,
                 cancel_requested = 0, attempts = attempts - 1, updated_at = ?
WHERE id = ? AND state = 'RUNNING' AND lease_token = ?;

-- name: transition.defer
-- run_at, now, id, token; the attempt is not counted either
UPDATE tasks SET state = 'PENDING', lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL,
                 cancel_requested = 0, attempts = attempts - 1, run_at = ?, updated_at = ?
WHERE id = ? AND state = 'RUNNING' AND lease_token = ?;

-- name: transition.releaseWaiting
-- run_at (now), now, id, id: only while no predecessor holds it back (one not ended, or one that ended DEAD_LETTER or
-- CANCELLED where the step does not run anyway); a predecessor purged long ago holds nothing back
UPDATE tasks SET state = 'PENDING', run_at = ?, updated_at = ?
WHERE id = ? AND state = 'WAITING' AND NOT EXISTS (
    SELECT 1 FROM task_dependencies d JOIN tasks p ON p.id = d.depends_on
    WHERE d.task_id = ? AND p.state NOT IN ('COMPLETED', 'ARCHIVED')
      AND NOT (d.on_failure = 'RUN' AND p.state IN ('DEAD_LETTER', 'CANCELLED')));

-- name: transition.cancelWaiting
-- last_error (why), now, id
UPDATE tasks SET state = 'CANCELLED', last_error = ?, updated_at = ? WHERE id = ? AND state = 'WAITING';

-- name: transition.archiveCompleted
UPDATE tasks SET state = 'ARCHIVED', updated_at = ? WHERE id = ? AND state = 'COMPLETED';

-- name: transition.archiveCancelled
UPDATE tasks SET state = 'ARCHIVED', updated_at = ? WHERE id = ? AND state = 'CANCELLED';

-- ---------------------------------------------------------------------------------------------------------------
-- tasks: what the transitions need to find their tasks, and what is not a change of state

-- name: task.groupsHoldingTasks
SELECT DISTINCT resource_group FROM tasks;

-- name: task.groupsDue
-- now; the first rows only (max rows)
SELECT DISTINCT resource_group FROM tasks WHERE state = 'PENDING' AND run_at <= ?;

-- name: task.dueRetries
-- now; the first rows only (max rows)
SELECT id, attempts FROM tasks
WHERE state = 'FAILED' AND run_at <= ? AND attempts < max_attempts
ORDER BY run_at;

-- name: task.requestCancel
-- not a change of state: the running attempt's lease keeper sees the flag
UPDATE tasks SET cancel_requested = 1, updated_at = ? WHERE id = ? AND state = 'RUNNING';

-- name: task.heartbeat
-- new expiry, id, token
UPDATE tasks SET lease_expires_at = ? WHERE id = ? AND state = 'RUNNING' AND lease_token = ?;

-- name: task.expiredLeases
SELECT id, type, resource_group, lease_owner, lease_token, lease_expires_at, attempts, max_attempts
FROM tasks WHERE state = 'RUNNING' AND lease_expires_at < ?
ORDER BY lease_expires_at;

-- name: task.heldBy
SELECT id, type, resource_group, lease_owner, lease_token, lease_expires_at, attempts, max_attempts
FROM tasks WHERE state = 'RUNNING' AND lease_owner = ?;

-- name: task.finishedBefore
-- the archive's candidates: finished before the given time
SELECT id, type, resource_group, state, attempts FROM tasks
WHERE state IN ('COMPLETED', 'CANCELLED') AND updated_at < ?;

-- name: task.purgeable
-- the purge's candidates: in the given state (ARCHIVED or DEAD_LETTER) since before the given time
SELECT id FROM tasks WHERE state = ? AND updated_at < ?;

-- name: task.groupsWithDueTasksOfType
-- where a batchable type's chunk job has work: now, type. A paused group has none: an execution started for it would
-- claim nothing, end, and be started again at the launcher's next look, for as long as the group stays paused.
SELECT DISTINCT resource_group FROM tasks
WHERE state = 'PENDING' AND run_at <= ? AND type = ?
  AND resource_group NOT IN (SELECT name FROM resource_groups WHERE paused = 1);

-- name: task.page
-- newest first, each filter optional (NULL: any): state, the keyset "ids before this one", type, group, created
-- from, created before, idempotency key; then how many. The limit is in the statement, not only the driver's maximum
-- row count, so that PostgreSQL plans a walk down the primary key that stops there instead of sorting every task.
SELECT id, type, resource_group, state, priority, attempts, max_attempts, run_at, created_at, updated_at,
       last_error, cancel_requested, requeued_from
FROM tasks
WHERE (CAST(? AS VARCHAR(16)) IS NULL OR state = ?)
  AND (CAST(? AS CHAR(36)) IS NULL OR id < ?)
  AND (CAST(? AS VARCHAR(200)) IS NULL OR type = ?)
  AND (CAST(? AS VARCHAR(100)) IS NULL OR resource_group = ?)
  AND (CAST(? AS BIGINT) IS NULL OR created_at >= ?)
  AND (CAST(? AS BIGINT) IS NULL OR created_at < ?)
  AND (CAST(? AS VARCHAR(200)) IS NULL OR idempotency_key = ?)
ORDER BY id DESC
FETCH FIRST ? ROWS ONLY;

-- name: task.pageOfStateByChange
-- the tasks of one state, most recently changed first, down the index on (state, updated_at, id) from the keyset
-- (changed before, or at the same time with a smaller id); the other filters as in task.page. A list by last change
-- over every state merges one such page per state, each a short walk of the index.
-- state, cursor updated_at (3x), cursor id, type (2x), group (2x), created from (2x), created before (2x), key (2x),
-- how many
SELECT id, type, resource_group, state, priority, attempts, max_attempts, run_at, created_at, updated_at,
       last_error, cancel_requested, requeued_from
FROM tasks
WHERE state = ?
  AND (CAST(? AS BIGINT) IS NULL OR updated_at < ? OR (updated_at = ? AND id < ?))
  AND (CAST(? AS VARCHAR(200)) IS NULL OR type = ?)
  AND (CAST(? AS VARCHAR(100)) IS NULL OR resource_group = ?)
  AND (CAST(? AS BIGINT) IS NULL OR created_at >= ?)
  AND (CAST(? AS BIGINT) IS NULL OR created_at < ?)
  AND (CAST(? AS VARCHAR(200)) IS NULL OR idempotency_key = ?)
ORDER BY updated_at DESC, id DESC
FETCH FIRST ? ROWS ONLY;

-- ---------------------------------------------------------------------------------------------------------------
-- results and history

-- name: result.insert
-- task id, result, created_at; only for a handler that returned a result
INSERT INTO task_results (task_id, result, created_at) VALUES (?, ?, ?);

-- name: event.append
-- task id, from, to, occurred_at, node, attempt, detail, task id. The place in the task's history is counted: the
-- transition already holds the task row's lock, so the count is safe.
INSERT INTO task_events (task_id, seq, from_state, to_state, occurred_at, node, attempt, detail)
SELECT CAST(? AS CHAR(36)), COUNT(*), CAST(? AS VARCHAR(16)), CAST(? AS VARCHAR(16)), CAST(? AS BIGINT),
       CAST(? AS VARCHAR(200)), CAST(? AS INTEGER), CAST(? AS VARCHAR(4000))
FROM task_events WHERE task_id = ?;

-- name: event.appendCompleted
-- Transition.COMPLETE, for the batched completion: task id, occurred_at, node, attempt, task id
INSERT INTO task_events (task_id, seq, from_state, to_state, occurred_at, node, attempt, detail)
SELECT CAST(? AS CHAR(36)), COUNT(*), 'RUNNING', 'COMPLETED', CAST(? AS BIGINT), CAST(? AS VARCHAR(200)),
       CAST(? AS INTEGER), CAST(NULL AS VARCHAR(4000))
FROM task_events WHERE task_id = ?;

-- name: event.ofTask
SELECT from_state, to_state, occurred_at, node, attempt, detail FROM task_events WHERE task_id = ? ORDER BY seq;

-- ---------------------------------------------------------------------------------------------------------------
-- nodes

-- name: node.beat
-- last_seen, running, workers, started_at, node
UPDATE tideflow_nodes SET last_seen = ?, running = ?, workers = ?, started_at = ? WHERE node_id = ?;

-- name: node.join
-- node, started_at, last_seen, running, workers
INSERT INTO tideflow_nodes (node_id, started_at, last_seen, running, workers) VALUES (?, ?, ?, ?, ?);

-- name: node.all
SELECT node_id, started_at, last_seen, running, workers FROM tideflow_nodes ORDER BY node_id;

-- name: node.leave
-- node
DELETE FROM tideflow_nodes WHERE node_id = ?;

-- ---------------------------------------------------------------------------------------------------------------
-- resource groups

-- name: group.all
SELECT name, paused, max_concurrent, max_concurrent_cluster, rate_permits, rate_period_ms, rate_tokens,
       rate_refilled_at, limits_from_api, updated_at, breaker
FROM resource_groups ORDER BY name;

-- name: group.find
SELECT name, paused, max_concurrent, max_concurrent_cluster, rate_permits, rate_period_ms, rate_tokens,
       rate_refilled_at, limits_from_api, updated_at, breaker
FROM resource_groups WHERE name = ?;

-- name: group.lock
-- locks the group's row until the transaction ends: claims of one group take turns across all nodes
UPDATE resource_groups SET rate_refilled_at = rate_refilled_at WHERE name = ?;

-- name: group.runningHere
SELECT COUNT(*) FROM tasks WHERE resource_group = ? AND state = 'RUNNING' AND lease_owner = ?;

-- name: group.running
SELECT COUNT(*) FROM tasks WHERE resource_group = ? AND state = 'RUNNING';

-- name: group.spendTokens
UPDATE resource_groups SET rate_tokens = ?, rate_refilled_at = ? WHERE name = ?;

-- name: group.setLimits
-- an operator's limits: they always apply
UPDATE resource_groups SET max_concurrent = ?, max_concurrent_cluster = ?, rate_permits = ?, rate_period_ms = ?,
                           limits_from_api = ?, updated_at = ?
WHERE name = ?;

-- name: group.setConfiguredLimits
-- configuration's limits: only while no operator has set them
UPDATE resource_groups SET max_concurrent = ?, max_concurrent_cluster = ?, rate_permits = ?, rate_period_ms = ?,
                           limits_from_api = ?, updated_at = ?
WHERE name = ? AND limits_from_api = 0;

-- name: group.releaseLimits
UPDATE resource_groups SET limits_from_api = 0, updated_at = ? WHERE name = ?;

-- name: group.setBreaker
UPDATE resource_groups SET breaker = ?, updated_at = ? WHERE name = ?;

-- name: group.setPaused
-- paused, now, group, the opposite of paused
UPDATE resource_groups SET paused = ?, updated_at = ? WHERE name = ? AND paused = ?;

-- name: group.depth
SELECT resource_group, state, COUNT(*) FROM tasks GROUP BY resource_group, state;

-- name: group.liveDepth
-- the waiting and running tasks only, reached through the state indexes: a poll's worth, however many have finished
SELECT resource_group, state, COUNT(*) FROM tasks WHERE state IN ('WAITING', 'PENDING', 'RUNNING', 'FAILED')
GROUP BY resource_group, state;

-- name: group.liveDepthOf
SELECT resource_group, state, COUNT(*) FROM tasks
WHERE resource_group = ? AND state IN ('WAITING', 'PENDING', 'RUNNING', 'FAILED')
GROUP BY resource_group, state;

-- name: group.oldestDue
SELECT resource_group, MIN(run_at) FROM tasks WHERE state = 'PENDING' AND run_at <= ? GROUP BY resource_group;

-- ---------------------------------------------------------------------------------------------------------------
-- circuit breakers

-- name: breaker.all
SELECT resource_group, state, calls, failure_count, window_started_at, previous_calls, previous_failures,
       last_failure, next_attempt, probes_started, probe_successes, version, updated_at
FROM circuit_breaker_state ORDER BY resource_group;

-- name: breaker.find
SELECT resource_group, state, calls, failure_count, window_started_at, previous_calls, previous_failures,
       last_failure, next_attempt, probes_started, probe_successes, version, updated_at
FROM circuit_breaker_state WHERE resource_group = ?;

-- name: breaker.lock
UPDATE circuit_breaker_state SET version = version WHERE resource_group = ?;

-- name: breaker.replace
-- conditional on the version read, as a guard behind the row lock
UPDATE circuit_breaker_state SET state = ?, calls = ?, failure_count = ?, window_started_at = ?, previous_calls = ?,
                                 previous_failures = ?, last_failure = ?, next_attempt = ?, probes_started = ?,
                                 probe_successes = ?, version = ?, updated_at = ?
WHERE resource_group = ? AND version = ?;

-- name: breaker.insert
INSERT INTO circuit_breaker_state (resource_group, state, calls, failure_count, window_started_at, previous_calls,
                                   previous_failures, last_failure, next_attempt, probes_started, probe_successes,
                                   version, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: breaker.delete
DELETE FROM circuit_breaker_state WHERE resource_group = ?;

-- ---------------------------------------------------------------------------------------------------------------
-- alerts

-- name: alert.raise
-- a second active alert of the same rule and group violates alerts_active_uk: another node raised it first
INSERT INTO alerts (rule_name, kind, resource_group, active_key, raised_at, observed, threshold, message, raised_by)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: alert.clear
UPDATE alerts SET cleared_at = ?, active_key = NULL WHERE id = ? AND active_key = ?;

-- name: alert.active
SELECT id, rule_name, kind, resource_group, raised_at, cleared_at, observed, threshold, message, raised_by
FROM alerts WHERE active_key IS NOT NULL ORDER BY id;

-- name: alert.findActive
SELECT id, rule_name, kind, resource_group, raised_at, cleared_at, observed, threshold, message, raised_by
FROM alerts WHERE active_key = ?;

-- name: alert.newest
SELECT id, rule_name, kind, resource_group, raised_at, cleared_at, observed, threshold, message, raised_by
FROM alerts ORDER BY id DESC;

-- name: groupaction.record
-- group, action, actor, acted_at, detail
INSERT INTO group_actions (group_name, action, actor, acted_at, detail) VALUES (?, ?, ?, ?, ?);

-- name: groupaction.newest
SELECT group_name, action, actor, acted_at, detail FROM group_actions ORDER BY acted_at DESC, id DESC;

-- name: groupaction.newestOfGroup
SELECT group_name, action, actor, acted_at, detail FROM group_actions WHERE group_name = ?
ORDER BY acted_at DESC, id DESC;

-- name: delivery.due
-- the webhook outbox: deliveries whose next attempt is due, oldest due first; now
SELECT id, alert_id, event, body, attempts, next_attempt_at FROM alert_deliveries
WHERE next_attempt_at <= ? ORDER BY next_attempt_at;

-- name: delivery.claim
-- takes one attempt: the next attempt moves to the claim's expiry, unless another node took it first; expiry, id,
-- the next_attempt_at read
UPDATE alert_deliveries SET next_attempt_at = ?, attempts = attempts + 1 WHERE id = ? AND next_attempt_at = ?;

-- name: delivery.delivered
-- now, id, the claim's expiry
UPDATE alert_deliveries SET delivered_at = ?, next_attempt_at = 9223372036854775807, last_error = NULL
WHERE id = ? AND next_attempt_at = ?;

-- name: delivery.failed
-- the next attempt (9223372036854775807: abandoned), the error, id, the claim's expiry
UPDATE alert_deliveries SET next_attempt_at = ?, last_error = ? WHERE id = ? AND next_attempt_at = ?;

-- name: delivery.find
SELECT id, alert_id, event, body, attempts, next_attempt_at, delivered_at, last_error FROM alert_deliveries
WHERE alert_id = ? AND event = ?;

-- name: alert.newestActive
SELECT id, rule_name, kind, resource_group, raised_at, cleared_at, observed, threshold, message, raised_by
FROM alerts WHERE active_key IS NOT NULL ORDER BY id DESC;

-- ---------------------------------------------------------------------------------------------------------------
-- metric history

-- name: metric.insert
INSERT INTO metrics (ts, resolution, resource_group, metric_type, node_id, value, metadata, writer, task_type)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: metric.deleteWritten
-- a node start's rows of the minute it writes again (the open minute, rewritten at every flush)
DELETE FROM metrics WHERE resolution = ? AND ts = ? AND node_id = ? AND writer = ?;

-- name: metric.between
-- resolution, from (inclusive), to (exclusive), group or NULL for all; the groups' and nodes' own figures
SELECT ts, resource_group, metric_type, node_id, value, metadata, writer, task_type FROM metrics
WHERE resolution = ? AND ts >= ? AND ts < ? AND (CAST(? AS VARCHAR(100)) IS NULL OR resource_group = ?)
AND task_type IS NULL
ORDER BY ts;

-- name: metric.figureBetween
-- resolution, from (inclusive), to (exclusive), one figure: every group's and node's rows of it
SELECT ts, resource_group, metric_type, node_id, value, metadata, writer, task_type FROM metrics
WHERE resolution = ? AND ts >= ? AND ts < ? AND metric_type = ? AND task_type IS NULL
ORDER BY ts;

-- name: metric.typesBetween
-- resolution, from (inclusive), to (exclusive): the figures per task type
SELECT ts, resource_group, metric_type, node_id, value, metadata, writer, task_type FROM metrics
WHERE resolution = ? AND ts >= ? AND ts < ? AND task_type IS NOT NULL
ORDER BY ts;

-- name: metric.oldest
SELECT MIN(ts) FROM metrics WHERE resolution = ?;

-- name: metric.rolledUntil
SELECT rolled_until FROM metric_rollups WHERE resolution = ?;

-- name: metric.advanceRollup
-- false when another node moved it first: then that node rolls the range up
UPDATE metric_rollups SET rolled_until = ? WHERE resolution = ? AND rolled_until = ?;

-- name: metric.deleteHoursBetween
-- a restore replaces the hours its backup covers: from (inclusive), to (exclusive)
DELETE FROM metrics WHERE resolution = 'HOUR' AND ts >= ? AND ts < ?;

-- name: metric.rolledAtLeastUntil
-- a restore's hours must not be rolled up again from minute rows: the progress moves to their end, never back
UPDATE metric_rollups SET rolled_until = ? WHERE resolution = 'HOUR' AND rolled_until < ?;

-- name: metric.deleteOlderThan
DELETE FROM metrics WHERE resolution = ? AND ts < ?;

-- ---------------------------------------------------------------------------------------------------------------
-- insights of the performance analyzer

-- name: insight.insert
INSERT INTO insights (computed_at, kind, severity, resource_group, task_type, node_id, observed, baseline, message)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: insight.newestAt
SELECT MAX(computed_at) FROM insights;

-- name: insight.at
SELECT kind, severity, resource_group, task_type, node_id, observed, baseline, message FROM insights
WHERE computed_at = ? ORDER BY id;

-- name: insight.between
-- sets computed from (inclusive) to (exclusive), oldest first
SELECT computed_at, kind, severity, resource_group, task_type, node_id, observed, baseline, message FROM insights
WHERE computed_at >= ? AND computed_at < ? ORDER BY computed_at, id;

-- name: insight.deleteBetween
DELETE FROM insights WHERE computed_at >= ? AND computed_at < ?;

-- name: insight.deleteOlderThan
DELETE FROM insights WHERE computed_at < ?;

-- ---------------------------------------------------------------------------------------------------------------
-- reports. Each filter is optional (NULL: any) and always bound: the text never changes with the filter.

-- name: report.tasks
-- group, type, state, created from (inclusive), created to (exclusive); each value twice
SELECT t.resource_group, t.type, t.state, COUNT(*), AVG(CAST(t.execution_ms AS DOUBLE PRECISION)),
       MAX(t.execution_ms)
FROM tasks t
WHERE (CAST(? AS VARCHAR(100)) IS NULL OR t.resource_group = ?)
  AND (CAST(? AS VARCHAR(200)) IS NULL OR t.type = ?)
  AND (CAST(? AS VARCHAR(16)) IS NULL OR t.state = ?)
  AND (CAST(? AS BIGINT) IS NULL OR t.created_at >= ?)
  AND (CAST(? AS BIGINT) IS NULL OR t.created_at < ?)
GROUP BY t.resource_group, t.type, t.state
ORDER BY t.resource_group, t.type, t.state;

-- name: report.exportChunk
-- the last id of the previous chunk ('' before the first), group, type, state, created from, created before,
-- idempotency key (each value twice), how many. One chunk
-- of an export, in id order: the primary key hands the rows over in that order from where the last chunk stopped, so
-- that the chunks of one export read the table once between them. The result is looked up per row, not joined.
SELECT t.id, t.type, t.resource_group, t.state, t.priority, t.run_at, t.created_at, t.updated_at, t.attempts,
       t.max_attempts, t.last_error, t.payload,
       (SELECT r.result FROM task_results r WHERE r.task_id = t.id), t.execution_ms
FROM tasks t
WHERE t.id > ?
  AND (CAST(? AS VARCHAR(100)) IS NULL OR t.resource_group = ?)
  AND (CAST(? AS VARCHAR(200)) IS NULL OR t.type = ?)
  AND (CAST(? AS VARCHAR(16)) IS NULL OR t.state = ?)
  AND (CAST(? AS BIGINT) IS NULL OR t.created_at >= ?)
  AND (CAST(? AS BIGINT) IS NULL OR t.created_at < ?)
  AND (CAST(? AS VARCHAR(200)) IS NULL OR t.idempotency_key = ?)
ORDER BY t.id
FETCH FIRST ? ROWS ONLY;

-- ---------------------------------------------------------------------------------------------------------------
-- schema migrations (the migration scripts themselves are META-INF/tideflow/schema/<database>/V*.sql)

-- name: schema.createHistory
CREATE TABLE tideflow_schema_history (version INTEGER NOT NULL PRIMARY KEY, script VARCHAR(200) NOT NULL,
                                      checksum CHAR(64) NOT NULL, applied_at BIGINT NOT NULL);

-- name: schema.lockHistory
-- held until the run commits: nodes that start together apply each migration once
LOCK TABLE tideflow_schema_history IN EXCLUSIVE MODE;

-- name: schema.applied
SELECT version, checksum FROM tideflow_schema_history;

-- name: schema.recordApplied
INSERT INTO tideflow_schema_history (version, script, checksum, applied_at) VALUES (?, ?, ?, ?);

-- name: batch.started
-- execution_id, job, task_type, resource_group, node, started_at, restart_of, started_by
INSERT INTO batch_executions (execution_id, job, task_type, resource_group, node, started_at, restart_of, started_by)
VALUES (?, ?, ?, ?, ?, ?, ?, ?);

-- name: batch.claimed
-- execution_id, task_id, claimed_at
INSERT INTO batch_execution_tasks (execution_id, task_id, claimed_at) VALUES (?, ?, ?);

-- name: batch.newest
SELECT execution_id, job, task_type, resource_group, node, started_at, restart_of, started_by FROM batch_executions
ORDER BY execution_id DESC;

-- name: batch.newestBefore
-- execution_id
SELECT execution_id, job, task_type, resource_group, node, started_at, restart_of, started_by FROM batch_executions
WHERE execution_id < ? ORDER BY execution_id DESC;

-- name: batch.one
-- execution_id
SELECT execution_id, job, task_type, resource_group, node, started_at, restart_of, started_by FROM batch_executions
WHERE execution_id = ?;

-- name: batch.tasks
-- the tasks an execution claimed, each once with its state now, in the order first claimed; execution_id
SELECT b.task_id, t.type, t.state, t.attempts, COUNT(*) AS claims, MIN(b.claimed_at) AS first_claim
FROM batch_execution_tasks b JOIN tasks t ON t.id = b.task_id WHERE b.execution_id = ?
GROUP BY b.task_id, t.type, t.state, t.attempts ORDER BY first_claim, b.task_id;

-- name: batch.startedBefore
-- the oldest executions first, for the retention; started_at
SELECT execution_id FROM batch_executions WHERE started_at < ? ORDER BY execution_id;

-- name: batch.forgetTasks
-- execution_id
DELETE FROM batch_execution_tasks WHERE execution_id = ?;

-- name: batch.forget
-- execution_id
DELETE FROM batch_executions WHERE execution_id = ?;

-- name: batch.repositoryInstanceOf
-- the job instance of an execution in JBeret's repository; execution
SELECT JOBINSTANCEID FROM JOB_EXECUTION WHERE JOBEXECUTIONID = ?;

-- name: batch.repositoryForgetExecution
-- only an ended one; its steps and partitions go with it (JBeret's ON DELETE CASCADE); execution
DELETE FROM JOB_EXECUTION WHERE JOBEXECUTIONID = ? AND BATCHSTATUS NOT IN ('STARTING', 'STARTED', 'STOPPING');

-- name: batch.repositoryForgetInstance
-- a job instance none of whose executions is left (a restart is another execution of the same instance); instance,
-- instance
DELETE FROM JOB_INSTANCE WHERE JOBINSTANCEID = ?
AND NOT EXISTS (SELECT 1 FROM JOB_EXECUTION e WHERE e.JOBINSTANCEID = ?);

-- name: batch.leftRunning
-- executions JBeret's job repository (its tables, in this database on WildFly) says are running that no node runs:
-- a node's from before it started again, and those of nodes without a heartbeat since a time;
-- node, node started_at, node, alive since
SELECT b.execution_id FROM batch_executions b JOIN JOB_EXECUTION j ON j.JOBEXECUTIONID = b.execution_id
WHERE j.BATCHSTATUS IN ('STARTING', 'STARTED', 'STOPPING')
AND ((b.node = ? AND b.started_at < ?)
     OR (b.node <> ? AND b.node NOT IN (SELECT n.node_id FROM tideflow_nodes n WHERE n.last_seen >= ?)))
ORDER BY b.execution_id;

-- name: batch.failJob
-- only while the repository still says it runs; exit status, execution
UPDATE JOB_EXECUTION SET BATCHSTATUS = 'FAILED', EXITSTATUS = ?, ENDTIME = CURRENT_TIMESTAMP,
LASTUPDATEDTIME = CURRENT_TIMESTAMP
WHERE JOBEXECUTIONID = ? AND BATCHSTATUS IN ('STARTING', 'STARTED', 'STOPPING');

-- name: batch.failSteps
-- exit status, execution
UPDATE STEP_EXECUTION SET BATCHSTATUS = 'FAILED', EXITSTATUS = ?, ENDTIME = CURRENT_TIMESTAMP
WHERE JOBEXECUTIONID = ? AND BATCHSTATUS IN ('STARTING', 'STARTED', 'STOPPING');

-- name: batch.failPartitions
-- exit status, execution
UPDATE PARTITION_EXECUTION SET BATCHSTATUS = 'FAILED', EXITSTATUS = ?
WHERE STEPEXECUTIONID IN (SELECT s.STEPEXECUTIONID FROM STEP_EXECUTION s WHERE s.JOBEXECUTIONID = ?)
AND BATCHSTATUS IN ('STARTING', 'STARTED', 'STOPPING');

-- ---------------------------------------------------------------------------------------------------------------
-- recurring_schedules: one row per schedule; the firing node moves next_fire_at on, fenced on the version it read

-- name: schedule.all
SELECT name, task_type, payload, resource_group, priority, cron, zone, misfire, catch_up_limit, origin, paused,
       next_fire_at, last_slot, fired_count, last_error, version, created_at, updated_at
FROM recurring_schedules ORDER BY name;

-- name: schedule.find
SELECT name, task_type, payload, resource_group, priority, cron, zone, misfire, catch_up_limit, origin, paused,
       next_fire_at, last_slot, fired_count, last_error, version, created_at, updated_at
FROM recurring_schedules WHERE name = ?;

-- name: schedule.due
-- the poll, on every node: names of the active schedules whose next slot has come; now
SELECT name FROM recurring_schedules WHERE paused = 0 AND next_fire_at <= ? ORDER BY next_fire_at;

-- name: schedule.advance
-- a slot fired (or failed to): next slot, latest slot fired, error, now; name, version read
UPDATE recurring_schedules
SET next_fire_at = ?, last_slot = COALESCE(CAST(? AS BIGINT), last_slot), last_error = ?, version = version + 1,
    updated_at = ?
WHERE name = ? AND version = ? AND paused = 0;

-- name: schedule.addFired
-- by the firing that holds the row (schedule.advance): new tasks, name
UPDATE recurring_schedules SET fired_count = fired_count + ? WHERE name = ?;

-- name: schedule.redefine
-- type, payload, group, priority, cron, zone, misfire, catch_up_limit, origin, next_fire_at, now; name, origin read
UPDATE recurring_schedules
SET task_type = ?, payload = ?, resource_group = ?, priority = ?, cron = ?, zone = ?, misfire = ?, catch_up_limit = ?,
    origin = ?, next_fire_at = ?, last_error = NULL, version = version + 1, updated_at = ?
WHERE name = ? AND origin = ?;

-- name: schedule.setPaused
-- paused (0/1), next_fire_at, now; name, the paused value it leaves
UPDATE recurring_schedules SET paused = ?, next_fire_at = ?, version = version + 1, updated_at = ?
WHERE name = ? AND paused = ?;

-- name: schedule.delete
-- name, origin
DELETE FROM recurring_schedules WHERE name = ? AND origin = ?;

-- ---------------------------------------------------------------------------------------------------------------
-- workflows: the steps of a workflow, who waits for whom, and what the releaser looks for

-- name: workflow.insert
-- id, name, created_at, created_by
INSERT INTO workflows (id, name, created_at, created_by) VALUES (?, ?, ?, ?);

-- name: workflow.insertStep
-- workflow id, step, task id
INSERT INTO workflow_steps (workflow_id, step, task_id) VALUES (?, ?, ?);

-- name: workflow.insertDependency
-- task id, predecessor id, on_failure
INSERT INTO task_dependencies (task_id, depends_on, on_failure) VALUES (?, ?, ?);

-- name: workflow.find
SELECT id, name, created_at, created_by FROM workflows WHERE id = ?;

-- name: workflow.steps
-- the workflow's steps with their tasks as they are now
SELECT s.step, t.id, t.type, t.resource_group, t.state, t.updated_at, t.last_error
FROM workflow_steps s JOIN tasks t ON t.id = s.task_id WHERE s.workflow_id = ? ORDER BY s.step;

-- name: workflow.edges
-- who waits for whom among the workflow's steps (and the tasks outside it they wait for)
SELECT d.task_id, d.depends_on FROM task_dependencies d JOIN workflow_steps s ON s.task_id = d.task_id
WHERE s.workflow_id = ?;

-- name: workflow.predecessors
-- a task's predecessors with their state, result and step
SELECT p.id, p.type, p.state, r.result, s.step
FROM task_dependencies d JOIN tasks p ON p.id = d.depends_on
LEFT JOIN task_results r ON r.task_id = p.id LEFT JOIN workflow_steps s ON s.task_id = p.id
WHERE d.task_id = ? ORDER BY p.id;

-- name: workflow.existingTasks
-- which of these ids are tasks (a step may wait for a task submitted before)
SELECT id FROM tasks WHERE id IN (?[32]);

-- name: workflow.anyWaiting
SELECT id FROM tasks WHERE state = 'WAITING';

-- name: workflow.releasable
-- waiting tasks no predecessor holds back (as transition.releaseWaiting), oldest first: id, group
SELECT w.id, w.resource_group FROM tasks w
WHERE w.state = 'WAITING' AND NOT EXISTS (
    SELECT 1 FROM task_dependencies d JOIN tasks p ON p.id = d.depends_on
    WHERE d.task_id = w.id AND p.state NOT IN ('COMPLETED', 'ARCHIVED')
      AND NOT (d.on_failure = 'RUN' AND p.state IN ('DEAD_LETTER', 'CANCELLED')))
ORDER BY w.id;

-- name: workflow.doomed
-- waiting tasks whose predecessor ended DEAD_LETTER or CANCELLED and that do not run anyway: id, predecessor, its
-- state, the task's type and group
SELECT w.id, p.id, p.state, w.type, w.resource_group FROM tasks w
JOIN task_dependencies d ON d.task_id = w.id JOIN tasks p ON p.id = d.depends_on
WHERE w.state = 'WAITING' AND d.on_failure = 'CANCEL' AND p.state IN ('DEAD_LETTER', 'CANCELLED')
ORDER BY w.id;

-- name: workflow.unfinishedSteps
-- the workflow's tasks that have not ended, for a cancel of the whole
SELECT t.id FROM workflow_steps s JOIN tasks t ON t.id = s.task_id
WHERE s.workflow_id = ? AND t.state IN ('WAITING', 'PENDING', 'RUNNING', 'FAILED');
