package io.tideflow.queue.core;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Feeds attempt outcomes to the breakers of the groups that have one. A failure the handler declared permanent (the
 * task's own fault, not the downstream system's) does not count against the group; a timeout does.
 */
@ApplicationScoped
public class BreakerOutcomes {

    @Resource
    ManagedExecutorService executor;

    @Inject
    BreakerTransactions transactions;

    @Inject
    GroupDirectory directory;

    private OutcomeTally tally;

    @PostConstruct
    void init() {
        tally = new OutcomeTally(executor, (group, successes, failures) -> {
            BreakerSettings settings = directory.breakerOf(group);
            if (settings != null) {
                transactions.record(group, successes, failures, settings);
            }
        });
    }

    void succeeded(String group) {
        if (directory.breakerOf(group) != null) {
            tally.succeeded(group);
        }
    }

    void failed(String group, Throwable error) {
        if (directory.breakerOf(group) != null && !RetryDecider.isPermanent(error)) {
            tally.failed(group);
        }
    }
}
