package io.tideflow.queue.enqueue;

import io.tideflow.queue.api.Enqueued;
import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskRequest;
import io.tideflow.queue.api.event.TaskEnqueued;
import io.tideflow.queue.config.EngineSettings;
import io.tideflow.queue.config.TypePolicies;
import io.tideflow.queue.groups.GroupCensus;
import io.tideflow.queue.model.TaskTypePolicy;
import io.tideflow.queue.store.NewTask;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The design's enqueue flow, in its order: validate → assign id → resource group → priority (and the type's other
 * defaults) → persist → enqueued event → wake the dispatcher → return the id. Nothing is persisted unless every
 * earlier step passed.
 */
public final class EnqueueFlow {

    /** The most requests one bulk enqueue takes: one transaction, and memory, stay bounded. */
    public static final int MAX_BULK = 10_000;

    private final TaskRequestValidator validator;
    private final TaskIdGenerator ids;
    private final TypePolicies types;
    private final EnqueuePorts ports;
    private final Clock clock;

    public EnqueueFlow(
            TaskRequestValidator validator, TaskIdGenerator ids, TypePolicies types, EnqueuePorts ports, Clock clock) {
        this.validator = validator;
        this.ids = ids;
        this.types = types;
        this.ports = ports;
        this.clock = clock;
    }

    public Enqueued enqueue(TaskRequest request) {
        ValidatedTaskRequest valid = validator.validate(request);
        NewTask task = newTask(valid, clock.instant());
        Optional<GroupCensus.Refusal> refused = ports.admitGroups(List.of(task.group()));
        if (refused.isPresent()) {
            // a repeat of a key already in the store gets its task, whatever the cap says of its group now
            Optional<TaskId> existing = valid.idempotencyKey() == null
                    ? Optional.empty()
                    : ports.findByIdempotencyKey(valid.idempotencyKey());
            if (existing.isPresent()) {
                return new Enqueued(existing.get(), false);
            }
            throw new InvalidTaskRequestException(
                    "group", "'" + refused.get().group() + "' " + refused.get().problem());
        }
        // a key seen before is not looked up first: the store refuses its row and names the task that holds the key,
        // which saves a read on every keyed submission (each JMS message has a key)
        Optional<TaskId> holder = ports.persist(task);
        if (holder.isPresent()) {
            return new Enqueued(holder.get(), false);
        }
        ports.fireEnqueued(new TaskEnqueued(task.id(), task.type(), task.group(), task.priority(), task.createdAt()));
        ports.wakeDispatcherAfterCommit(task.group());
        // the caller's answer needs no read of what was just written
        return new Enqueued(task.id(), true, task.asWritten());
    }

    /**
     * The same flow for many requests in one transaction: every request is validated before anything is persisted (a
     * refusal names the request, as in {@code tasks[3].payload}); the new tasks are written in one batch.
     *
     * @return one outcome per request, in order; a request whose idempotency key was seen before, in the store or earlier
     *         in this list, gets that task's id
     */
    public List<Enqueued> enqueueAll(List<TaskRequest> requests) {
        List<ValidatedTaskRequest> valid = validatedList(requests);
        Instant now = clock.instant();
        List<Enqueued> result = new ArrayList<>(valid.size());
        List<NewTask> fresh = new ArrayList<>(valid.size());
        Map<String, TaskId> keyed = new HashMap<>();
        // keys are not looked up first (as for one task): the store passes over a key another task holds and names it
        for (ValidatedTaskRequest request : valid) {
            String key = request.idempotencyKey();
            TaskId known = key == null ? null : keyed.get(key);
            if (known != null) {
                result.add(new Enqueued(known, false));
                continue;
            }
            NewTask task = newTask(request, now);
            if (key != null) {
                keyed.put(key, task.id());
            }
            fresh.add(task);
            result.add(new Enqueued(task.id(), true));
        }
        refuseGroupsBeyondTheCap(fresh, valid, result);
        Map<String, TaskId> held = ports.persistAll(fresh);
        giveHeldKeysTheirHolders(valid, result, held);
        announce(fresh, held);
        return result;
    }

    /**
     * A task committed before, or by a concurrent submission that committed first, holds these keys: its task stands
     * for every request of {@code valid} with one of them.
     */
    static void giveHeldKeysTheirHolders(
            List<ValidatedTaskRequest> valid, List<Enqueued> result, Map<String, TaskId> held) {
        if (held.isEmpty()) {
            return;
        }
        for (int i = 0; i < valid.size(); i++) {
            TaskId holder = held.get(valid.get(i).idempotencyKey());
            if (holder != null) {
                result.set(i, new Enqueued(holder, false));
            }
        }
    }

