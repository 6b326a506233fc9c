package io.tideflow.queue.core;

import io.tideflow.queue.store.CompletionWriter.Completion;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;

import java.time.Duration;

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

    private CompletionQueue queue;

    @PostConstruct
    void init() {
        queue = new CompletionQueue(executor, completions -> transactions.writeAll(completions));
    }

    /** Takes over a finished attempt: written with the next batch, then it leaves the attempt registry. */
    void submit(RunningAttempt attempt, Completion completion) {
        queue.submit(completion, () -> attempts.remove(attempt));
    }

    boolean awaitWritten(Duration max) {
        return queue.awaitWritten(max);
    }
}
