-- Tideflow schema, version 12: how many workers each node runs, written with its heartbeat, so operators tell the
-- worker nodes from the submit-only ones (0 workers: the node enqueues and serves the API but claims nothing).
ALTER TABLE tideflow_nodes ADD COLUMN workers INTEGER NOT NULL DEFAULT 0;
