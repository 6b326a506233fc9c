package io.tideflow.queue.store;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.model.Transition;
import io.tideflow.queue.sql.SqlRunner;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves finished tasks (COMPLETED, CANCELLED) to ARCHIVED, in the caller's transaction: the state machine's last
 * step, so that operators' views of "done" stay about recent work. Each move is conditional on the state read, so a
 * task requeued or changed meanwhile is left alone, and every move is recorded in the task's history.
 */
public class TaskArchive {

    private final SqlRunner sql;
    private final TaskHistory history;

    public TaskArchive(EntityManager em, StoreDialect dialect, TaskHistory history) {
        this.sql = dialect.on(em);
        this.history = history;
    }

    /** Archives up to {@code limit} tasks that finished before {@code finishedBefore}; returns those it moved. */
    public List<ArchivedTask> archiveFinishedBefore(Instant finishedBefore, int limit, Instant now) {
        List<Candidate> candidates = sql.list(
                "task.finishedBefore",
                limit,
                row -> new Candidate(
                        row.getString(1).trim(),
                        row.getString(2),
                        row.getString(3),
                        TaskState.valueOf(row.getString(4).trim()),
                        row.getInt(5)),
                finishedBefore.toEpochMilli());
        List<ArchivedTask> archived = new ArrayList<>();
        for (Transition transition : List.of(Transition.ARCHIVE_COMPLETED, Transition.ARCHIVE_CANCELLED)) {
            List<Candidate> leaving = candidates.stream()
                    .filter(c -> c.state() == transition.from())
                    .toList();
            archived.addAll(move(transition, leaving, now));
        }
        return archived;
    }

    /**
     * Deletes up to {@code limit} tasks that have been in {@code state} (ARCHIVED or DEAD_LETTER) since before
     * {@code before}, with their history and result. Each delete is conditional on the state, so a task that left it
     * meanwhile stays.
     *
     * @return how many it deleted
     */
    public int purge(TaskState state, Instant before, int limit) {
        if (state != TaskState.ARCHIVED && state != TaskState.DEAD_LETTER) {
            throw new IllegalArgumentException("only ARCHIVED tasks and dead letters are purged, not " + state);
        }
        List<String> ids =
                sql.list("task.purgeable", limit, row -> row.getString(1).trim(), state.name(), before.toEpochMilli());
        int deleted = 0;
        for (List<String> some : sql.slices("task.purge", ids)) {
            deleted += sql.update("task.purge", state.name(), some);
            sql.update("event.purgeOfGoneTasks", some);
        }
        return deleted;
    }

    private List<ArchivedTask> move(Transition transition, List<Candidate> candidates, Instant now) {
        int[] moved = sql.batch(TransitionStatements.nameOf(transition), candidates, candidate ->
                new Object[] {now.toEpochMilli(), candidate.id()});
        List<ArchivedTask> archived = new ArrayList<>();
        for (int i = 0; i < moved.length; i++) {
            // SUCCESS_NO_INFO (-2) does not occur for single-row updates on Derby or PostgreSQL
            if (moved[i] == 1) {
                Candidate task = candidates.get(i);
                history.append(task.id(), transition, now, task.attempts(), "archived");
                archived.add(new ArchivedTask(TaskId.of(task.id()), task.type(), task.group(), task.state()));
            }
        }
        return archived;
    }

    private record Candidate(String id, String type, String group, TaskState state, int attempts) {}
}
