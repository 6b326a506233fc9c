package io.tideflow.queue.store.groups;

import io.tideflow.queue.api.BreakerState;
import io.tideflow.queue.model.Breaker;
import io.tideflow.queue.sql.RowMapper;
import io.tideflow.queue.sql.SqlRunner;
import io.tideflow.queue.store.StoreDialect;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes {@code circuit_breaker_state} in the caller's transaction. A change locks the breaker's row first
 * ({@link #lock}) and then writes what {@link Breaker} computed from it, so concurrent changes from any node take
 * turns and none is lost; the write is also conditional on the version read, as a guard.
 */
public class BreakerStore {

    private static final RowMapper<Breaker> BREAKER = row -> new Breaker(
            row.getString(1),
            BreakerState.valueOf(row.getString(2).trim()),
            row.getInt(3),
            row.getInt(4),
            row.getLong(5),
            row.getInt(6),
            row.getInt(7),
            row.getLong(8),
            row.getLong(9),
            row.getInt(10),
            row.getInt(11),
            row.getLong(12),
            row.getLong(13));

    private final SqlRunner sql;

    public BreakerStore(EntityManager em, StoreDialect dialect) {
        this.sql = dialect.on(em);
    }

    public List<Breaker> all() {
        return sql.list("breaker.all", BREAKER);
    }

    public Optional<Breaker> find(String group) {
        return sql.first("breaker.find", BREAKER, group);
    }

    /** Locks the breaker's row until the transaction ends and returns it; empty when the group has no breaker. */
    public Optional<Breaker> lock(String group) {
        if (sql.update("breaker.lock", group) == 0) {
            return Optional.empty();
        }
        return find(group);
    }

    /** Writes {@code next} over {@code read} (same group), if the row still has the version read. */
    public boolean replace(Breaker read, Breaker next) {
        if (next == read) {
            return true;
        }
        return sql.update(
                        "breaker.replace",
                        next.state().name(),
                        next.calls(),
                        next.failureCount(),
                        next.windowStartedAt(),
                        next.previousCalls(),
                        next.previousFailures(),
                        next.lastFailureAt(),
                        next.nextAttemptAt(),
                        next.probesStarted(),
                        next.probeSuccesses(),
                        Math.max(next.version(), read.version() + 1),
                        next.updatedAt(),
                        read.group(),
                        read.version())
                == 1;
    }

    /** Creates the group's breaker, CLOSED, unless it has one. */
    public void createIfMissing(String group, long now) {
        if (find(group).isPresent()) {
            return;
        }
        Breaker fresh = Breaker.closed(group, now);
        sql.update("breaker.insert", group, fresh.state().name(), 0, 0, now, 0, 0, 0L, 0L, 0, 0, 0L, now);
    }

    /** Removes the group's breaker (its configuration no longer has one). */
    public void delete(String group) {
        sql.update("breaker.delete", group);
    }
}
