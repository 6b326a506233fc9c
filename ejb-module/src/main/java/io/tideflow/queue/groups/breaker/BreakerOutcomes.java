package io.tideflow.queue.groups.breaker;

import io.tideflow.queue.api.ErrorClass;
import io.tideflow.queue.groups.GroupDirectory;
import io.tideflow.queue.model.BreakerSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Feeds attempt outcomes to the breakers of the groups that have one. Only failures of the downstream system count:
 * TRANSIENT and DATABASE ones ({@link ErrorClass#countsAgainstBreaker}); a validation failure is the task's own
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

    public void succeeded(String group) {
        if (directory.breakerOf(group) != null) {
            tally.succeeded(group);
        }
    }

    public void failed(String group, ErrorClass errorClass) {
        if (directory.breakerOf(group) != null && errorClass.countsAgainstBreaker()) {
            tally.failed(group);
        }
    }
}
