package io.tideflow.queue.store.recurring;

import io.tideflow.queue.api.recurring.MisfirePolicy;
import io.tideflow.queue.api.recurring.ScheduleOrigin;
import io.tideflow.queue.sql.RowMapper;
import io.tideflow.queue.sql.SqlNull;
import io.tideflow.queue.sql.SqlRunner;
import io.tideflow.queue.store.ColumnText;
import io.tideflow.queue.store.StoreDialect;
import jakarta.persistence.EntityManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes {@code recurring_schedules} in the caller's transaction, one statement per method. Every write is
 * conditional on what the writer read (the version, the paused flag it leaves, or the origin), so two nodes firing the
 * same slot, or an operator's change racing a firing, never both apply.
 */
public class ScheduleStore {

    /** The width of {@code last_error}. */
    private static final int ERROR_CHARS = 1000;

    private static final RowMapper<ScheduleRow> SCHEDULE = ScheduleStore::row;

    private final SqlRunner sql;

    public ScheduleStore(EntityManager em, StoreDialect dialect) {
        this.sql = dialect.on(em);
    }

    public List<ScheduleRow> all() {
        return sql.list("schedule.all", SCHEDULE);
    }

    public Optional<ScheduleRow> find(String name) {
        return sql.first("schedule.find", SCHEDULE, name);
    }

    /** The names of the active schedules with a slot at or before {@code now}, the most overdue first. */
    public List<String> dueNames(Instant now) {
        return sql.list("schedule.due", row -> row.getString(1), now.toEpochMilli());
    }

    /** Creates the schedule unless one of its name exists (committed or being inserted concurrently). */
    public boolean insertIfAbsent(ScheduleDefinition definition, Instant nextFireAt, Instant now) {
        return sql.insertIfAbsent(
                "schedule.insertIfAbsent",
                concat(new Object[] {definition.name()}, definitionColumns(definition), new Object[] {
                    nextFireAt.toEpochMilli(), now.toEpochMilli(), now.toEpochMilli()
                }));
    }

    /**
     * Records a firing: the next slot, the latest slot that got a task ({@code null} when none did) and the error
     * that kept the slots from their tasks. False when the row moved on since {@code version}
     * was read (another node fired it, an operator paused or changed it): then this firing must not count.
     */
    public boolean advance(Firing firing, long version, Instant now) {
        return sql.update(
                        "schedule.advance",
                        firing.nextFireAt().toEpochMilli(),
                        SqlNull.bigint(
                                firing.lastSlot() == null
                                        ? null
                                        : firing.lastSlot().toEpochMilli()),
                        ColumnText.fit(firing.error(), ERROR_CHARS),
                        now.toEpochMilli(),
                        firing.name(),
                        version)
                == 1;
    }

    /** Counts the new tasks of a firing; the caller holds the row since {@link #advance}. */
    public void addFired(String name, int tasks) {
        sql.update("schedule.addFired", tasks, name);
    }

    /**
     * Replaces the definition, its slots starting from {@code nextFireAt}; false when the schedule is gone or no
     * longer of the origin read. Not conditional on the version: a firing moves that every slot, and a replacement
     * must not lose to it (the firing that read the row before loses instead, its advance finding a new version).
     */
    public boolean redefine(ScheduleDefinition definition, Instant nextFireAt, ScheduleOrigin originRead, Instant now) {
        return sql.update("schedule.redefine", concat(definitionColumns(definition), new Object[] {
                    nextFireAt.toEpochMilli(), now.toEpochMilli(), definition.name(), originRead.name()
                }))
                == 1;
    }

    /** Pauses or resumes; false when the schedule is missing or already so. */
    public boolean setPaused(String name, boolean paused, Instant nextFireAt, Instant now) {
        return sql.update(
                        "schedule.setPaused",
                        paused ? 1 : 0,
                        nextFireAt.toEpochMilli(),
                        now.toEpochMilli(),
                        name,
                        paused ? 0 : 1)
                == 1;
    }

    /** Deletes the schedule if it has this origin. */
    public boolean delete(String name, ScheduleOrigin origin) {
        return sql.update("schedule.delete", name, origin.name()) == 1;
    }

    /** The definition's columns from the type to the origin, in the order both statements list them. */
    private static Object[] definitionColumns(ScheduleDefinition definition) {
        return new Object[] {
            definition.type(),
            definition.payloadJson(),
            definition.group(),
            SqlNull.integer(definition.priority()),
            definition.cron(),
            definition.zone(),
            definition.misfire().name(),
            definition.catchUpLimit(),
            definition.origin().name()
        };
    }

    private static Object[] concat(Object[]... parts) {
        return Arrays.stream(parts).flatMap(Arrays::stream).toArray();
    }

    private static ScheduleRow row(ResultSet row) throws SQLException {
        int priority = row.getInt(5);
        Integer nullablePriority = row.wasNull() ? null : priority;
        long lastSlot = row.getLong(13);
        Instant nullableLastSlot = row.wasNull() ? null : Instant.ofEpochMilli(lastSlot);
        ScheduleDefinition definition = new ScheduleDefinition(
                row.getString(1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                nullablePriority,
                row.getString(6),
                row.getString(7),
                MisfirePolicy.valueOf(row.getString(8)),
                row.getInt(9),
                ScheduleOrigin.valueOf(row.getString(10)));
        return new ScheduleRow(
                definition,
                row.getInt(11) == 1,
                Instant.ofEpochMilli(row.getLong(12)),
                nullableLastSlot,
                row.getLong(14),
                row.getString(15),
                row.getLong(16),
                Instant.ofEpochMilli(row.getLong(17)),
                Instant.ofEpochMilli(row.getLong(18)));
    }
}
