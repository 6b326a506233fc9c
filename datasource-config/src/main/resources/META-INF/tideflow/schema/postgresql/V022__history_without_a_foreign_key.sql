-- Tideflow schema, version 22: task_events loses its foreign key to tasks. Every history row is written by the store in
-- the transaction of the change it records, on the task row that change holds, so the key never refused a row; it
-- cost every row a check against tasks (and on Derby an index of its own besides the primary key), three times per
-- task on the way from enqueue to completion. The purge deletes the history of the tasks it deletes
-- (event.purgeOfGoneTasks), which the key's ON DELETE CASCADE did.
ALTER TABLE task_events DROP CONSTRAINT task_events_task_fk;
