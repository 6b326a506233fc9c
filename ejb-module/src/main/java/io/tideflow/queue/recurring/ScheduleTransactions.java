package io.tideflow.queue.recurring;

import io.tideflow.queue.api.Enqueued;
import io.tideflow.queue.api.TaskQueue;
import io.tideflow.queue.api.recurring.ScheduleOrigin;
import io.tideflow.queue.config.ScheduleSettings;
import io.tideflow.queue.store.recurring.Firing;
import io.tideflow.queue.store.recurring.ScheduleDefinition;
import io.tideflow.queue.store.recurring.ScheduleRow;
import io.tideflow.queue.store.recurring.ScheduleStore;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/** The short transactions of recurring schedules: the poll's read, a firing, a failed firing, the declared ones. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ScheduleTransactions {

    private static final Logger LOG = Logger.getLogger(ScheduleTransactions.class.getName());

    @Inject
    ScheduleStore store;

    @Inject
    TaskQueue queue;

    @Inject
    ScheduleSettings settings;

    public List<String> dueNames(Instant now) {
        return store.dueNames(now);
    }

    /**
     * Fires the schedule's due slots ({@link SlotFiring}).
     *
     * @return how many new tasks it enqueued
     */
    public int fire(String name, Instant now) {
        return new SlotFiring(
                        store, settings.misfireThreshold(), requests -> (int) queue.enqueueAllOrFind(requests).stream()
                                .filter(Enqueued::created)
                                .count())
                .fire(name, now);
    }

    /**
     * Moves past the due slots of a schedule whose firing failed (its type has lost its handler, say), with the reason:
     * the slots get no task, and the schedule does not fail again at every poll.
     */
    public void recordFailure(String name, Instant now, String error) {
        store.find(name)
                .filter(row -> !row.paused() && !row.nextFireAt().isAfter(now))
                .ifPresent(row ->
                        store.advance(new Firing(name, nextAfterOrLater(row, now), null, error), row.version(), now));
    }

    /**
     * Writes the declared schedules: creates the new ones, rewrites those whose definition changed (their slots
     * start again from now; pauses stay) and deletes the declared ones no longer declared. A schedule that two nodes
     * deploy at once is written once; the other finds it written.
     */
    public void applyDeclared(Map<String, ScheduleDefinition> declared, Instant now) {
        for (ScheduleDefinition definition : declared.values()) {
            Instant first =
                    CronSlots.parse(definition.cron(), definition.zone()).nextAfter(now);
            Optional<ScheduleRow> row = store.find(definition.name());
            if (row.isEmpty()) {
                store.insertIfAbsent(definition, first, now);
            } else if (!row.get().definition().equals(definition)) {
                store.redefine(definition, first, row.get().definition().origin(), now);
                LOG.info(() -> "Tideflow schedule '" + definition.name() + "' redefined: " + definition);
            }
        }
        for (ScheduleRow row : store.all()) {
            if (row.definition().origin() == ScheduleOrigin.DECLARED && !declared.containsKey(row.name())) {
                store.delete(row.name(), ScheduleOrigin.DECLARED);
                LOG.info(() -> "Tideflow schedule '" + row.name() + "' is no longer declared: deleted");
            }
        }
    }

    private static Instant nextAfterOrLater(ScheduleRow row, Instant now) {
        try {
            Instant next = CronSlots.parse(
                            row.definition().cron(), row.definition().zone())
                    .nextAfter(now);
            if (next != null) {
                return next;
            }
        } catch (RuntimeException unparsable) {
            // the stored expression no longer parses (a library change): look again in a day
        }
        return now.plusSeconds(86_400);
    }
}
