-- Tideflow schema, version 9: the webhook's outbox. Raising or clearing an alert writes its delivery in the same
-- transaction, so a node that stops right after loses no webhook post; any node then posts it, each attempt claimed
-- with a conditional update on next_attempt_at, and retries a failed post later. A delivered or abandoned delivery has
-- next_attempt_at = 9223372036854775807 (never).
CREATE TABLE alert_deliveries (
    id               BIGINT GENERATED ALWAYS AS IDENTITY,
    alert_id         BIGINT        NOT NULL,
    event            VARCHAR(10)   NOT NULL,
    body             VARCHAR(4000) NOT NULL,
    created_at       BIGINT        NOT NULL,
    attempts         INTEGER       NOT NULL,
    next_attempt_at  BIGINT        NOT NULL,
    delivered_at     BIGINT,
    last_error       VARCHAR(1000),
    CONSTRAINT alert_deliveries_pk PRIMARY KEY (id),
    CONSTRAINT alert_deliveries_uk UNIQUE (alert_id, event)
);

CREATE INDEX alert_deliveries_due_ix ON alert_deliveries (next_attempt_at);
