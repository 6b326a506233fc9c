package io.tideflow.queue.store;

import io.tideflow.queue.api.admin.NodeView;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@code tideflow_nodes} table: each node's heartbeat, and the list operators read. */
public class NodeRegistry {

    private final EntityManager em;

    public NodeRegistry(EntityManager em) {
        this.em = em;
    }

    /** Refreshes this node's row, creating it on the first beat after a start. */
    public void beat(String node, Instant startedAt, Instant now, int running) {
        int rows = em.createNamedQuery(TaskEntity.NODE_BEAT)
                .setParameter(1, now.toEpochMilli())
                .setParameter(2, running)
                .setParameter(3, startedAt.toEpochMilli())
                .setParameter(4, node)
                .executeUpdate();
        if (rows == 0) {
            em.createNamedQuery(TaskEntity.NODE_JOIN)
                    .setParameter(1, node)
                    .setParameter(2, startedAt.toEpochMilli())
                    .setParameter(3, now.toEpochMilli())
                    .setParameter(4, running)
                    .executeUpdate();
        }
    }

    /** Every node, alive when it beat within {@code aliveWithin} of {@code now}. */
    @SuppressWarnings("unchecked")
    public List<NodeView> all(Instant now, Duration aliveWithin) {
        List<NodeView> nodes = new ArrayList<>();
        for (Object[] row :
                (List<Object[]>) em.createNamedQuery(TaskEntity.NODES).getResultList()) {
            Instant lastSeen = Instant.ofEpochMilli(((Number) row[2]).longValue());
            nodes.add(new NodeView(
                    (String) row[0],
                    Instant.ofEpochMilli(((Number) row[1]).longValue()),
                    lastSeen,
                    ((Number) row[3]).intValue(),
                    !lastSeen.isBefore(now.minus(aliveWithin))));
        }
        return nodes;
    }
}
