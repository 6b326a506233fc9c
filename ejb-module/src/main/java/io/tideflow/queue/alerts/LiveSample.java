package io.tideflow.queue.alerts;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * What the alert rules read from the latest queue sample, taken once per evaluation.
 *
 * @param breakerNotClosed per group, how long its breaker has been other than CLOSED (absent when CLOSED)
 */
public record LiveSample(Set<String> groups, Map<String, Duration> oldestDue, Map<String, Duration> breakerNotClosed) {}
