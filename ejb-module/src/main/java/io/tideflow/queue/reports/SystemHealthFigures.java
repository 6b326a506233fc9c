package io.tideflow.queue.reports;

import io.tideflow.queue.api.BreakerState;
import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.admin.NodeView;
import io.tideflow.queue.api.admin.SystemHealth;
import io.tideflow.queue.config.EngineSettings;
import io.tideflow.queue.events.EventBus;
import io.tideflow.queue.model.Breaker;
import io.tideflow.queue.store.NodeRegistry;
import io.tideflow.queue.store.groups.BreakerStore;
import io.tideflow.queue.store.groups.GroupRow;
import io.tideflow.queue.store.groups.GroupStore;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeSet;

/** The system health report's figures, read in one transaction once the database is known to answer. */
@Stateless
public class SystemHealthFigures {

    @Inject
    GroupStore groups;

    @Inject
    BreakerStore breakers;

    @Inject
    NodeRegistry nodes;

    @Inject
    EngineSettings settings;

    @Inject
    EventBus bus;

    public SystemHealth now(Instant now, String database) {
        List<NodeView> known = nodes.all(now, settings.heartbeatInterval().multipliedBy(3));
        long running = groups.depthByGroupIn(EnumSet.of(TaskState.RUNNING)).values().stream()
                .mapToLong(states -> states.getOrDefault(TaskState.RUNNING, 0L))
                .sum();
        List<String> open = new ArrayList<>();
        for (Breaker breaker : breakers.all()) {
            if (breaker.state() != BreakerState.CLOSED) {
                open.add(breaker.group());
            }
        }
        TreeSet<String> paused = new TreeSet<>();
        for (GroupRow row : groups.all()) {
            if (row.paused()) {
                paused.add(row.name());
            }
        }
        Duration oldestDue = groups.oldestDueByGroup(now).values().stream()
                .min(Instant::compareTo)
                .map(due -> due.isAfter(now) ? Duration.ZERO : Duration.between(due, now))
                .orElse(Duration.ZERO);
        return new SystemHealth(now, database, known, running, open, List.copyOf(paused), oldestDue, bus.dropped());
    }
}
