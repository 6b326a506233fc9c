-- Tideflow schema, version 15: the Jakarta Batch executions Tideflow started, and the tasks each one claimed. The
-- batch runtime's job repository keeps an execution's status and counts; these rows keep what it does not know: the
-- task type and group it runs, the node that runs it (so that the executions of a node that died can be told apart
-- from running ones), who restarted it, and which tasks it held. One row per claim, not per task: a task given back
-- by a rolled-back chunk may be claimed again by the same execution. (Derby indexes the foreign key itself.)
CREATE TABLE batch_executions (
    execution_id   BIGINT        NOT NULL,
    job            VARCHAR(100)  NOT NULL,
    task_type      VARCHAR(200),
    resource_group VARCHAR(100),
    node           VARCHAR(200)  NOT NULL,
    started_at     BIGINT        NOT NULL,
    restart_of     BIGINT,
    started_by     VARCHAR(200),
    CONSTRAINT batch_executions_pk PRIMARY KEY (execution_id)
);

CREATE INDEX batch_executions_node_ix ON batch_executions (node, execution_id);

CREATE TABLE batch_execution_tasks (
    execution_id BIGINT   NOT NULL,
    task_id      CHAR(36) NOT NULL,
    claimed_at   BIGINT   NOT NULL,
    CONSTRAINT batch_execution_tasks_task_fk FOREIGN KEY (task_id) REFERENCES tasks (id) ON DELETE CASCADE
);

CREATE INDEX batch_execution_tasks_ix ON batch_execution_tasks (execution_id, claimed_at);
