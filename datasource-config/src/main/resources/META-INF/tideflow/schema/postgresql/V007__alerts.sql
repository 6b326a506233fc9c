-- Tideflow schema, version 7: alerts raised by the configured rules. While an alert is active its active_key holds
-- "<rule>|<group>", which is unique: of two nodes raising the same alert at once one insert wins, so each alert is
-- raised (and notified) once across the cluster; clearing sets cleared_at and empties active_key in one conditional
-- update, so it is cleared once too.
CREATE TABLE alerts (
    id             BIGINT        GENERATED ALWAYS AS IDENTITY,
    rule_name      VARCHAR(100)  NOT NULL,
    kind           VARCHAR(32)   NOT NULL,
    resource_group VARCHAR(100)  NOT NULL,
    active_key     VARCHAR(210),
    raised_at      BIGINT        NOT NULL,
    cleared_at     BIGINT,
    observed       DOUBLE PRECISION NOT NULL,
    threshold      DOUBLE PRECISION NOT NULL,
    message        VARCHAR(1000) NOT NULL,
    raised_by      VARCHAR(200)  NOT NULL,
    CONSTRAINT alerts_pk PRIMARY KEY (id),
    CONSTRAINT alerts_active_uk UNIQUE (active_key),
    CONSTRAINT alerts_cleared_ck CHECK ((active_key IS NULL AND cleared_at IS NOT NULL)
                                        OR (active_key IS NOT NULL AND cleared_at IS NULL))
);

CREATE INDEX alerts_raised_ix ON alerts (raised_at);
