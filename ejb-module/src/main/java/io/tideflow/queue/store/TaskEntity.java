package io.tideflow.queue.store;

import io.tideflow.queue.api.TaskState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * A row of {@code tasks}, read by id only ({@code em.find}): every statement on the table is in the SQL catalog
 * ({@code META-INF/tideflow/sql}). Times are epoch milliseconds (see the schema).
 */
@Entity
@Table(name = "tasks")
public class TaskEntity {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "type", nullable = false, length = 200)
    private String type;

    @Column(name = "resource_group", nullable = false, length = 100)
    private String resourceGroup;

    @Lob
    @Column(name = "payload", nullable = false)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private TaskState state;

    @Column(name = "priority", nullable = false)
    private int priority;

    @Column(name = "run_at", nullable = false)
    private long runAt;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "updated_at", nullable = false)
    private long updatedAt;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "max_attempts", nullable = false)
    private int maxAttempts;

    @Column(name = "lease_owner", length = 200)
    private String leaseOwner;

    @Column(name = "lease_token", length = 36)
    private String leaseToken;

    @Column(name = "lease_expires_at")
    private Long leaseExpiresAt;

    @Column(name = "last_error", length = 4000)
    private String lastError;

    @Column(name = "idempotency_key", length = 200)
    private String idempotencyKey;

    @Column(name = "cancel_requested", nullable = false)
    private int cancelRequested;

    @Column(name = "requeued_from", length = 36)
    private String requeuedFrom;

    @Column(name = "execution_ms")
    private Long executionMs;

    protected TaskEntity() {}

    TaskEntity(
            String id,
            String type,
            String resourceGroup,
            String payload,
            int priority,
            long runAt,
            long createdAt,
            int maxAttempts,
            String idempotencyKey,
            String requeuedFrom) {
        this.requeuedFrom = requeuedFrom;
        this.id = id;
        this.type = type;
        this.resourceGroup = resourceGroup;
        this.payload = payload;
        this.state = TaskState.PENDING;
        this.priority = priority;
        this.runAt = runAt;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.maxAttempts = maxAttempts;
        this.idempotencyKey = idempotencyKey;
    }

    public String getId() {
        return id;
    }

    public String getType() {
        return type;
    }

    public String getResourceGroup() {
        return resourceGroup;
    }

    public String getPayload() {
        return payload;
    }

    public TaskState getState() {
        return state;
    }

    public int getPriority() {
        return priority;
    }

    public long getRunAt() {
        return runAt;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public long getUpdatedAt() {
        return updatedAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public String getLeaseOwner() {
        return leaseOwner;
    }

    public String getLeaseToken() {
        return leaseToken;
    }

    public Long getLeaseExpiresAt() {
        return leaseExpiresAt;
    }

    public String getLastError() {
        return lastError;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public boolean isCancelRequested() {
        return cancelRequested != 0;
    }

    public String getRequeuedFrom() {
        return requeuedFrom;
    }

    /** How long the successful attempt ran; null until the task completes. */
    public Long getExecutionMs() {
        return executionMs;
    }
}
