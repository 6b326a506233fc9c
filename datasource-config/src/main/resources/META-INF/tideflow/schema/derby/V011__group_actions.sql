-- Tideflow schema, version 11: who changed a group and when. Every pause, resume, change of limits and forced
-- breaker state an operator makes (REST or console) is written here in the transaction that makes it.
CREATE TABLE group_actions (
    id          BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY,
    group_name  VARCHAR(100)  NOT NULL,
    action      VARCHAR(40)   NOT NULL,
    actor       VARCHAR(200)  NOT NULL,
    acted_at    BIGINT        NOT NULL,
    detail      VARCHAR(1000),
    CONSTRAINT group_actions_pk PRIMARY KEY (id)
);

CREATE INDEX group_actions_at_ix ON group_actions (acted_at, id);
CREATE INDEX group_actions_group_ix ON group_actions (group_name, acted_at, id);
