-- Tideflow schema, version 2 (PostgreSQL): the history of every transition, cancel requests for running tasks,
-- and the link from a requeued task to the dead letter it copies. An event's key is its task and its place in that
-- task's history: every transition already holds the task row's lock, so the next place is race-free, and no
-- shared identity generator is contended (Derby's refused locks under concurrent inserts).
CREATE TABLE task_events (
    task_id     CHAR(36)      NOT NULL,
    seq         INTEGER       NOT NULL,
    from_state  VARCHAR(16),
    to_state    VARCHAR(16)   NOT NULL,
    occurred_at BIGINT        NOT NULL,
    node        VARCHAR(200)  NOT NULL,
    attempt     INTEGER       NOT NULL,
    detail      VARCHAR(4000),
    CONSTRAINT task_events_pk PRIMARY KEY (task_id, seq),
    CONSTRAINT task_events_task_fk FOREIGN KEY (task_id) REFERENCES tasks (id) ON DELETE CASCADE,
    CONSTRAINT task_events_to_ck CHECK (to_state IN ('PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED', 'ARCHIVED', 'DEAD_LETTER'))
);

ALTER TABLE tasks ADD COLUMN cancel_requested SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE tasks ADD COLUMN requeued_from CHAR(36);
CREATE INDEX tasks_state_owner_ix ON tasks (state, lease_owner);
