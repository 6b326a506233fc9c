package io.tideflow.queue.core;

import io.tideflow.queue.api.TaskEnqueued;
import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskRequest;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The design's enqueue flow, in its order: validate → assign id → resource group → priority (and the type's other
 * defaults) → persist → enqueued event → wake the dispatcher → return the id. Nothing is persisted unless every
 * earlier step passed.
 */
public final class EnqueueFlow {

    private final TaskRequestValidator validator;
    private final TaskIdGenerator ids;
    private final TypePolicies types;
    private final EnqueuePorts ports;
    private final Clock clock;

    public EnqueueFlow(TaskRequestValidator validator, TaskIdGenerator ids, TypePolicies types, EnqueuePorts ports,
                       Clock clock) {
        this.validator = validator;
        this.ids = ids;
        this.types = types;
        this.ports = ports;
        this.clock = clock;
    }

    public TaskId enqueue(TaskRequest request) {
        ValidatedTaskRequest valid = validator.validate(request);
        if (valid.idempotencyKey() != null) {
            Optional<TaskId> existing = ports.findByIdempotencyKey(valid.idempotencyKey());
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        TaskId id = ids.next();
        String group = resourceGroupOf(valid);
        TaskTypePolicy policy = types.policyOf(valid.type());
        int priority = valid.priority() != null ? valid.priority() : policy.priority();
        int maxAttempts = valid.maxAttempts() != null ? valid.maxAttempts() : policy.maxAttempts();
        Instant now = clock.instant();
        Instant runAt = valid.runAt() == null || valid.runAt().isBefore(now) ? now : valid.runAt();
        ports.persist(new NewTask(id, valid.type(), group, priority, valid.payloadJson(), maxAttempts, runAt,
                now, valid.idempotencyKey(), null));
        ports.fireEnqueued(new TaskEnqueued(id, valid.type(), group, priority));
        ports.wakeDispatcherAfterCommit(group);
        return id;
    }

    private String resourceGroupOf(ValidatedTaskRequest valid) {
        if (valid.group() != null) {
            return valid.group();
        }
        return types.groupOf(valid.type()).orElse(EngineSettings.DEFAULT_GROUP);
    }
}
