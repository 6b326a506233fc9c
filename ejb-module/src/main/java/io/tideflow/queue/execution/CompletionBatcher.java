package io.tideflow.queue.execution;

import io.tideflow.queue.api.event.TaskCompleted;
import io.tideflow.queue.api.event.TaskLeaseLost;
import io.tideflow.queue.events.LifecycleEvents;
import io.tideflow.queue.store.CompletionWriter.Completion;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Shares commits between the completions of {@link io.tideflow.queue.api.NonTransactional} handlers: their work is
 * done and belongs to no transaction, so nothing ties each completion to a commit of its own. An attempt stays
 * registered (its lease kept alive) until its completion is written; if the write fails, the lease runs out and the
 * task runs again, which is the at-least-once such handlers accept.
 */
@ApplicationScoped
public class CompletionBatcher {

    @Resource
    ManagedExecutorService executor;

    @Inject
    CompletionTransactions transactions;

    @Inject
    AttemptRegistry attempts;

    @Inject
    LifecycleEvents lifecycle;

    private CompletionQueue queue;

    @PostConstruct
    void init() {
        queue = new CompletionQueue(executor, this::writeAndAnnounce);
    }

    private List<Completion> writeAndAnnounce(List<Completion> completions) {
        List<Completion> refused = transactions.writeAll(completions);
        Set<Completion> lost = new HashSet<>(refused);
        for (Completion done : completions) {
            var task = done.task();
            lifecycle.publish(
                    lost.contains(done)
                            ? new TaskLeaseLost(task.id(), task.type(), task.group(), task.attempt(), done.at())
                            : new TaskCompleted(
                                    task.id(),
                                    task.type(),
                                    task.group(),
                                    task.attempt(),
                                    Duration.ofMillis(done.executionMs()),
                                    done.at()));
        }
        return refused;
    }

    /** Takes over a finished attempt: written with the next batch, then it leaves the attempt registry. */
    public void submit(RunningAttempt attempt, Completion completion) {
        attempt.markHandedOver();
        queue.submit(completion, () -> attempts.remove(attempt));
    }

    public boolean awaitWritten(Duration max) {
        return queue.awaitWritten(max);
    }
}
