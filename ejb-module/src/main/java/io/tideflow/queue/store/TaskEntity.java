package io.tideflow.queue.store;

import io.tideflow.queue.api.TaskState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A row of {@code tasks}. Times are epoch milliseconds (see the schema). */
@Entity
@Table(name = "tasks")
@NamedQuery(name = TaskEntity.BY_IDEMPOTENCY_KEY, query = "SELECT t.id FROM TaskEntity t WHERE t.idempotencyKey = :key")
@NamedQuery(
        name = TaskEntity.DUE_RETRY_IDS,
        query = "SELECT t.id, t.attempts FROM TaskEntity t WHERE t.state = :failed AND t.runAt <= :now"
                + " AND t.attempts < t.maxAttempts ORDER BY t.runAt")
@NamedQuery(
        name = TaskEntity.EXPIRED_LEASES,
        query = "SELECT t FROM TaskEntity t WHERE t.state = :running AND t.leaseExpiresAt < :now"
                + " ORDER BY t.leaseExpiresAt")
@NamedQuery(
        name = TaskEntity.HELD_BY,
        query = "SELECT t FROM TaskEntity t WHERE t.state = :running AND t.leaseOwner = :owner")
// State changes are not here: each is a Transition's conditional statement (TransitionStatements, the dialects).
@NamedNativeQuery(
        name = TaskEntity.NODE_BEAT,
        query = "UPDATE tideflow_nodes SET last_seen = ?1, running = ?2, started_at = ?3 WHERE node_id = ?4")
@NamedNativeQuery(
        name = TaskEntity.NODE_JOIN,
        query = "INSERT INTO tideflow_nodes (node_id, started_at, last_seen, running) VALUES (?1, ?2, ?3, ?4)")
@NamedNativeQuery(
        name = TaskEntity.NODES,
        query = "SELECT node_id, started_at, last_seen, running FROM tideflow_nodes ORDER BY node_id")
@NamedNativeQuery(
        name = TaskEntity.INSERT,
        query = "INSERT INTO tasks (id, type, resource_group, payload, state, priority, run_at, created_at, updated_at,"
                + " attempts, max_attempts, idempotency_key, requeued_from)"
                + " VALUES (?1, ?2, ?3, ?4, ?11, ?5, ?6, ?7, ?7, 0, ?8, ?9, ?10)")
@NamedNativeQuery(
        name = TaskEntity.REQUEST_CANCEL,
        query = "UPDATE tasks SET cancel_requested = 1, updated_at = ?1 WHERE id = ?2 AND state = 'RUNNING'")
@NamedNativeQuery(
        name = TaskEntity.HEARTBEAT,
        query = "UPDATE tasks SET lease_expires_at = ?1 WHERE id = ?2 AND state = 'RUNNING' AND lease_token = ?3")
@NamedNativeQuery(
        name = TaskEntity.CANCEL_REQUESTED_AMONG,
        query = "SELECT id FROM tasks WHERE cancel_requested = 1 AND state = 'RUNNING' AND id IN ("
                + TaskEntity.ID_LIST_FROM_1 + ")")
public class TaskEntity {

    /** The groups whose tasks are claimed one group at a time, within their limits: see resource_groups. */
    static final String RESTRICTED_GROUPS = "SELECT name FROM resource_groups WHERE paused = 1 OR breaker = 1"
            + " OR max_concurrent IS NOT NULL OR max_concurrent_cluster IS NOT NULL OR rate_permits IS NOT NULL";

    static final String INSERT = "Task.insert";
    static final String NODE_BEAT = "Node.beat";
    static final String NODE_JOIN = "Node.join";
    static final String NODES = "Node.all";
    static final String EXPIRED_LEASES = "Task.expiredLeases";
    static final String HELD_BY = "Task.heldBy";
    static final String REQUEST_CANCEL = "Task.requestCancel";
    static final String HEARTBEAT = "Task.heartbeat";
    static final String CANCEL_REQUESTED_AMONG = "Task.cancelRequestedAmong";
    static final String ID_LIST_FROM_1 =
            "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32";
    static final String ID_LIST_FROM_2 =
            "?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33";
    static final String ID_LIST_FROM_4 =
            "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35";
    static final String ID_LIST_FROM_6 =
            "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37";
    /** How many ids one claim statement takes; unused places repeat the first id. */
    static final int CLAIM_BATCH_SIZE = 32;

    static final String BY_IDEMPOTENCY_KEY = "Task.byIdempotencyKey";
    static final String DUE_RETRY_IDS = "Task.dueRetryIds";

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

    /**
     * Binds an id list of one of the {@code ID_LIST_FROM_n} statements. Unused places repeat the first id, so every
     * batch size uses the same statement text and the database's statement cache stays warm.
     */
    static void setIdList(jakarta.persistence.Query query, int firstPosition, java.util.List<String> ids) {
        if (ids.isEmpty() || ids.size() > CLAIM_BATCH_SIZE) {
            throw new IllegalArgumentException(
                    "an id list takes 1 to " + CLAIM_BATCH_SIZE + " ids, got " + ids.size() + "; this indicates a bug");
        }
        for (int slot = 0; slot < CLAIM_BATCH_SIZE; slot++) {
            query.setParameter(firstPosition + slot, ids.get(Math.min(slot, ids.size() - 1)));
        }
    }
}
