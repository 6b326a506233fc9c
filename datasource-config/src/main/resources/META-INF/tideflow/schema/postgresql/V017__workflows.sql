-- Tideflow schema, version 17: workflows. A task may wait for others (its predecessors) in the new state WAITING
-- until they have completed; the workflow releaser then moves it to PENDING, or to CANCELLED when a predecessor ended
-- DEAD_LETTER or CANCELLED (unless the dependency says to run anyway). A workflow names its tasks by step.
ALTER TABLE tasks DROP CONSTRAINT tasks_state_ck;
ALTER TABLE tasks ADD CONSTRAINT tasks_state_ck
    CHECK (state IN ('WAITING', 'PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED', 'ARCHIVED', 'DEAD_LETTER'));
ALTER TABLE task_events DROP CONSTRAINT task_events_to_ck;
ALTER TABLE task_events ADD CONSTRAINT task_events_to_ck
    CHECK (to_state IN ('WAITING', 'PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED', 'ARCHIVED', 'DEAD_LETTER'));

CREATE TABLE workflows (
    id          CHAR(36)      NOT NULL,
    name        VARCHAR(200)  NOT NULL,
    created_at  BIGINT        NOT NULL,
    created_by  VARCHAR(200),
    CONSTRAINT workflows_pk PRIMARY KEY (id)
);

CREATE TABLE workflow_steps (
    workflow_id CHAR(36)      NOT NULL,
    step        VARCHAR(100)  NOT NULL,
    task_id     CHAR(36)      NOT NULL,
    CONSTRAINT workflow_steps_pk PRIMARY KEY (workflow_id, step),
    CONSTRAINT workflow_steps_task_uk UNIQUE (task_id),
    CONSTRAINT workflow_steps_workflow_fk FOREIGN KEY (workflow_id) REFERENCES workflows (id) ON DELETE CASCADE,
    CONSTRAINT workflow_steps_task_fk FOREIGN KEY (task_id) REFERENCES tasks (id) ON DELETE CASCADE
);

-- task_id waits for depends_on; on_failure says what a predecessor ending DEAD_LETTER or CANCELLED does to it
CREATE TABLE task_dependencies (
    task_id     CHAR(36)      NOT NULL,
    depends_on  CHAR(36)      NOT NULL,
    on_failure  VARCHAR(8)    NOT NULL,
    CONSTRAINT task_dependencies_pk PRIMARY KEY (task_id, depends_on),
    CONSTRAINT task_dependencies_task_fk FOREIGN KEY (task_id) REFERENCES tasks (id) ON DELETE CASCADE,
    CONSTRAINT task_dependencies_on_failure_ck CHECK (on_failure IN ('CANCEL', 'RUN')),
    CONSTRAINT task_dependencies_not_self_ck CHECK (task_id <> depends_on)
);

CREATE INDEX task_dependencies_on_ix ON task_dependencies (depends_on, task_id);
