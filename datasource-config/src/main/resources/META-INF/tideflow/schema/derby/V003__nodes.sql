-- Tideflow schema, version 3: one row per node, refreshed with every heartbeat, so operators see which nodes are alive
-- and how many attempts each runs. A node that stops refreshing its row is gone; its leases expire and are rescued.
CREATE TABLE tideflow_nodes (
    node_id    VARCHAR(200) NOT NULL,
    started_at BIGINT       NOT NULL,
    last_seen  BIGINT       NOT NULL,
    running    INTEGER      NOT NULL,
    CONSTRAINT tideflow_nodes_pk PRIMARY KEY (node_id),
    CONSTRAINT tideflow_nodes_running_ck CHECK (running >= 0)
);
