-- Tideflow schema, version 5: circuit breakers per resource group, shared by every node. A group whose configuration
-- has a breaker carries breaker = 1 in resource_groups (so that its tasks are claimed one group at a time) and has
-- one row here. Every change of a breaker is made under the row's lock and bumps its version. The rolling window is a
-- sliding window counter: this window's calls and failures, and the window before's.
ALTER TABLE resource_groups ADD COLUMN breaker SMALLINT NOT NULL DEFAULT 0;

CREATE TABLE circuit_breaker_state (
    resource_group    VARCHAR(100) NOT NULL,
    state             VARCHAR(16)  NOT NULL,
    failure_count     INTEGER      NOT NULL,
    calls             INTEGER      NOT NULL,
    window_started_at BIGINT       NOT NULL,
    previous_calls    INTEGER      NOT NULL,
    previous_failures INTEGER      NOT NULL,
    last_failure      BIGINT       NOT NULL,
    next_attempt      BIGINT       NOT NULL,
    probes_started    INTEGER      NOT NULL,
    probe_successes   INTEGER      NOT NULL,
    version           BIGINT       NOT NULL,
    updated_at        BIGINT       NOT NULL,
    CONSTRAINT circuit_breaker_state_pk PRIMARY KEY (resource_group),
    CONSTRAINT circuit_breaker_state_ck CHECK (state IN ('CLOSED', 'OPEN', 'HALF_OPEN')),
    CONSTRAINT circuit_breaker_counts_ck CHECK (failure_count >= 0 AND calls >= failure_count AND probes_started >= 0
        AND probe_successes >= 0)
);
