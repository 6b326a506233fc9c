-- Tideflow schema, version 1 (Apache Derby).
-- Time columns hold epoch milliseconds (UTC): portable across databases and JPA providers, and compared with the
-- engine's injected clock rather than the database's.
CREATE TABLE tasks (
    id               CHAR(36)      NOT NULL,
    type             VARCHAR(200)  NOT NULL,
    resource_group   VARCHAR(100)  NOT NULL,
    payload          CLOB          NOT NULL,
    state            VARCHAR(16)   NOT NULL,
    priority         SMALLINT      NOT NULL,
    run_at           BIGINT        NOT NULL,
    created_at       BIGINT        NOT NULL,
    updated_at       BIGINT        NOT NULL,
    attempts         INTEGER       NOT NULL DEFAULT 0,
    max_attempts     INTEGER       NOT NULL,
    lease_owner      VARCHAR(200),
    lease_token      CHAR(36),
    lease_expires_at BIGINT,
    last_error       VARCHAR(4000),
    idempotency_key  VARCHAR(200),
    CONSTRAINT tasks_pk PRIMARY KEY (id),
    CONSTRAINT tasks_state_ck CHECK (state IN ('PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED', 'ARCHIVED', 'DEAD_LETTER')),
    CONSTRAINT tasks_priority_ck CHECK (priority BETWEEN 0 AND 9),
    CONSTRAINT tasks_max_attempts_ck CHECK (max_attempts BETWEEN 1 AND 100),
    CONSTRAINT tasks_attempts_ck CHECK (attempts >= 0 AND attempts <= max_attempts),
    CONSTRAINT tasks_running_has_lease_ck CHECK ((state = 'RUNNING' AND lease_token IS NOT NULL AND lease_expires_at IS NOT NULL)
                                                 OR (state <> 'RUNNING' AND lease_token IS NULL)),
    CONSTRAINT tasks_idempotency_uk UNIQUE (idempotency_key)
);

-- the claim: due tasks of a state, highest priority first, then oldest id (ids are time-ordered)
CREATE INDEX tasks_claim_ix ON tasks (state, priority DESC, id);
-- listing and depth per group
CREATE INDEX tasks_group_state_ix ON tasks (resource_group, state, id);
CREATE INDEX tasks_type_ix ON tasks (type, id);
-- retry promotion and lease rescue
CREATE INDEX tasks_state_run_at_ix ON tasks (state, run_at);
CREATE INDEX tasks_state_lease_ix ON tasks (state, lease_expires_at);

CREATE TABLE task_results (
    task_id      CHAR(36) NOT NULL,
    result       CLOB,
    execution_ms BIGINT   NOT NULL,
    created_at   BIGINT   NOT NULL,
    CONSTRAINT task_results_pk PRIMARY KEY (task_id),
    CONSTRAINT task_results_task_fk FOREIGN KEY (task_id) REFERENCES tasks (id) ON DELETE CASCADE,
    CONSTRAINT task_results_execution_ck CHECK (execution_ms >= 0)
);
