package io.tideflow.queue.store;

import io.tideflow.queue.api.worker.LeasedTask;
import io.tideflow.queue.model.Transition;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes many successful attempts in the caller's transaction with three JDBC batches (the conditional
 * RUNNING → COMPLETED updates, the result rows, the history rows), so that a commit is shared by every completion
 * written together. Each update is still conditional on its own lease token: a stale one writes nothing for its task.
 * Only for attempts whose handler work is not part of the completion's transaction.
 */
public class CompletionWriter {

    // the same conditional change as the one-task path in TaskStore
    private static final String COMPLETE = TransitionStatements.update(Transition.COMPLETE);
    private static final String RESULT =
            "INSERT INTO task_results (task_id, result, execution_ms, created_at)" + " VALUES (?, ?, ?, ?)";
    private static final String EVENT = "INSERT INTO task_events"
            + " (task_id, seq, from_state, to_state, occurred_at, node, attempt, detail)"
            + " SELECT CAST(? AS CHAR(36)), COUNT(*), '" + Transition.COMPLETE.from() + "', '"
            + Transition.COMPLETE.to() + "', CAST(? AS BIGINT),"
            + " CAST(? AS VARCHAR(200)), CAST(? AS INTEGER), CAST(NULL AS VARCHAR(4000)) FROM task_events WHERE task_id = ?";

    /** One successful attempt waiting to be written. */
    public record Completion(LeasedTask task, String resultJson, long executionMs, Instant at) {}

    private final EntityManager em;
    private final String node;

    public CompletionWriter(EntityManager em, String node) {
        this.em = em;
        this.node = node;
    }

    /**
     * Completes every task whose lease token is still the one it was claimed with.
     *
     * @return the completions that were not written because their lease was stale
     */
    public List<Completion> writeAll(List<Completion> completions) {
        if (completions.isEmpty()) {
            return List.of();
        }
        try {
            // the persistence context's own connection, so that these batches share its transaction
            Connection connection = em.unwrap(Connection.class);
            List<Completion> written = new ArrayList<>(completions.size());
            List<Completion> stale = new ArrayList<>();
            int[] changed = completeAll(connection, completions);
            for (int i = 0; i < completions.size(); i++) {
                (changed[i] == 0 ? stale : written).add(completions.get(i));
            }
            insertResults(connection, written);
            appendHistory(connection, written);
            return stale;
        } catch (SQLException e) {
            throw new jakarta.persistence.PersistenceException(
                    "writing " + completions.size() + " completions failed", e);
        }
    }

    private static int[] completeAll(Connection connection, List<Completion> completions) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(COMPLETE)) {
            for (Completion completion : completions) {
                update.setLong(1, completion.at().toEpochMilli());
                update.setString(2, completion.task().id().value());
                update.setString(3, completion.task().leaseToken());
                update.addBatch();
            }
            int[] counts = update.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == PreparedStatement.SUCCESS_NO_INFO) {
                    throw new SQLException("the driver did not report how many rows the completion of task "
                            + completions.get(i).task().id() + " changed; its lease cannot be checked");
                }
            }
            return counts;
        }
    }

    private static void insertResults(Connection connection, List<Completion> written) throws SQLException {
        if (written.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(RESULT)) {
            for (Completion completion : written) {
                insert.setString(1, completion.task().id().value());
                insert.setString(2, completion.resultJson());
                insert.setLong(3, completion.executionMs());
                insert.setLong(4, completion.at().toEpochMilli());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void appendHistory(Connection connection, List<Completion> written) throws SQLException {
        if (written.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(EVENT)) {
            for (Completion completion : written) {
                String id = completion.task().id().value();
                insert.setString(1, id);
                insert.setLong(2, completion.at().toEpochMilli());
                insert.setString(3, node);
                insert.setInt(4, completion.task().attempt());
                insert.setString(5, id);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
