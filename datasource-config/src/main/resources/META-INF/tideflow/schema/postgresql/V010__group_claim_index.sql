-- Tideflow schema, version 10: the dispatcher claims each busy group's share on its own (fair sharing between
-- groups), in the group's priority and FIFO order. This index hands a group's next due tasks over in that order,
-- instead of sorting all of the group's pending tasks at every claim; it also serves every lookup by group and state,
-- which the index it replaces did.
CREATE INDEX tasks_group_claim_ix ON tasks (resource_group, state, priority DESC, id);

DROP INDEX tasks_group_state_ix;
