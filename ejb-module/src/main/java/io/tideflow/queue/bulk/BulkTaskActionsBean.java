package io.tideflow.queue.bulk;

import io.tideflow.queue.api.IllegalTransitionException;
import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskNotFoundException;
import io.tideflow.queue.api.TaskQueue;
import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.admin.BulkAction;
import io.tideflow.queue.api.admin.BulkOutcome;
import io.tideflow.queue.api.admin.BulkTaskActions;
import io.tideflow.queue.api.admin.Reports;
import io.tideflow.queue.api.admin.TaskFilter;
import io.tideflow.queue.api.admin.TaskPage;
import io.tideflow.queue.api.admin.TaskQueries;
import io.tideflow.queue.api.admin.TaskReportFilter;
import io.tideflow.queue.api.admin.TaskReportRow;
import io.tideflow.queue.api.admin.TaskView;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@link BulkTaskActions} through the engine's own single-task cancel and requeue: outside a transaction, so that each
 * task's change commits on its own (a bulk cancel of thousands never holds thousands of row locks) and is recorded
 * in the task's history with the operator's name, as a single one is.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BulkTaskActionsBean implements BulkTaskActions {

    static final int PAGE = 500;

    @Inject
    TaskQueries queries;

    @Inject
    TaskQueue queue;

    @Inject
    Reports reports;

    @Inject
    Clock clock;

    @Override
    public long count(BulkAction action, TaskFilter filter) {
        long count = 0;
        for (TaskState state : statesOf(action, filter)) {
            if (filter.idempotencyKey() != null) {
                // a key names one task at most: the report's counts do not filter on keys
                count += queries.list(inState(filter, state, null), 1).items().size();
                continue;
            }
            for (TaskReportRow row : reports.tasks(new TaskReportFilter(
                    filter.group(), filter.type(), state, filter.createdFrom(), filter.createdTo()))) {
                count += row.count();
            }
        }
        return count;
    }

    @Override
    public BulkOutcome apply(BulkAction action, TaskFilter filter) {
        Instant started = clock.instant();
        long changed = 0;
        long skipped = 0;
        for (TaskState state : statesOf(action, filter)) {
            TaskId after = null;
            do {
                int room = (int) Math.min(PAGE, MAX_TASKS - changed - skipped);
                if (room == 0) {
                    return new BulkOutcome(changed, skipped, true);
                }
                TaskPage page = queries.list(inState(filter, state, after), room);
                for (TaskView task : page.items()) {
                    if (applyTo(action, task.id(), started)) {
                        changed++;
                    } else {
                        skipped++;
                    }
                }
                after = page.next();
            } while (after != null);
        }
        return new BulkOutcome(changed, skipped, false);
    }

    private boolean applyTo(BulkAction action, TaskId id, Instant started) {
        try {
            if (action == BulkAction.CANCEL) {
                queue.cancel(id);
                return true;
            }
            // a dead letter requeued before keeps its one copy: the requeue answers with that copy, made earlier
            TaskId copy = queue.requeue(id);
            return queries.find(copy)
                    .map(made -> !made.createdAt().isBefore(started.truncatedTo(ChronoUnit.MILLIS)))
                    .orElse(false);
        } catch (IllegalTransitionException | TaskNotFoundException movedOn) {
            return false;
        }
    }

    private static TaskFilter inState(TaskFilter filter, TaskState state, TaskId after) {
        return new TaskFilter(
                state,
                filter.type(),
                filter.group(),
                after,
                filter.createdFrom(),
                filter.createdTo(),
                filter.idempotencyKey());
    }

    private static List<TaskState> statesOf(BulkAction action, TaskFilter filter) {
        if (filter.state() != null) {
            return action.appliesTo().contains(filter.state()) ? List.of(filter.state()) : List.of();
        }
        return action.appliesTo().stream().sorted().toList();
    }
}
