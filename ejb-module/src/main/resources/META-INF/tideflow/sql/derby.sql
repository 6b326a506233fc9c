-- The statements that differ on Derby (see common.sql for the format). Derby has no SKIP LOCKED and no arrays: a
-- claim reads its candidates unlocked, takes them with one conditional update per chunk of ids, and reads back what
-- its token won; id lists are ?[32], padded by repeating their first id. A claim filters by the task types its node
-- runs, at most 256 on Derby (the deployment fails above that).

-- The type lists come in three widths, so that a node with few task types compares each row with few values (Derby
-- compares every row with every marker of a list, duplicates included). RTRIM(type), the same value (task types
-- have no trailing blanks), keeps Derby's optimizer off the type index: with a plain type IN list it probes that
-- index for every value and sorts all the due tasks of those types (FlakyDrainContract ten times slower), and forcing
-- the claim index instead makes it walk past every task of the restricted groups.

-- name: claim.pendingInClaimOrder
-- The claim across groups, first try: the claim index walked in its order (named, as in claim.dueIdsInGroup), each
-- PENDING row with what the claim filters on, a few more rows than the claim takes (max rows). The dialect keeps the
-- due rows of its types in unrestricted groups; in a drain they are the first rows walked, so the claim reads what it
-- takes and sorts nothing. When tasks not yet due, of other types or of restricted groups fill those rows, the dialect
-- asks claim.dueIds* below instead.
SELECT id, run_at, type, resource_group FROM tasks --DERBY-PROPERTIES index = tasks_claim_ix
WHERE state = 'PENDING' ORDER BY priority DESC, id;

-- name: claim.restrictedGroups
-- the groups the claim across groups leaves out, as claim.dueIds* below do
SELECT name FROM resource_groups
WHERE paused = 1 OR breaker = 1 OR max_concurrent IS NOT NULL OR max_concurrent_cluster IS NOT NULL
   OR rate_permits IS NOT NULL;

-- name: claim.dueIdsUpTo8
-- now, the types this node runs (up to 8); the first rows only (max rows). Unrestricted groups only: those without
-- a row that limits or pauses them.
SELECT id FROM tasks
WHERE state = 'PENDING' AND run_at <= ? AND RTRIM(type) IN (?[8])
  AND resource_group NOT IN (SELECT name FROM resource_groups
                             WHERE paused = 1 OR breaker = 1 OR max_concurrent IS NOT NULL
                                OR max_concurrent_cluster IS NOT NULL OR rate_permits IS NOT NULL)
ORDER BY priority DESC, id;

-- name: claim.dueIdsUpTo32
-- now, the types this node runs (up to 32); the first rows only (max rows). Unrestricted groups only: those without
-- a row that limits or pauses them.
SELECT id FROM tasks
WHERE state = 'PENDING' AND run_at <= ? AND RTRIM(type) IN (?[32])
  AND resource_group NOT IN (SELECT name FROM resource_groups
                             WHERE paused = 1 OR breaker = 1 OR max_concurrent IS NOT NULL
                                OR max_concurrent_cluster IS NOT NULL OR rate_permits IS NOT NULL)
ORDER BY priority DESC, id;

-- name: claim.dueIdsUpTo256
-- now, the types this node runs (up to 256); the first rows only (max rows). Unrestricted groups only: those without
-- a row that limits or pauses them.
SELECT id FROM tasks
WHERE state = 'PENDING' AND run_at <= ? AND RTRIM(type) IN (?[256])
  AND resource_group NOT IN (SELECT name FROM resource_groups
                             WHERE paused = 1 OR breaker = 1 OR max_concurrent IS NOT NULL
                                OR max_concurrent_cluster IS NOT NULL OR rate_permits IS NOT NULL)
ORDER BY priority DESC, id;

