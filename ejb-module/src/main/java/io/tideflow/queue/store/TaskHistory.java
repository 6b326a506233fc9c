package io.tideflow.queue.store;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.admin.TaskEventView;
import io.tideflow.queue.model.Transition;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.List;

/** Appends transitions to {@code task_events} in the caller's transaction, and reads a task's history back. */
public class TaskHistory {

    private static final int MAX_DETAIL = 4000;

    private final EntityManager em;
    private final String node;

    public TaskHistory(EntityManager em, String node) {
        this.em = em;
        this.node = node;
    }

    /** The edge {@code transition} took, for one task. */
    void append(String taskId, Transition transition, Instant at, int attempt, String detail) {
        em.createNamedQuery(TaskEventEntity.APPEND)
                .setParameter(1, taskId)
                .setParameter(2, transition.from().name())
                .setParameter(3, transition.to().name())
                .setParameter(4, at.toEpochMilli())
                .setParameter(5, node)
                .setParameter(6, attempt)
                .setParameter(7, trim(detail))
                .setParameter(8, taskId)
                .executeUpdate();
    }

    /** The first event of a new task ({@link Transition#ENQUEUE}): its place is 0, so no count is needed. */
    void appendEnqueued(String taskId, Instant at, String detail) {
        em.createNamedQuery(TaskEventEntity.APPEND_ENQUEUED)
                .setParameter(1, taskId)
                .setParameter(2, at.toEpochMilli())
                .setParameter(3, node)
                .setParameter(4, detail)
                .setParameter(5, Transition.ENQUEUE.to().name())
                .executeUpdate();
    }

    /** {@link Transition#CLAIM} for every task that a claim statement took under {@code token}. */
    void appendClaimed(List<String> ids, String token, Instant at) {
        Query append = em.createNamedQuery(TaskEventEntity.APPEND_CLAIMED)
                .setParameter(1, at.toEpochMilli())
                .setParameter(2, node)
                .setParameter(3, token)
                .setParameter(36, Transition.CLAIM.from().name())
                .setParameter(37, Transition.CLAIM.to().name());
        TaskEntity.setIdList(append, 4, ids);
        append.executeUpdate();
    }

    public List<TaskEventView> of(TaskId id) {
        return em.createNamedQuery(TaskEventEntity.OF_TASK, TaskEventEntity.class)
                .setParameter("taskId", id.value())
                .getResultStream()
                .map(e -> new TaskEventView(
                        e.getFromState(),
                        e.getToState(),
                        Instant.ofEpochMilli(e.getOccurredAt()),
                        e.getNode(),
                        e.getAttempt(),
                        e.getDetail()))
                .toList();
    }

    private static String trim(String detail) {
        return detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL - 3) + "...";
    }
}
