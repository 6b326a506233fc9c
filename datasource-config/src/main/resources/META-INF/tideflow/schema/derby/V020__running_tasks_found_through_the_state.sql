-- Tideflow schema, version 20 (Derby only): two indexes of tasks that served only RUNNING rows go. Every change of
-- state rewrites each index that carries the state, and Derby has no partial indexes (PostgreSQL's V018 keeps one small
-- index of the running rows instead): a claim and a completion now change four indexes instead of six, and a
-- heartbeat none. The lookups they served (expired leases, the tasks a node holds, a group's running count) read the
-- RUNNING range of any index that leads with the state; running tasks number the workers of the nodes, not the backlog.
DROP INDEX tasks_state_lease_ix;
DROP INDEX tasks_state_owner_group_ix;
