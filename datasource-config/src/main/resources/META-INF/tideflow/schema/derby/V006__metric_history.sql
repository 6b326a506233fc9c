-- Tideflow schema, version 6: metric history. Each node writes its own per-minute figures per resource group (counts,
-- and for durations a histogram in metadata); one node at a time rolls closed hours up into per-hour rows (node_id
-- '*'), moving metric_rollups.rolled_until forward with a conditional update so that no hour is rolled up twice.
-- Rows older than their resolution's retention are deleted.
CREATE TABLE metrics (
    id             BIGINT        NOT NULL GENERATED ALWAYS AS IDENTITY,
    ts             BIGINT        NOT NULL,
    resolution     VARCHAR(8)    NOT NULL,
    resource_group VARCHAR(100)  NOT NULL,
    metric_type    VARCHAR(40)   NOT NULL,
    node_id        VARCHAR(200)  NOT NULL,
    value          DOUBLE        NOT NULL,
    metadata       VARCHAR(2000),
    CONSTRAINT metrics_pk PRIMARY KEY (id),
    CONSTRAINT metrics_resolution_ck CHECK (resolution IN ('MINUTE', 'HOUR'))
);

CREATE INDEX metrics_range_ix ON metrics (resolution, ts, resource_group, metric_type);

CREATE TABLE metric_rollups (
    resolution   VARCHAR(8) NOT NULL,
    rolled_until BIGINT     NOT NULL,
    CONSTRAINT metric_rollups_pk PRIMARY KEY (resolution)
);

INSERT INTO metric_rollups (resolution, rolled_until) VALUES ('HOUR', 0);
