package io.tideflow.queue.recurring;

import io.tideflow.queue.api.recurring.MisfirePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Which slots of a schedule get a task at a poll, and its next slot after. A slot is on time while no more than the
 * misfire threshold has passed since it; on-time slots always fire. Slots older than that were missed (no node was up,
 * or all were stalled), and the schedule's {@link MisfirePolicy} says what they get.
 *
 * @param slots      the slots to enqueue a task for, oldest first
 * @param nextFireAt the first slot after the poll
 * @param missed     whether slots were missed (fired or not, as the policy says)
 */
record FiringPlan(List<Instant> slots, Instant nextFireAt, boolean missed) {

    /** At most this many on-time slots fire at one poll: a threshold of an hour on a per-second schedule stays sane. */
    static final int MAX_ON_TIME = 1_000;

    FiringPlan {
        slots = List.copyOf(slots);
    }

    /**
     * The plan at {@code now} for a schedule whose first unfired slot is {@code firstDue}.
     *
     * @param catchUpLimit how many missed slots {@link MisfirePolicy#CATCH_UP} fires at most
     */
    static FiringPlan at(
            CronSlots cron,
            Instant firstDue,
            Instant now,
            Duration misfireThreshold,
            MisfirePolicy policy,
            int catchUpLimit) {
        Instant next = cron.nextAfter(now);
        if (firstDue.isAfter(now)) {
            return new FiringPlan(List.of(), firstDue, false);
        }
        Instant onTimeFrom = now.minus(misfireThreshold);
        boolean missed = firstDue.isBefore(onTimeFrom);
        List<Instant> onTime = onTime(cron, missed ? cron.nextAfter(onTimeFrom.minusMillis(1)) : firstDue, now);
        if (!missed) {
            return new FiringPlan(onTime, next, false);
        }
        switch (policy) {
            case SKIP:
                return new FiringPlan(onTime, next, true);
            case RUN_ONCE:
                return new FiringPlan(List.of(cron.latestAtOrBefore(now)), next, true);
            case CATCH_UP:
                List<Instant> slots = new ArrayList<>(missedSlots(cron, firstDue, onTimeFrom, catchUpLimit));
                slots.addAll(onTime);
                return new FiringPlan(slots, next, true);
            default:
                throw new IllegalStateException("misfire policy " + policy + " unhandled; this indicates a bug");
        }
    }

    private static List<Instant> onTime(CronSlots cron, Instant from, Instant now) {
        List<Instant> slots = new ArrayList<>();
        for (Instant slot = from;
                slot != null && !slot.isAfter(now) && slots.size() < MAX_ON_TIME;
                slot = cron.nextAfter(slot)) {
            slots.add(slot);
        }
        return slots;
    }

    /** The latest {@code limit} slots from {@code firstDue} to before {@code onTimeFrom}, oldest first. */
    private static List<Instant> missedSlots(CronSlots cron, Instant firstDue, Instant onTimeFrom, int limit) {
        Instant windowStart = cron.stepsBack(onTimeFrom, limit);
        Instant from = windowStart.isAfter(firstDue) ? cron.nextAfter(windowStart.minusMillis(1)) : firstDue;
        Deque<Instant> latest = new ArrayDeque<>(limit);
        for (Instant slot = from; slot != null && slot.isBefore(onTimeFrom); slot = cron.nextAfter(slot)) {
            if (latest.size() == limit) {
                latest.removeFirst();
            }
            latest.addLast(slot);
        }
        return new ArrayList<>(latest);
    }
}
