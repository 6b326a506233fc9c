package io.tideflow.admin.rest.body;

import io.tideflow.queue.api.admin.SystemHealth;
import java.time.Instant;
import java.util.List;

/** The cluster at a glance: the database, each node's heartbeat, leases, open breakers and paused groups. */
public record SystemHealthBody(
        Instant at,
        String database,
        List<Node> nodes,
        long leasesHeld,
        List<String> breakersOpen,
        List<String> groupsPaused,
        double oldestDueAgeSeconds,
        long eventsDropped) {

    public record Node(String id, boolean alive, Instant startedAt, Instant lastHeartbeat, int running) {}

    public static SystemHealthBody of(SystemHealth health) {
        return new SystemHealthBody(
                health.at(),
                health.database(),
                health.nodes().stream()
                        .map(n -> new Node(n.id(), n.alive(), n.startedAt(), n.lastSeen(), n.running()))
                        .toList(),
                health.leasesHeld(),
                health.breakersOpen(),
                health.groupsPaused(),
                Seconds.of(health.oldestDueAge()),
                health.eventsDropped());
    }
}
