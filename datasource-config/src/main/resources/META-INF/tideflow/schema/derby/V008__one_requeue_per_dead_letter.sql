-- Tideflow schema, version 8: a dead letter is requeued at most once. Requeue inserts the new task with
-- requeued_from = the dead letter's id, and that column is now unique: of two requeues of one dead letter (a double
-- click, two operators, two nodes) one insert wins and the other returns the winner's id. Tasks requeued more than
-- once before this version keep the earliest copy's link; the later copies' history still says where they came from.
UPDATE tasks SET requeued_from = NULL
WHERE requeued_from IS NOT NULL
  AND EXISTS (SELECT 1 FROM tasks earlier
              WHERE earlier.requeued_from = tasks.requeued_from
                AND (earlier.created_at < tasks.created_at
                     OR (earlier.created_at = tasks.created_at AND earlier.id < tasks.id)));

ALTER TABLE tasks ADD CONSTRAINT tasks_requeued_from_uk UNIQUE (requeued_from);
