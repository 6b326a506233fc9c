-- Tideflow schema, version 14: the two state indexes also carry the resource group, so that the live depth per group
-- (waiting and running tasks by group and state) and the oldest due task per group are read from the index alone.
-- The indexes keep their leading columns, so every lookup they served they still serve. (Derby has no INCLUDE: the
-- group is the last key column.)
CREATE INDEX tasks_state_owner_group_ix ON tasks (state, lease_owner, resource_group);
CREATE INDEX tasks_state_run_at_group_ix ON tasks (state, run_at, resource_group);
DROP INDEX tasks_state_owner_ix;
DROP INDEX tasks_state_run_at_ix;
