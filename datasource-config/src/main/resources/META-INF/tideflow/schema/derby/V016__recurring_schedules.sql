-- Tideflow schema, version 16: recurring schedules. Each row fires tasks on its cron slots; the node that fires a
-- slot moves next_fire_at on, conditional on the version it read, in the transaction that enqueues the slot's task
-- (whose idempotency key names the schedule and the slot), so one task per slot exists however many nodes poll.
-- DECLARED rows come from handler annotations and configuration and are rewritten at deployment; API rows from the
-- REST and in-process API. Pauses are the operators' on either.
CREATE TABLE recurring_schedules (
    name             VARCHAR(100)  NOT NULL,
    task_type        VARCHAR(200)  NOT NULL,
    payload          CLOB          NOT NULL,
    resource_group   VARCHAR(100),
    priority         SMALLINT,
    cron             VARCHAR(200)  NOT NULL,
    zone             VARCHAR(100)  NOT NULL,
    misfire          VARCHAR(16)   NOT NULL,
    catch_up_limit   INTEGER       NOT NULL,
    origin           VARCHAR(16)   NOT NULL,
    paused           SMALLINT      NOT NULL DEFAULT 0,
    next_fire_at     BIGINT        NOT NULL,
    last_slot        BIGINT,
    fired_count      BIGINT        NOT NULL DEFAULT 0,
    last_error       VARCHAR(1000),
    version          BIGINT        NOT NULL,
    created_at       BIGINT        NOT NULL,
    updated_at       BIGINT        NOT NULL,
    CONSTRAINT recurring_schedules_pk PRIMARY KEY (name),
    CONSTRAINT recurring_schedules_misfire_ck CHECK (misfire IN ('SKIP', 'RUN_ONCE', 'CATCH_UP')),
    CONSTRAINT recurring_schedules_origin_ck CHECK (origin IN ('DECLARED', 'API')),
    CONSTRAINT recurring_schedules_paused_ck CHECK (paused IN (0, 1)),
    CONSTRAINT recurring_schedules_priority_ck CHECK (priority IS NULL OR priority BETWEEN 0 AND 9),
    CONSTRAINT recurring_schedules_catch_up_ck CHECK (catch_up_limit BETWEEN 1 AND 1000)
);

-- the poll: the active schedules whose next slot has come, read by every node every poll interval
CREATE INDEX recurring_schedules_due_ix ON recurring_schedules (paused, next_fire_at);
