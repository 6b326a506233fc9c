package io.tideflow.queue.store;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.model.Transition;
import io.tideflow.queue.sql.SqlRunner;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/**
 * The workflow steps that wait for their predecessors (WAITING), in the caller's transaction: written, released to
 * PENDING once nothing holds them back, cancelled when a predecessor failed. Each change is one statement conditional
 * on WAITING (the release also on its predecessors as the statement sees them), with its history row, so two nodes
 * releasing or cancelling the same step change it once.
 */
public class WaitingTasks {

    /** A step that can run now, and the group whose dispatchers should look. */
    public record Releasable(TaskId id, String group) {}

    /** A step that a predecessor's end cancels. */
    public record Doomed(TaskId id, TaskId predecessor, String predecessorState, String type, String group) {}

    private final SqlRunner sql;
    private final String node;
    private final TaskHistory history;

    public WaitingTasks(EntityManager em, String node, StoreDialect dialect) {
        this.sql = dialect.on(em);
        this.node = node;
        this.history = new TaskHistory(em, node, dialect);
    }

    /** Writes new WAITING tasks with their first history rows ({@link Transition#ENQUEUE_WAITING}), in two batches. */
    public void insertAll(List<NewTask> tasks) {
        sql.batch("task.insertWaiting", tasks, BulkTaskInsert::taskParameters);
        sql.batch("event.appendEnqueuedWaiting", tasks, task ->
                new Object[] {task.id().value(), task.createdAt().toEpochMilli(), node, null});
    }

    /** Whether any task waits: the releaser's whole cost while no workflow runs. */
    public boolean anyWaiting() {
        return !sql.list("workflow.anyWaiting", 1, row -> row.getString(1)).isEmpty();
    }

    /** Up to {@code limit} waiting tasks that nothing holds back, oldest first. */
    public List<Releasable> releasable(int limit) {
        return sql.list(
                "workflow.releasable",
                limit,
                row -> new Releasable(TaskId.of(row.getString(1).trim()), row.getString(2)));
    }

    /** Up to {@code limit} waiting tasks a failed predecessor cancels. */
    public List<Doomed> doomed(int limit) {
        return sql.list(
                "workflow.doomed",
                limit,
                row -> new Doomed(
                        TaskId.of(row.getString(1).trim()),
                        TaskId.of(row.getString(2).trim()),
                        row.getString(3).trim(),
                        row.getString(4),
                        row.getString(5)));
    }

    /** WAITING → PENDING, due now, unless it has left WAITING or a predecessor holds it back meanwhile. */
    public boolean release(TaskId id, Instant now) {
        if (sql.update(
                        TransitionStatements.nameOf(Transition.RELEASE_WAITING),
                        now.toEpochMilli(),
                        now.toEpochMilli(),
                        id.value(),
                        id.value())
                == 0) {
            return false;
        }
        history.append(id.value(), Transition.RELEASE_WAITING, now, 0, "its predecessors have ended");
        return true;
    }

    /** WAITING → CANCELLED with the reason, unless it has left WAITING meanwhile. */
    public boolean cancel(TaskId id, Instant now, String reason) {
        if (sql.update(
                        TransitionStatements.nameOf(Transition.CANCEL_WAITING),
                        ColumnText.fit(reason, ColumnText.ERROR_CHARS),
                        now.toEpochMilli(),
                        id.value())
                == 0) {
            return false;
        }
        history.append(id.value(), Transition.CANCEL_WAITING, now, 0, reason);
        return true;
    }
}
