-- Tideflow schema, version 19 on Derby (20 on PostgreSQL): the performance analyzer's insights. Every few minutes one
-- node computes them from the metric history and writes them as one set (computed_at); the console and the API show
-- the newest set. Sets older than the insights' retention are deleted.
CREATE TABLE insights (
    id             BIGINT        NOT NULL GENERATED ALWAYS AS IDENTITY,
    computed_at    BIGINT        NOT NULL,
    kind           VARCHAR(40)   NOT NULL,
    severity       VARCHAR(10)   NOT NULL,
    resource_group VARCHAR(100),
    task_type      VARCHAR(200),
    node_id        VARCHAR(200),
    observed       DOUBLE        NOT NULL,
    baseline       DOUBLE,
    message        VARCHAR(1000) NOT NULL,
    CONSTRAINT insights_pk PRIMARY KEY (id),
    CONSTRAINT insights_severity_ck CHECK (severity IN ('INFO', 'WARNING', 'CRITICAL'))
);

CREATE INDEX insights_computed_ix ON insights (computed_at);
