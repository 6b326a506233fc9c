package io.tideflow.queue.workflow;

import io.tideflow.queue.api.Enqueued;
import io.tideflow.queue.api.IllegalTransitionException;
import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskQueue;
import io.tideflow.queue.api.TaskRequest;
import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.event.TaskEnqueued;
import io.tideflow.queue.api.workflow.PredecessorView;
import io.tideflow.queue.api.workflow.StepView;
import io.tideflow.queue.api.workflow.WorkflowNotFoundException;
import io.tideflow.queue.api.workflow.WorkflowRequest;
import io.tideflow.queue.api.workflow.WorkflowView;
import io.tideflow.queue.api.workflow.Workflows;
import io.tideflow.queue.audit.CallerNames;
import io.tideflow.queue.config.EngineSettings;
import io.tideflow.queue.config.TypePolicies;
import io.tideflow.queue.enqueue.EnqueueFlow;
import io.tideflow.queue.enqueue.EnqueuePorts;
import io.tideflow.queue.enqueue.TaskIdGenerator;
import io.tideflow.queue.enqueue.TaskRequestValidator;
import io.tideflow.queue.events.AfterCommit;
import io.tideflow.queue.events.LifecycleEvents;
import io.tideflow.queue.groups.GroupCensus;
import io.tideflow.queue.handler.TaskHandlerRegistry;
import io.tideflow.queue.store.NewTask;
import io.tideflow.queue.store.WaitingTasks;
import io.tideflow.queue.store.workflow.WorkflowStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link Workflows} in the caller's transaction: a submission writes its steps without predecessors through the
 * ordinary enqueue (PENDING) and the others through the same flow as WAITING, then the workflow, its steps and who
 * waits for whom; the releaser is asked to look once that has committed.
 */
@Stateless
public class WorkflowsBean implements Workflows {

    @Inject
    TaskQueue queue;

    @Inject
    WaitingTasks waiting;

    @Inject
    WorkflowStore store;

    @Inject
    TaskHandlerRegistry registry;

    @Inject
    EngineSettings settings;

    @Inject
    TaskIdGenerator ids;

    @Inject
    TypePolicies types;

    @Inject
    GroupCensus census;

    @Inject
    Event<TaskEnqueued> enqueued;

    @Inject
    LifecycleEvents lifecycle;

    @Inject
    AfterCommit afterCommit;

    @Inject
    PredecessorEndings endings;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    private TaskRequestValidator validator;
    private EnqueueFlow waitingFlow;

    @PostConstruct
    void init() {
        validator = new TaskRequestValidator(registry, settings);
        waitingFlow = new EnqueueFlow(validator, ids, types, new WaitingPorts(), clock);
    }

    @Override
    public WorkflowView submit(WorkflowRequest request) {
        WorkflowPlan plan = WorkflowPlan.of(request, store::existing);
        for (int i = 0; i < plan.steps().size(); i++) {
            try {
                validator.validate(plan.steps().get(i).task());
            } catch (InvalidTaskRequestException e) {
                throw new InvalidTaskRequestException("steps[" + i + "].task." + e.field(), e.problem());
            }
        }
        Map<String, TaskId> tasks = new LinkedHashMap<>();
        try {
            enqueue(plan, false, tasks);
            enqueue(plan, true, tasks);
        } catch (InvalidTaskRequestException refusedAfterWrites) {
            // only the group cap is checked as the tasks are written: what was written must not commit
            context.setRollbackOnly();
            throw refusedAfterWrites;
        }
        List<WorkflowStore.Dependency> dependencies = new ArrayList<>();
        for (WorkflowPlan.PlannedStep step : plan.steps()) {
            TaskId task = tasks.get(step.step());
            step.afterSteps()
                    .forEach(predecessor -> dependencies.add(
                            new WorkflowStore.Dependency(task, tasks.get(predecessor), step.onFailure())));
            step.afterTasks()
                    .forEach(predecessor ->
                            dependencies.add(new WorkflowStore.Dependency(task, predecessor, step.onFailure())));
        }
        String id = UUID.randomUUID().toString();
        String actor = CallerNames.of(context);
        store.insert(new WorkflowStore.WorkflowRow(id, plan.name(), clock.instant(), actor));
        store.insertSteps(id, tasks);
        store.insertDependencies(dependencies);
        afterCommit.run(endings::submitted);
        return get(id);
    }

