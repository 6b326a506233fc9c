-- Tideflow schema, version 21: how long the successful attempt ran is a column of the task, and task_results holds a
-- row only for a handler that returned a result. A completion without a result (most handlers return none) now writes
-- the task row and its history row, not a third row, in the transaction that commits with the handler's own writes.
ALTER TABLE tasks ADD COLUMN execution_ms BIGINT;
ALTER TABLE tasks ADD CONSTRAINT tasks_execution_ck CHECK (execution_ms IS NULL OR execution_ms >= 0);
UPDATE tasks SET execution_ms = (SELECT r.execution_ms FROM task_results r WHERE r.task_id = tasks.id)
WHERE id IN (SELECT task_id FROM task_results);
DELETE FROM task_results WHERE result IS NULL;
ALTER TABLE task_results DROP CONSTRAINT task_results_execution_ck;
ALTER TABLE task_results DROP COLUMN execution_ms;
