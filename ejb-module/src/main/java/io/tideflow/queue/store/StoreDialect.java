package io.tideflow.queue.store;

import io.tideflow.queue.schema.DatabaseDialect;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/**
 * How a database claims a batch of due tasks: the seam between the store and each database's locking. Both
 * implementations give the same result, proven by the same store contract tests: up to {@code limit} PENDING due
 * tasks, highest priority then oldest, each taken by exactly one claimer under the given lease token.
 */
public interface StoreDialect {

    /** Claims and returns the rows this claim won, in claim order. */
    List<TaskEntity> claim(EntityManager em, ClaimRequest request);

    /**
     * What one claim asks for.
     *
     * @param group the group to claim from, or {@code null} for the tasks of every unrestricted group
     * @param type  the only task type to claim (with a group only), or {@code null} for every type
     */
    record ClaimRequest(
            int limit, String owner, String token, Instant now, Instant expiresAt, String group, String type) {}

    static StoreDialect of(DatabaseDialect database) {
        return switch (database) {
            case DERBY -> new DerbyStoreDialect();
            case POSTGRESQL -> new PostgresStoreDialect();
        };
    }
}
