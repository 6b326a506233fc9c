package io.tideflow.queue.core;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Feeds attempt outcomes to the breakers of the groups that have one. Only failures of the downstream system count:
 * TRANSIENT and DATABASE ones ({@link ErrorClassifier#countsAgainstBreaker}); a validation failure is the task's own
 * fault, a business decision the handler's, a system error a bug.
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
        if (directory.breakerOf(group) != null
                && ErrorClassifier.countsAgainstBreaker(ErrorClassifier.classify(error))) {
            tally.failed(group);
        }
    }
}
