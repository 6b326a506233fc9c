package io.tideflow.queue.store;

import io.tideflow.queue.api.TaskState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A row of {@code task_events}: one transition of one task. Written by native statements, read through JPA. */
@Entity
@Table(name = "task_events")
@IdClass(TaskEventEntity.Key.class)
@NamedQuery(
        name = TaskEventEntity.OF_TASK,
        query = "SELECT e FROM TaskEventEntity e WHERE e.taskId = :taskId ORDER BY e.seq")
// seq is the event's place in its task's history; the task row is locked by the transition, so counting is safe
@NamedNativeQuery(
        name = TaskEventEntity.APPEND,
        query = "INSERT INTO task_events (task_id, seq, from_state, to_state, occurred_at, node, attempt, detail)"
                + " SELECT CAST(?1 AS CHAR(36)), COUNT(*), CAST(?2 AS VARCHAR(16)), CAST(?3 AS VARCHAR(16)),"
                + " CAST(?4 AS BIGINT), CAST(?5 AS VARCHAR(200)), CAST(?6 AS INTEGER), CAST(?7 AS VARCHAR(4000))"
                + " FROM task_events WHERE task_id = ?8")
@NamedNativeQuery(
        name = TaskEventEntity.APPEND_ENQUEUED,
        query = "INSERT INTO task_events (task_id, seq, from_state, to_state, occurred_at, node, attempt, detail)"
                + " VALUES (?1, 0, NULL, ?5, ?2, ?3, 0, ?4)")
@NamedNativeQuery(
        name = TaskEventEntity.APPEND_CLAIMED,
        query = "INSERT INTO task_events (task_id, seq, from_state, to_state, occurred_at, node, attempt)"
                + " SELECT t.id, (SELECT COUNT(*) FROM task_events e WHERE e.task_id = t.id),"
                + " CAST(?36 AS VARCHAR(16)), CAST(?37 AS VARCHAR(16)),"
                + " CAST(?1 AS BIGINT), CAST(?2 AS VARCHAR(200)), t.attempts FROM tasks t"
                + " WHERE t.lease_token = ?3 AND t.id IN (" + TaskEntity.ID_LIST_FROM_4 + ")")
public class TaskEventEntity {

    static final String OF_TASK = "TaskEvent.ofTask";
    static final String APPEND = "TaskEvent.append";
    static final String APPEND_CLAIMED = "TaskEvent.appendClaimed";
    static final String APPEND_ENQUEUED = "TaskEvent.appendEnqueued";

    @Id
    @Column(name = "task_id", length = 36)
    private String taskId;

    @Id
    @Column(name = "seq")
    private int seq;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", length = 16)
    private TaskState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", length = 16)
    private TaskState toState;

    @Column(name = "occurred_at")
    private long occurredAt;

    @Column(name = "node", length = 200)
    private String node;

    @Column(name = "attempt")
    private int attempt;

    @Column(name = "detail", length = 4000)
    private String detail;

    protected TaskEventEntity() {}

    public int getSeq() {
        return seq;
    }

    /** The key of an event: its task and its place in the task's history. */
    public static class Key implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private String taskId;
        private int seq;

        public Key() {}

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.seq == seq && java.util.Objects.equals(key.taskId, taskId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(taskId, seq);
        }
    }

    public String getTaskId() {
        return taskId;
    }

    public TaskState getFromState() {
        return fromState;
    }

    public TaskState getToState() {
        return toState;
    }

    public long getOccurredAt() {
        return occurredAt;
    }

    public String getNode() {
        return node;
    }

    public int getAttempt() {
        return attempt;
    }

    public String getDetail() {
        return detail;
    }
}
