package io.tideflow.queue.groups.breaker;

import io.tideflow.queue.api.event.BreakerStateChanged;
import io.tideflow.queue.events.LifecycleEvents;
import io.tideflow.queue.model.Breaker;
import io.tideflow.queue.model.BreakerSettings;
import io.tideflow.queue.store.groups.BreakerStore;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Each change of a breaker in its own short transaction, under the breaker row's lock. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class BreakerTransactions {

    @Inject
    BreakerStore breakers;

    @Inject
    Clock clock;

    @Inject
    LifecycleEvents lifecycle;

    /** Applies attempt outcomes to the group's breaker (nothing when it has none, or no longer). */
    public void record(String group, int successes, int failures, BreakerSettings settings) {
        change(group, breaker -> breaker.withOutcomes(successes, failures, clock.millis(), settings));
    }

    /** Applies an operator's change; empty when the group has no breaker. */
    public Optional<Breaker> change(String group, UnaryOperator<Breaker> transition) {
        return breakers.lock(group).map(read -> {
            Breaker next = transition.apply(read);
            if (!breakers.replace(read, next)) {
                throw new IllegalStateException(
                        "the breaker of group " + group + " changed under its lock; this" + " indicates a bug");
            }
            if (next.state() != read.state()) {
                lifecycle.publish(new BreakerStateChanged(group, read.state(), next.state(), clock.instant()));
            }
            return next;
        });
    }
}
