package io.tideflow.queue.store;

import io.tideflow.queue.api.TaskState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A row of {@code tasks}. Times are epoch milliseconds (see the schema). */
@Entity
@Table(name = "tasks")
@NamedQuery(name = TaskEntity.DUE_IDS,
        query = "SELECT t.id FROM TaskEntity t WHERE t.state = :state AND t.runAt <= :now"
                + " ORDER BY t.priority DESC, t.id")
@NamedQuery(name = TaskEntity.CLAIM_ONE,
        query = "UPDATE TaskEntity t SET t.state = :running, t.leaseOwner = :owner, t.leaseToken = :token,"
                + " t.leaseExpiresAt = :expiresAt, t.attempts = t.attempts + 1, t.updatedAt = :now"
                + " WHERE t.id = :id AND t.state = :pending AND t.runAt <= :now")
@NamedQuery(name = TaskEntity.BY_IDS, query = "SELECT t FROM TaskEntity t WHERE t.id IN :ids")
@NamedQuery(name = TaskEntity.BY_IDEMPOTENCY_KEY, query = "SELECT t.id FROM TaskEntity t WHERE t.idempotencyKey = :key")
@NamedQuery(name = TaskEntity.COMPLETE,
        query = "UPDATE TaskEntity t SET t.state = :completed, t.leaseOwner = NULL, t.leaseToken = NULL,"
                + " t.leaseExpiresAt = NULL, t.lastError = NULL, t.updatedAt = :now"
                + " WHERE t.id = :id AND t.state = :running AND t.leaseToken = :token")
@NamedQuery(name = TaskEntity.FAIL,
        query = "UPDATE TaskEntity t SET t.state = :failed, t.leaseOwner = NULL, t.leaseToken = NULL,"
                + " t.leaseExpiresAt = NULL, t.lastError = :error, t.runAt = :retryAt, t.updatedAt = :now"
                + " WHERE t.id = :id AND t.state = :running AND t.leaseToken = :token")
@NamedQuery(name = TaskEntity.FAILED_TO_DEAD_LETTER,
        query = "UPDATE TaskEntity t SET t.state = :deadLetter, t.updatedAt = :now"
                + " WHERE t.id = :id AND t.state = :failed AND t.attempts >= t.maxAttempts")
@NamedQuery(name = TaskEntity.DUE_RETRY_IDS,
        query = "SELECT t.id FROM TaskEntity t WHERE t.state = :failed AND t.runAt <= :now"
                + " AND t.attempts < t.maxAttempts ORDER BY t.runAt")
@NamedQuery(name = TaskEntity.RETRY_TO_PENDING,
        query = "UPDATE TaskEntity t SET t.state = :pending, t.updatedAt = :now"
                + " WHERE t.id = :id AND t.state = :failed AND t.runAt <= :now AND t.attempts < t.maxAttempts")
@NamedQuery(name = TaskEntity.CANCEL,
        query = "UPDATE TaskEntity t SET t.state = :cancelled, t.updatedAt = :now"
                + " WHERE t.id = :id AND t.state = :pending")
public class TaskEntity {

    static final String DUE_IDS = "Task.dueIds";
    static final String CLAIM_ONE = "Task.claimOne";
    static final String BY_IDS = "Task.byIds";
    static final String BY_IDEMPOTENCY_KEY = "Task.byIdempotencyKey";
    static final String COMPLETE = "Task.complete";
    static final String FAIL = "Task.fail";
    static final String FAILED_TO_DEAD_LETTER = "Task.failedToDeadLetter";
    static final String DUE_RETRY_IDS = "Task.dueRetryIds";
    static final String RETRY_TO_PENDING = "Task.retryToPending";
    static final String CANCEL = "Task.cancel";

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

    protected TaskEntity() {
    }

    TaskEntity(String id, String type, String resourceGroup, String payload, int priority, long runAt, long createdAt,
               int maxAttempts, String idempotencyKey) {
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
}
