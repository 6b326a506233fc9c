-- Tideflow schema, version 13: tasks of a state in the order they last changed. It serves the console's and the
-- API's "recently changed" lists (a keyset walk per state that stops after a page) and the retention jobs, which
-- look for tasks of a state last changed before a cut-off instead of reading every task of that state.
CREATE INDEX tasks_state_updated_ix ON tasks (state, updated_at, id);
