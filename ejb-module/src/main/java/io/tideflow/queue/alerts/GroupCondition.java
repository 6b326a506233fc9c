package io.tideflow.queue.alerts;

import java.time.Duration;

/**
 * What the rules look at for one group, measured now.
 *
 * @param completed        completions in a rule's window (error rate)
 * @param failed           failed attempts in that window
 * @param oldestDue        how long the longest-waiting due task has waited
 * @param breakerNotClosed how long the breaker has been other than CLOSED (zero when CLOSED or absent)
 * @param recentRate       completions per second over the throughput rule's window
 * @param baselineRate     completions per second at this hour on the previous days; null without history
 */
public record GroupCondition(
        long completed,
        long failed,
        Duration oldestDue,
        Duration breakerNotClosed,
        double recentRate,
        Double baselineRate,
        double baselineCount) {}
