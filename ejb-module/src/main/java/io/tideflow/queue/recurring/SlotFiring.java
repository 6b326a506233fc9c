package io.tideflow.queue.recurring;

import io.tideflow.queue.api.TaskRequest;
import io.tideflow.queue.store.recurring.Firing;
import io.tideflow.queue.store.recurring.ScheduleDefinition;
import io.tideflow.queue.store.recurring.ScheduleRow;
import io.tideflow.queue.store.recurring.ScheduleStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.logging.Logger;

/**
 * One firing of a schedule, in the caller's transaction: moves its next slot on, conditional on the version read, and
 * enqueues a task per slot its plan names, keyed by the schedule and the slot; both commit together or neither does. A
 * node that lost the race (the version moved on) enqueues nothing; were its update to pass all the same, the slot's
 * key would still keep a second task out.
 */
final class SlotFiring {

    private static final Logger LOG = Logger.getLogger(SlotFiring.class.getName());

    private final ScheduleStore store;
    private final Duration misfireThreshold;
    private final ToIntFunction<List<TaskRequest>> enqueueNew;

    /** @param enqueueNew enqueues the tasks in the caller's transaction and says how many of them are new */
    SlotFiring(ScheduleStore store, Duration misfireThreshold, ToIntFunction<List<TaskRequest>> enqueueNew) {
        this.store = store;
        this.misfireThreshold = misfireThreshold;
        this.enqueueNew = enqueueNew;
    }

    /** @return how many new tasks it enqueued */
    int fire(String name, Instant now) {
        Optional<ScheduleRow> found = store.find(name);
        if (found.isEmpty() || found.get().paused() || found.get().nextFireAt().isAfter(now)) {
            return 0;
        }
        ScheduleRow row = found.get();
        ScheduleDefinition schedule = row.definition();
        FiringPlan plan = FiringPlan.at(
                CronSlots.parse(schedule.cron(), schedule.zone()),
                row.nextFireAt(),
                now,
                misfireThreshold,
                schedule.misfire(),
                schedule.catchUpLimit());
        Instant lastSlot =
                plan.slots().isEmpty() ? null : plan.slots().get(plan.slots().size() - 1);
        if (!store.advance(new Firing(name, plan.nextFireAt(), lastSlot, null), row.version(), now)) {
            return 0;
        }
        List<TaskRequest> requests = new ArrayList<>();
        for (Instant slot : plan.slots()) {
            requests.add(new TaskRequest(
                    schedule.type(),
                    schedule.payloadJson(),
                    schedule.group(),
                    schedule.priority(),
                    null,
                    slot,
                    slotKey(name, slot)));
        }
        int created = requests.isEmpty() ? 0 : enqueueNew.applyAsInt(requests);
        if (created > 0) {
            store.addFired(name, created);
        }
        if (plan.missed()) {
            LOG.warning(() -> "Tideflow schedule '" + name + "' missed slots from " + row.nextFireAt() + " ("
                    + schedule.misfire() + "): fired " + plan.slots() + ", next " + plan.nextFireAt());
        }
        return created;
    }

    /** The idempotency key of a slot's task: the same on every node, so a slot never has two tasks. */
    static String slotKey(String schedule, Instant slot) {
        return "schedule:" + schedule + "@" + slot;
    }
}
