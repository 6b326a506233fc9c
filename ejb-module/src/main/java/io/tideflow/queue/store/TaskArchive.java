package io.tideflow.queue.store;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.model.Transition;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves finished tasks (COMPLETED, CANCELLED) to ARCHIVED, in the caller's transaction: the state machine's last
 * step, so that operators' views of "done" stay about recent work. Each move is conditional on the state read, so a
 * task requeued or changed meanwhile is left alone, and every move is recorded in the task's history.
 */
public class TaskArchive {

    private final EntityManager em;
    private final TaskHistory history;

    public TaskArchive(EntityManager em, TaskHistory history) {
        this.em = em;
        this.history = history;
    }

    /** Archives up to {@code limit} tasks that finished before {@code finishedBefore}; returns those it moved. */
    public List<ArchivedTask> archiveFinishedBefore(Instant finishedBefore, int limit, Instant now) {
        List<Candidate> candidates = candidates(finishedBefore, limit);
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<ArchivedTask> archived = new ArrayList<>();
        for (Transition transition : List.of(Transition.ARCHIVE_COMPLETED, Transition.ARCHIVE_CANCELLED)) {
            List<Candidate> leaving = candidates.stream()
                    .filter(c -> c.state() == transition.from())
                    .toList();
            if (!leaving.isEmpty()) {
                archived.addAll(move(transition, leaving, now));
            }
        }
        return archived;
    }

    private List<ArchivedTask> move(Transition transition, List<Candidate> candidates, Instant now) {
        List<ArchivedTask> archived = new ArrayList<>();
        try (PreparedStatement move = connection().prepareStatement(TransitionStatements.update(transition))) {
            for (Candidate candidate : candidates) {
                move.setLong(1, now.toEpochMilli());
                move.setString(2, candidate.id());
                move.addBatch();
            }
            int[] moved = move.executeBatch();
            for (int i = 0; i < moved.length; i++) {
                // SUCCESS_NO_INFO (-2) does not occur for single-row updates on Derby or PostgreSQL
                if (moved[i] == 1) {
                    Candidate task = candidates.get(i);
                    history.append(task.id(), transition, now, task.attempts(), "archived");
                    archived.add(new ArchivedTask(TaskId.of(task.id()), task.type(), task.group(), task.state()));
                }
            }
            return archived;
        } catch (SQLException e) {
            throw new PersistenceException("archiving finished tasks (" + transition + ") failed", e);
        }
    }

    private List<Candidate> candidates(Instant finishedBefore, int limit) {
        List<Candidate> candidates = new ArrayList<>();
        try (PreparedStatement query = connection()
                .prepareStatement("SELECT id, type, resource_group, state,"
                        + " attempts FROM tasks WHERE state IN ('COMPLETED', 'CANCELLED') AND updated_at < ?")) {
            query.setMaxRows(limit);
            query.setLong(1, finishedBefore.toEpochMilli());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    candidates.add(new Candidate(
                            rows.getString(1),
                            rows.getString(2),
                            rows.getString(3),
                            TaskState.valueOf(rows.getString(4).trim()),
                            rows.getInt(5)));
                }
            }
            return candidates;
        } catch (SQLException e) {
            throw new PersistenceException("finding tasks to archive failed", e);
        }
    }

    private Connection connection() {
        // the persistence context's own connection, so that these statements share its transaction
        return em.unwrap(Connection.class);
    }

    private record Candidate(String id, String type, String group, TaskState state, int attempts) {}
}