    /** Enqueues the plan's steps that wait (or those that do not), in slices the enqueue flow takes, in order. */
    private void enqueue(WorkflowPlan plan, boolean thoseThatWait, Map<String, TaskId> tasks) {
        List<WorkflowPlan.PlannedStep> steps = plan.steps().stream()
                .filter(step -> step.waits() == thoseThatWait)
                .toList();
        for (int from = 0; from < steps.size(); from += EnqueueFlow.MAX_BULK) {
            List<WorkflowPlan.PlannedStep> slice =
                    steps.subList(from, Math.min(steps.size(), from + EnqueueFlow.MAX_BULK));
            List<TaskRequest> requests =
                    slice.stream().map(WorkflowPlan.PlannedStep::task).toList();
            List<TaskId> created;
            try {
                created = thoseThatWait
                        ? waitingFlow.enqueueAll(requests).stream()
                                .map(Enqueued::id)
                                .toList()
                        : queue.enqueueAll(requests);
            } catch (InvalidTaskRequestException e) {
                throw renamed(e, plan, slice);
            }
            for (int i = 0; i < slice.size(); i++) {
                tasks.put(slice.get(i).step(), created.get(i));
            }
        }
    }

    /** The flow names a request as {@code tasks[i].field}: the caller sent it as {@code steps[j].task.field}. */
    private static InvalidTaskRequestException renamed(
            InvalidTaskRequestException e, WorkflowPlan plan, List<WorkflowPlan.PlannedStep> slice) {
        String field = e.field();
        if (field.startsWith("tasks[")) {
            int close = field.indexOf(']');
            int inSlice = Integer.parseInt(field.substring("tasks[".length(), close));
            int step = plan.steps().indexOf(slice.get(inSlice));
            return new InvalidTaskRequestException(
                    "steps[" + step + "].task" + field.substring(close + 1), e.problem());
        }
        return e;
    }

    @Override
    public WorkflowView get(String id) {
        WorkflowStore.WorkflowRow workflow = store.find(id).orElseThrow(() -> new WorkflowNotFoundException(id));
        List<WorkflowStore.StepRow> rows = store.steps(id);
        Map<TaskId, String> stepOf = new HashMap<>();
        rows.forEach(row -> stepOf.put(row.taskId(), row.step()));
        Map<TaskId, List<String>> after = new HashMap<>();
        for (TaskId[] edge : store.edges(id)) {
            after.computeIfAbsent(edge[0], t -> new ArrayList<>()).add(stepOf.getOrDefault(edge[1], edge[1].value()));
        }
        Map<TaskState, Integer> counts = new EnumMap<>(TaskState.class);
        List<StepView> steps = new ArrayList<>();
        for (WorkflowStore.StepRow row : rows) {
            counts.merge(row.state(), 1, Integer::sum);
            List<String> predecessors = new ArrayList<>(after.getOrDefault(row.taskId(), List.of()));
            predecessors.sort(null);
            steps.add(new StepView(
                    row.step(), row.taskId(), row.type(), row.group(), row.state(), predecessors, row.lastError()));
        }
        return new WorkflowView(
                workflow.id(), workflow.name(), workflow.createdAt(), workflow.createdBy(), counts, steps);
    }

    @Override
    public WorkflowView cancel(String id) {
        store.find(id).orElseThrow(() -> new WorkflowNotFoundException(id));
        for (TaskId task : store.unfinished(id)) {
            try {
                queue.cancel(task);
            } catch (IllegalTransitionException endedMeanwhile) {
                // it completed or failed between the read and the cancel: nothing left to cancel
            }
        }
        return get(id);
    }

    @Override
    public List<PredecessorView> predecessorsOf(TaskId task) {
        return store.predecessorsOf(task);
    }

    /** The enqueue flow's ports for steps that wait: written WAITING, no dispatcher woken. */
    private final class WaitingPorts implements EnqueuePorts {

        @Override
        public Optional<TaskId> findByIdempotencyKey(String key) {
            throw new IllegalStateException("a waiting step with an idempotency key; this indicates a bug");
        }

        @Override
        public Optional<TaskId> persist(NewTask task) {
            waiting.insertAll(List.of(task));
            return Optional.empty();
        }

        @Override
        public Map<String, TaskId> persistAll(List<NewTask> tasks) {
            waiting.insertAll(tasks);
            return Map.of();
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
            // a waiting step is not due: the releaser wakes the dispatchers when it releases it
        }
    }
}
