package io.tideflow.queue.store;

import io.tideflow.queue.api.TaskState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A row of {@code task_events}: one transition of one task. Written by native statements, read through JPA. */
@Entity
@Table(name = "task_events")
@NamedQuery(name = TaskEventEntity.OF_TASK,
        query = "SELECT e FROM TaskEventEntity e WHERE e.taskId = :taskId ORDER BY e.id")
@NamedNativeQuery(name = TaskEventEntity.APPEND,
        query = "INSERT INTO task_events (task_id, from_state, to_state, occurred_at, node, attempt, detail)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
@NamedNativeQuery(name = TaskEventEntity.APPEND_CLAIMED,
        query = "INSERT INTO task_events (task_id, from_state, to_state, occurred_at, node, attempt)"
                + " SELECT id, 'PENDING', 'RUNNING', ?1, ?2, attempts FROM tasks WHERE lease_token = ?3 AND id IN ("
                + TaskEntity.ID_LIST_FROM_4 + ")")
public class TaskEventEntity {

    static final String OF_TASK = "TaskEvent.ofTask";
    static final String APPEND = "TaskEvent.append";
    static final String APPEND_CLAIMED = "TaskEvent.appendClaimed";

    @Id
    @Column(name = "id")
    private long id;

    @Column(name = "task_id", length = 36)
    private String taskId;

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

    protected TaskEventEntity() {
    }

    public long getId() {
        return id;
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