-- name: claim.dueIdsInGroup
-- now, group; any type (a worker that runs whatever the group holds). The index is named (Derby's optimizer override,
-- kept to its line's end): with statistics that do not yet count a backlog, Derby reads every due task and sorts them
-- at each claim; the group's claim index is read in its order and stops at what the claim takes. What it costs: a
-- group's tasks not yet due, ahead in that order, are walked past (docs/benchmarks.md, "The group claim's plan").
SELECT id FROM tasks --DERBY-PROPERTIES index = tasks_group_claim_ix
WHERE state = 'PENDING' AND run_at <= ? AND resource_group = ? ORDER BY priority DESC, id;

-- name: claim.dueIdsOfTypesInGroupUpTo8
-- now, group, the types wanted (up to 8); the index named as in claim.dueIdsInGroup
SELECT id FROM tasks --DERBY-PROPERTIES index = tasks_group_claim_ix
WHERE state = 'PENDING' AND run_at <= ? AND resource_group = ? AND RTRIM(type) IN (?[8])
ORDER BY priority DESC, id;

-- name: claim.dueIdsOfTypesInGroupUpTo32
-- now, group, the types wanted (up to 32); the index named as in claim.dueIdsInGroup
SELECT id FROM tasks --DERBY-PROPERTIES index = tasks_group_claim_ix
WHERE state = 'PENDING' AND run_at <= ? AND resource_group = ? AND RTRIM(type) IN (?[32])
ORDER BY priority DESC, id;

-- name: claim.dueIdsOfTypesInGroupUpTo256
-- now, group, the types wanted (up to 256); the index named as in claim.dueIdsInGroup
SELECT id FROM tasks --DERBY-PROPERTIES index = tasks_group_claim_ix
WHERE state = 'PENDING' AND run_at <= ? AND resource_group = ? AND RTRIM(type) IN (?[256])
ORDER BY priority DESC, id;

-- name: claim.take
-- Transition.CLAIM: owner, token, lease expiry, now, now, ids. The candidates were read unlocked, so the update
-- repeats the state and due condition; Derby locks an id list's rows in index order, so two claimers never wait on
-- each other in a cycle.
UPDATE tasks SET state = 'RUNNING', lease_owner = ?, lease_token = ?, lease_expires_at = ?,
                 attempts = attempts + 1, updated_at = ?
WHERE state = 'PENDING' AND run_at <= ? AND id IN (?[32]);

-- name: claim.taken
-- token, ids
SELECT id, type, resource_group, payload, attempts, max_attempts, run_at, priority
FROM tasks WHERE lease_token = ? AND id IN (?[32]);

-- name: event.appendClaimed
-- Transition.CLAIM's history row for every task the claim took: now, node, token, ids
INSERT INTO task_events (task_id, seq, from_state, to_state, occurred_at, node, attempt)
SELECT t.id, (SELECT COUNT(*) FROM task_events e WHERE e.task_id = t.id), 'PENDING', 'RUNNING',
       CAST(? AS BIGINT), CAST(? AS VARCHAR(200)), t.attempts
FROM tasks t WHERE t.lease_token = ? AND t.id IN (?[32]);

-- name: task.cancelRequestedAmong
SELECT id FROM tasks WHERE cancel_requested = 1 AND state = 'RUNNING' AND id IN (?[32]);

-- name: task.groupsWithDueTasks
-- now, groups
SELECT DISTINCT resource_group FROM tasks WHERE state = 'PENDING' AND run_at <= ? AND resource_group IN (?[32]);

-- name: group.depthInStates
SELECT resource_group, state, COUNT(*) FROM tasks WHERE state IN (?[8]) GROUP BY resource_group, state;

-- ---------------------------------------------------------------------------------------------------------------
-- Inserts that a unique key may refuse (SqlRunner.insertIfAbsent): Derby refuses the row with 23505 and keeps the
-- transaction going, so the plain insert serves.

-- name: task.insertIfAbsent
-- Transition.ENQUEUE for a task with an idempotency key or a requeued dead letter, both unique; parameters as
-- task.insert
INSERT INTO tasks (id, type, resource_group, payload, state, priority, run_at, created_at, updated_at, attempts,
                   max_attempts, idempotency_key, requeued_from)
VALUES (?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, 0, ?, ?, ?);

-- name: group.insertIfAbsent
-- a new bucket starts full: the first period may use all its permits
INSERT INTO resource_groups (name, paused, max_concurrent, max_concurrent_cluster, rate_permits, rate_period_ms,
                             rate_tokens, rate_refilled_at, limits_from_api, updated_at, breaker)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: schedule.insertIfAbsent
-- name, type, payload, group, priority, cron, zone, misfire, catch_up_limit, origin, next_fire_at, created_at, updated_at
INSERT INTO recurring_schedules (name, task_type, payload, resource_group, priority, cron, zone, misfire, catch_up_limit,
                                 origin, paused, next_fire_at, fired_count, version, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 0, 1, ?, ?);

-- name: task.purge
-- deletes tasks still in the state they were chosen in (their result goes with them: ON DELETE CASCADE; their
-- history is event.purgeOfGoneTasks's); state, ids
DELETE FROM tasks WHERE state = ? AND id IN (?[32]);

-- name: event.purgeOfGoneTasks
-- the history of those of these tasks that task.purge deleted (task_events has no foreign key, schema V022): ids
DELETE FROM task_events
WHERE task_id IN (?[32]) AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.id = task_events.task_id);

-- name: delivery.insertIfAbsent
-- an alert's raise or clear, for the webhook, once (alert_deliveries_uk): alert id, event, body, now, first attempt
INSERT INTO alert_deliveries (alert_id, event, body, created_at, attempts, next_attempt_at)
VALUES (?, ?, ?, ?, 0, ?);