    /** The enqueued event of every task written (not those whose key was held), and a wake-up per group. */
    void announce(List<NewTask> fresh, Map<String, TaskId> held) {
        Set<String> groups = new LinkedHashSet<>();
        for (NewTask task : fresh) {
            if (task.idempotencyKey() != null && held.containsKey(task.idempotencyKey())) {
                continue;
            }
            ports.fireEnqueued(
                    new TaskEnqueued(task.id(), task.type(), task.group(), task.priority(), task.createdAt()));
            groups.add(task.group());
        }
        groups.forEach(ports::wakeDispatcherAfterCommit);
    }

    /** Every request of a list validated, or the refusal of the first bad one, naming it as in {@code tasks[3].type}. */
    List<ValidatedTaskRequest> validatedList(List<TaskRequest> requests) {
        if (requests == null || requests.isEmpty() || requests.size() > MAX_BULK) {
            throw new InvalidTaskRequestException(
                    "tasks",
                    "must hold 1 to " + MAX_BULK + " requests, got " + (requests == null ? 0 : requests.size()));
        }
        List<ValidatedTaskRequest> valid = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            try {
                valid.add(validator.validate(requests.get(i)));
            } catch (InvalidTaskRequestException e) {
                throw new InvalidTaskRequestException("tasks[" + i + "]." + e.field(), e.problem());
            }
        }
        return valid;
    }

    ValidatedTaskRequest validated(TaskRequest request) {
        return validator.validate(request);
    }

    /**
     * Refuses the batch, naming the first request of the first group beyond the cap, if there is one. The cap speaks of
     * new tasks: when it refuses, the requests that repeat a key the store holds are read and taken out first (they
     * get the holder's task), as a single enqueue does.
     */
    private void refuseGroupsBeyondTheCap(
            List<NewTask> fresh, List<ValidatedTaskRequest> valid, List<Enqueued> result) {
        if (ports.admitGroups(groupsOf(fresh)).isEmpty()) {
            return;
        }
        Set<TaskId> repeats = new HashSet<>();
        for (int i = 0; i < valid.size(); i++) {
            String key = valid.get(i).idempotencyKey();
            Optional<TaskId> holder = key == null ? Optional.empty() : ports.findByIdempotencyKey(key);
            if (holder.isPresent()) {
                repeats.add(result.get(i).id());
                result.set(i, new Enqueued(holder.get(), false));
            }
        }
        fresh.removeIf(task -> repeats.contains(task.id()));
        ports.admitGroups(groupsOf(fresh)).ifPresent(refusal -> {
            throw capRefusal(valid, refusal, true);
        });
    }

    static Set<String> groupsOf(List<NewTask> tasks) {
        Set<String> groups = new LinkedHashSet<>();
        tasks.forEach(task -> groups.add(task.group()));
        return groups;
    }

    /** The cap's refusal, naming the first request of the refused group ({@code tasks[i].group} in a list). */
    InvalidTaskRequestException capRefusal(
            List<ValidatedTaskRequest> valid, GroupCensus.Refusal refusal, boolean list) {
        for (int i = 0; i < valid.size(); i++) {
            if (resourceGroupOf(valid.get(i)).equals(refusal.group())) {
                return new InvalidTaskRequestException(
                        list ? "tasks[" + i + "].group" : "group", "'" + refusal.group() + "' " + refusal.problem());
            }
        }
        throw new IllegalStateException(
                "group '" + refusal.group() + "' was refused but no request names it; this indicates a bug");
    }

    /** Assign id → resource group → priority and the type's other defaults, in the design's order. */
    NewTask newTask(ValidatedTaskRequest valid, Instant now) {
        TaskId id = ids.next();
        String group = resourceGroupOf(valid);
        TaskTypePolicy policy = types.policyOf(valid.type(), group);
        int priority = valid.priority() != null ? valid.priority() : policy.priority();
        int maxAttempts = valid.maxAttempts() != null ? valid.maxAttempts() : policy.maxAttempts();
        Instant runAt = valid.runAt() == null || valid.runAt().isBefore(now) ? now : valid.runAt();
        return new NewTask(
                id,
                valid.type(),
                group,
                priority,
                valid.payloadJson(),
                maxAttempts,
                runAt,
                now,
                valid.idempotencyKey(),
                null);
    }

    private String resourceGroupOf(ValidatedTaskRequest valid) {
        if (valid.group() != null) {
            return valid.group();
        }
        return types.groupOf(valid.type()).orElse(EngineSettings.DEFAULT_GROUP);
    }
}
