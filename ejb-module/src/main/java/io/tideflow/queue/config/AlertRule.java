package io.tideflow.queue.config;

import io.tideflow.queue.api.admin.AlertKind;
import java.time.Duration;

/**
 * One configured rule.
 *
 * @param group     the group it watches, or null for every group
 * @param threshold a ratio (ERROR_RATE, THROUGHPUT_DROP) or seconds (OLDEST_DUE, BREAKER_OPEN)
 * @param window    how far back ERROR_RATE and THROUGHPUT_DROP look
 * @param minCount  the fewest finished attempts (ERROR_RATE) or baseline completions (THROUGHPUT_DROP) that make the
 *                  figure meaningful; below it the rule does not fire
 */
public record AlertRule(String name, AlertKind kind, String group, double threshold, Duration window, long minCount) {

    public boolean watches(String candidate) {
        return group == null || group.equals(candidate);
    }
}
