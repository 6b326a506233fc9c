package io.tideflow.queue.store;

import io.tideflow.queue.api.admin.NodeView;
import io.tideflow.queue.sql.SqlRunner;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code tideflow_nodes} table: each node's heartbeat, and the list operators read. */
public class NodeRegistry {

    private final SqlRunner sql;

    public NodeRegistry(EntityManager em, StoreDialect dialect) {
        this.sql = dialect.on(em);
    }

    /**
     * Refreshes this node's row, creating it on the first beat after a start.
     *
     * @param workers the workers this node runs, 0 on a submit-only node
     */
    public void beat(String node, Instant startedAt, Instant now, int running, int workers) {
        if (sql.update("node.beat", now.toEpochMilli(), running, workers, startedAt.toEpochMilli(), node) == 0) {
            sql.update("node.join", node, startedAt.toEpochMilli(), now.toEpochMilli(), running, workers);
        }
    }

    /**
     * Removes a node that stops normally: it is no node any more, and the others need not wait for its heartbeat to
     * age (the first alive node by name evaluates the alert rules). A node that crashed stays, listed as not alive.
     */
    public void leave(String node) {
        sql.update("node.leave", node);
    }

    /** Every node, alive when it beat within {@code aliveWithin} of {@code now}. */
    public List<NodeView> all(Instant now, Duration aliveWithin) {
        Instant aliveSince = now.minus(aliveWithin);
        return sql.list("node.all", row -> {
            Instant lastSeen = Instant.ofEpochMilli(row.getLong(3));
            return new NodeView(
                    row.getString(1),
                    Instant.ofEpochMilli(row.getLong(2)),
                    lastSeen,
                    row.getInt(4),
                    row.getInt(5),
                    !lastSeen.isBefore(aliveSince));
        });
    }

    /**
     * The alive node first by name: the one node that does what one node at a time should (evaluate the alert rules,
     * start the housekeeping job). Nodes whose views differ a heartbeat apart may each take themselves for it for that
     * long, so what it does must be safe twice.
     */
    public Optional<String> firstAlive(Instant now, Duration aliveWithin) {
        return all(now, aliveWithin).stream()
                .filter(NodeView::alive)
                .map(NodeView::id)
                .sorted()
                .findFirst();
    }
}
