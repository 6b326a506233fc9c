-- Tideflow schema, version 4: the resource groups that are restricted (a limit, a rate or a pause), shared by every
-- node. A group without a row runs unrestricted. Limits come from configuration at deployment unless an operator set
-- them through the API (limits_from_api = 1); pauses are the operators' only. The rate is a token bucket kept here
-- (rate_tokens as of rate_refilled_at), so that all nodes draw from one bucket; a claim of the group locks this row.
CREATE TABLE resource_groups (
    name                   VARCHAR(100)     NOT NULL,
    paused                 SMALLINT         NOT NULL DEFAULT 0,
    max_concurrent         INTEGER,
    max_concurrent_cluster INTEGER,
    rate_permits           INTEGER,
    rate_period_ms         BIGINT,
    rate_tokens            DOUBLE PRECISION NOT NULL DEFAULT 0,
    rate_refilled_at       BIGINT           NOT NULL DEFAULT 0,
    limits_from_api        SMALLINT         NOT NULL DEFAULT 0,
    updated_at             BIGINT           NOT NULL,
    CONSTRAINT resource_groups_pk PRIMARY KEY (name),
    CONSTRAINT resource_groups_paused_ck CHECK (paused IN (0, 1)),
    CONSTRAINT resource_groups_api_ck CHECK (limits_from_api IN (0, 1)),
    CONSTRAINT resource_groups_node_limit_ck CHECK (max_concurrent IS NULL OR max_concurrent >= 1),
    CONSTRAINT resource_groups_cluster_limit_ck CHECK (max_concurrent_cluster IS NULL OR max_concurrent_cluster >= 1),
    CONSTRAINT resource_groups_rate_ck CHECK ((rate_permits IS NULL AND rate_period_ms IS NULL)
        OR (rate_permits >= 1 AND rate_period_ms >= 1))
);
