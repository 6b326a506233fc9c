package io.tideflow.it;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The processor time a benchmark's node and its database have used since a start, read from {@code /proc} through
 * {@link ProcessHandle.Info#totalCpuDuration()}. On a two-core machine shared by the client, the server and the
 * database, a rate swings with whatever else runs that minute; the time each process spent per operation moves much
 * less, so it is what tells two builds apart.
 */
final class CpuSpent {

    private static final Predicate<ProcessHandle> POSTGRES =
            process -> process.info().command().orElse("").endsWith("/postgres");

    private final ProcessHandle node;
    private final boolean postgres;
    private final Duration nodeAtStart;
    private final Duration databaseAtStart;

    private CpuSpent(ProcessHandle node, boolean postgres) {
        this.node = node;
        this.postgres = postgres;
        this.nodeAtStart = cpu(node);
        this.databaseAtStart = postgres ? postgresCpu() : Duration.ZERO;
    }

    /** From now on: the node's JVM, and on PostgreSQL its server processes (embedded Derby is inside the node). */
    static CpuSpent from(ServerProcess node, String database) {
        return new CpuSpent(node.jvm(), database.equals("postgresql"));
    }

    /** Milliseconds of processor time per operation since the start: the node's, then PostgreSQL's when it is one. */
    String perOperation(long operations) {
        double nodeMs = cpu(node).minus(nodeAtStart).toNanos() / 1e6 / operations;
        if (!postgres) {
            return String.format("node %.2f ms CPU each", nodeMs);
        }
        // backends that ended meanwhile took their time with them: the node's pool keeps its connections open
        double databaseMs = postgresCpu().minus(databaseAtStart).toNanos() / 1e6 / operations;
        return String.format("node %.2f ms + PostgreSQL %.2f ms CPU each", nodeMs, databaseMs);
    }

    private static Duration postgresCpu() {
        // a process that ended between the listing and the reading has nothing to add
        return ProcessHandle.allProcesses()
                .filter(POSTGRES)
                .map(process -> process.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    private static Duration cpu(ProcessHandle process) {
        Optional<Duration> spent = process.info().totalCpuDuration();
        return spent.orElseThrow(() -> new IllegalStateException("no CPU time readable for process " + process.pid()));
    }
}
