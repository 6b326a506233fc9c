package io.tideflow.queue.api.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The state of the whole Tideflow installation, as one operator's question "is it healthy?" needs it.
 *
 * @param database         "reachable", or what went wrong reaching it
 * @param nodes            every node known, alive or not, with its last heartbeat and attempts running
 * @param leasesHeld       RUNNING tasks (each holds a lease) across the cluster
 * @param breakersOpen     groups whose circuit breaker is OPEN or HALF_OPEN
 * @param groupsPaused     groups paused by an operator
 * @param oldestDueAge     how long the longest-waiting due task of any group has waited (zero when none waits)
 * @param eventsDropped    lifecycle events this node dropped because listeners were a full queue behind
 */
public record SystemHealth(
        Instant at,
        String database,
        List<NodeView> nodes,
        long leasesHeld,
        List<String> breakersOpen,
        List<String> groupsPaused,
        Duration oldestDueAge,
        long eventsDropped) {}
