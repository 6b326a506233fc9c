package io.tideflow.queue.enqueue;

import io.tideflow.queue.api.Enqueued;
import io.tideflow.queue.api.IllegalTransitionException;
import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.Submission;
import io.tideflow.queue.api.Submitted;
import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskNotFoundException;
import io.tideflow.queue.api.TaskQueue;
import io.tideflow.queue.api.TaskRequest;
import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.admin.NodeView;
import io.tideflow.queue.api.admin.TaskChangeCursor;
import io.tideflow.queue.api.admin.TaskChangePage;
import io.tideflow.queue.api.admin.TaskEventView;
import io.tideflow.queue.api.admin.TaskFilter;
import io.tideflow.queue.api.admin.TaskPage;
import io.tideflow.queue.api.admin.TaskQueries;
import io.tideflow.queue.api.admin.TaskView;
import io.tideflow.queue.api.event.TaskCancelled;
import io.tideflow.queue.api.event.TaskEnqueued;
import io.tideflow.queue.audit.CallerNames;
import io.tideflow.queue.config.EngineSettings;
import io.tideflow.queue.config.TypePolicies;
import io.tideflow.queue.dispatch.DispatchSignal;
import io.tideflow.queue.events.AfterCommit;
import io.tideflow.queue.events.LifecycleEvents;
import io.tideflow.queue.groups.GroupCensus;
import io.tideflow.queue.handler.TaskHandlerRegistry;
import io.tideflow.queue.store.CancelOutcome;
import io.tideflow.queue.store.NewTask;
import io.tideflow.queue.store.NodeRegistry;
import io.tideflow.queue.store.TaskHistory;
import io.tideflow.queue.store.TaskReader;
import io.tideflow.queue.store.TaskStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The engine's {@link TaskQueue} and {@link TaskQueries}; joins the caller's transaction or starts one. */
@Stateless
public class TaskQueueBean implements TaskQueue, TaskQueries {

    @Inject
    TaskStore store;

    @Inject
    GroupCensus census;

    @Inject
    TaskReader reader;

    @Inject
    TaskHandlerRegistry registry;

    @Inject
    EngineSettings settings;

    @Inject
    TaskIdGenerator ids;

    @Inject
    TypePolicies types;

    @Inject
    TaskHistory history;

    @Inject
    NodeRegistry nodes;

    @Inject
    Clock clock;

    @Inject
    Event<TaskEnqueued> enqueued;

    @Inject
    DispatchSignal signal;

    @Inject
    LifecycleEvents lifecycle;

    @Inject
    AfterCommit afterCommit;

    @Resource
    SessionContext context;

    private EnqueueFlow flow;
    private SeparateSubmissions separately;

    @PostConstruct
    void init() {
        Ports ports = new Ports();
        flow = new EnqueueFlow(new TaskRequestValidator(registry, settings), ids, types, ports, clock);
        separately = new SeparateSubmissions(flow, ports, clock);
    }

    @Override
    public TaskId enqueue(TaskRequest request) {
        return flow.enqueue(request).id();
    }

    @Override
    public List<TaskId> enqueueAll(List<TaskRequest> requests) {
        return flow.enqueueAll(requests).stream().map(Enqueued::id).toList();
    }

    @Override
    public Enqueued enqueueOrFind(TaskRequest request) {
        return flow.enqueue(request);
    }

    @Override
    public List<Enqueued> enqueueAllOrFind(List<TaskRequest> requests) {
        return flow.enqueueAll(requests);
    }

    @Override
    public List<Submitted> enqueueEach(List<Submission> submissions) {
        return separately.enqueueEach(submissions);
    }

    @Override
    public int payloadMaxBytes() {
        return settings.payloadMaxBytes();
    }

    @Override
    public TaskView cancel(TaskId id) {
        Instant now = clock.instant();
        CancelOutcome outcome = store.cancel(id, now, CallerNames.of(context));
        TaskView cancelled = reader.find(id).orElseThrow(() -> new TaskNotFoundException(id));
        if (outcome == CancelOutcome.CANCELLED) {
            lifecycle.publish(new TaskCancelled(id, cancelled.type(), cancelled.group(), now));
        }
        return cancelled;
    }

    @Override
    public TaskId requeue(TaskId deadLetter) {
        TaskView original = reader.find(deadLetter).orElseThrow(() -> new TaskNotFoundException(deadLetter));
        if (original.state() != TaskState.DEAD_LETTER) {
            throw new IllegalTransitionException(deadLetter, original.type(), original.state(), TaskState.PENDING);
        }
        TaskId id = ids.next();
        Instant now = clock.instant();
        Optional<TaskId> requeuedBefore = store.insertRequeued(
                new NewTask(
                        id,
                        original.type(),
                        original.group(),
                        original.priority(),
                        original.payloadJson(),
                        original.maxAttempts(),
                        now,
                        now,
                        null,
                        deadLetter),
                CallerNames.of(context));
        if (requeuedBefore.isPresent()) {
            return requeuedBefore.get();
        }
        new Ports().fireEnqueued(new TaskEnqueued(id, original.type(), original.group(), original.priority(), now));
        new Ports().wakeDispatcherAfterCommit(original.group());
        return id;
    }

    @Override
    public List<TaskEventView> history(TaskId id) {
        if (reader.find(id).isEmpty()) {
            throw new TaskNotFoundException(id);
        }
        return history.of(id);
    }

    @Override
    public List<NodeView> nodes() {
        return nodes.all(clock.instant(), settings.heartbeatInterval().multipliedBy(3));
    }

    @Override
    public Optional<TaskView> find(TaskId id) {
        return reader.find(id);
    }

    @Override
    public TaskPage list(TaskFilter filter, int limit) {
        if (limit < 1 || limit > 500) {
            throw new InvalidTaskRequestException("limit", "must be between 1 and 500, got " + limit);
        }
        return reader.list(filter, limit);
    }

    @Override
    public TaskChangePage listByLastChange(TaskFilter filter, TaskChangeCursor after, int limit) {
        if (limit < 1 || limit > 500) {
            throw new InvalidTaskRequestException("limit", "must be between 1 and 500, got " + limit);
        }
        if (filter.after() != null) {
            throw new InvalidTaskRequestException("after", "a list by last change takes its own cursor, not a task id");
        }
        return reader.listByLastChange(filter, after, limit);
    }

    /** The enqueue flow's view of the store, the event bus and the dispatcher. */
    private final class Ports implements EnqueuePorts {

        @Override
        public Optional<TaskId> findByIdempotencyKey(String key) {
            return store.findIdByIdempotencyKey(key);
        }

        @Override
        public Optional<TaskId> persist(NewTask task) {
            return store.insert(task);
        }

        @Override
        public Map<String, TaskId> persistAll(List<NewTask> tasks) {
            return store.insertAll(tasks);
        }

        @Override
        public Optional<GroupCensus.Refusal> admitGroups(Collection<String> groups) {
            return census.admit(groups);
        }

        @Override
        public void fireEnqueued(TaskEnqueued event) {
            enqueued.fire(event);
            lifecycle.publish(event);
        }

        @Override
        public void wakeDispatcherAfterCommit(String group) {
            afterCommit.run(() -> signal.enqueued(group));
        }
    }
}
