package io.tideflow.queue.core;

import io.tideflow.queue.api.TaskEnqueued;
import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskRequest;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The design's enqueue flow, in its order: validate → assign id → resource group → priority → persist → enqueued
 * event → wake the dispatcher → return the id. Nothing is persisted unless every earlier step passed.
 */
public final class EnqueueFlow {

    private final TaskRequestValidator validator;
    private final TaskIdGenerator ids;
    private final TypeDefaults typeDefaults;
    private final EnqueuePorts ports;
    private final Clock clock;
    private final int defaultPriority;

    public EnqueueFlow(TaskRequestValidator validator, TaskIdGenerator ids, TypeDefaults typeDefaults,
                       EnqueuePorts ports, Clock clock, EngineSettings settings) {
        this.validator = validator;
        this.ids = ids;
        this.typeDefaults = typeDefaults;
        this.ports = ports;
        this.clock = clock;
        this.defaultPriority = settings.defaultPriority();
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
        int priority = priorityOf(valid);
        Instant now = clock.instant();
        Instant runAt = valid.runAt() == null || valid.runAt().isBefore(now) ? now : valid.runAt();
        ports.persist(new NewTask(id, valid.type(), group, priority, valid.payloadJson(), valid.maxAttempts(), runAt,
                now, valid.idempotencyKey()));
        ports.fireEnqueued(new TaskEnqueued(id, valid.type(), group, priority));
        ports.wakeDispatcherAfterCommit(group);
        return id;
    }

    private String resourceGroupOf(ValidatedTaskRequest valid) {
        if (valid.group() != null) {
            return valid.group();
        }
        return typeDefaults.groupOf(valid.type()).orElse(EngineSettings.DEFAULT_GROUP);
    }

    private int priorityOf(ValidatedTaskRequest valid) {
        if (valid.priority() != null) {
            return valid.priority();
        }
        return typeDefaults.priorityOf(valid.type()).orElse(defaultPriority);
    }
}
