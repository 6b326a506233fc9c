package io.tideflow.queue.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A row of {@code task_results}: the result a task's successful attempt returned (none when it returned none). */
@Entity
@Table(name = "task_results")
public class TaskResultEntity {

    @Id
    @Column(name = "task_id", length = 36)
    private String taskId;

    @Lob
    @Column(name = "result")
    private String result;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    protected TaskResultEntity() {}

    TaskResultEntity(String taskId, String result, long createdAt) {
        this.taskId = taskId;
        this.result = result;
        this.createdAt = createdAt;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getResult() {
        return result;
    }

    public long getCreatedAt() {
        return createdAt;
    }
}
