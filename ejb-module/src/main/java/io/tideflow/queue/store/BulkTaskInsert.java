package io.tideflow.queue.store;

import io.tideflow.queue.model.Transition;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * Inserts many new tasks, each with its first history row, in the caller's transaction with two JDBC batches: the
 * rows travel to the database together instead of two round trips per task.
 */
final class BulkTaskInsert {

    // the same rows as the one-task insert in TaskEntity and TaskEventEntity
    private static final String TASK = "INSERT INTO tasks (id, type, resource_group, payload, state, priority, run_at,"
            + " created_at, updated_at, attempts, max_attempts, idempotency_key, requeued_from)"
            + " VALUES (?, ?, ?, ?, '" + Transition.ENQUEUE.to() + "', ?, ?, ?, ?, 0, ?, ?, ?)";
    private static final String EVENT = "INSERT INTO task_events"
            + " (task_id, seq, from_state, to_state, occurred_at, node, attempt, detail)"
            + " VALUES (?, 0, NULL, '" + Transition.ENQUEUE.to() + "', ?, ?, 0, ?)";

    private BulkTaskInsert() {}

    static void insertAll(EntityManager em, String node, List<NewTask> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        try {
            // the persistence context's own connection, so that the batches share its transaction
            Connection connection = em.unwrap(Connection.class);
            insertTasks(connection, tasks);
            insertEvents(connection, node, tasks);
        } catch (SQLException e) {
            throw new PersistenceException("inserting " + tasks.size() + " tasks failed", e);
        }
    }

    private static void insertTasks(Connection connection, List<NewTask> tasks) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(TASK)) {
            for (NewTask task : tasks) {
                insert.setString(1, task.id().value());
                insert.setString(2, task.type());
                insert.setString(3, task.group());
                insert.setString(4, task.payloadJson());
                insert.setInt(5, task.priority());
                insert.setLong(6, task.runAt().toEpochMilli());
                insert.setLong(7, task.createdAt().toEpochMilli());
                insert.setLong(8, task.createdAt().toEpochMilli());
                insert.setInt(9, task.maxAttempts());
                setNullable(insert, 10, task.idempotencyKey());
                setNullable(
                        insert,
                        11,
                        task.requeuedFrom() == null ? null : task.requeuedFrom().value());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertEvents(Connection connection, String node, List<NewTask> tasks) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(EVENT)) {
            for (NewTask task : tasks) {
                insert.setString(1, task.id().value());
                insert.setLong(2, task.createdAt().toEpochMilli());
                insert.setString(3, node);
                setNullable(insert, 4, task.requeuedFrom() == null ? null : "requeued from " + task.requeuedFrom());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }
}
