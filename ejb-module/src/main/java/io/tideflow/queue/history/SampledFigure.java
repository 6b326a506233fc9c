package io.tideflow.queue.history;

import java.util.Set;

/**
 * The figures sampled on a timer rather than counted from events: a node's resources (group {@link #NODE}) and each
 * limited group's use of its limits. A row of one keeps the samples' mean as its value and their count, least and
 * most in its metadata ({@link GaugeJson}); it is rolled up per node, by mean, never added across nodes.
 */
public final class SampledFigure {

    /** The group column of a node's own figures: no resource group may be called that. */
    public static final String NODE = "*";

    /** CPU used by this server's process, percent of all cores. */
    public static final String CPU_PROCESS = "node.cpu.process";
    /** CPU used on the machine, percent of all cores. */
    public static final String CPU_SYSTEM = "node.cpu.system";

    public static final String HEAP_USED = "node.heap.used";
    public static final String HEAP_MAX = "node.heap.max";
    public static final String NON_HEAP_USED = "node.nonheap.used";
    /** Time spent collecting garbage since the previous sample, percent of the time between them. */
    public static final String GC_TIME = "node.gc.time";

    public static final String THREADS = "node.threads";
    /** Bytes free on the file system of the server's data directory (embedded Derby's database lives there). */
    public static final String DISK_FREE = "node.disk.free";

    public static final String POOL_IN_USE = "node.pool.in_use";
    public static final String POOL_MAX = "node.pool.max";
    /** Requests waiting for a connection of the pool. */
    public static final String POOL_WAITING = "node.pool.waiting";
    /** Connections in use, percent of the pool's maximum. */
    public static final String POOL_USE = "node.pool.use";

    public static final String WORKERS_BUSY = "node.workers.busy";
    public static final String WORKERS = "node.workers";
    /** Workers busy, percent of those configured. */
    public static final String WORKERS_USE = "node.workers.use";
    /** Claimed tasks waiting for a free worker on this node. */
    public static final String CLAIM_AHEAD = "node.claim_ahead";

    public static final String EVENT_BACKLOG = "node.events.backlog";

    /** Tasks of the group waiting (PENDING) across the cluster, from the queue's last sample. */
    public static final String GROUP_PENDING = "group.pending";
    /** Tasks of the group running on this node. */
    public static final String GROUP_RUNNING = "group.running";
    /** Tasks of the group running on this node, percent of its {@code max-concurrent}. */
    public static final String GROUP_USE_NODE = "group.use.node";
    /** Tasks of the group running on every node, percent of its {@code max-concurrent-cluster}. */
    public static final String GROUP_USE_CLUSTER = "group.use.cluster";
    /** Samples at which the group was at one of its concurrency limits, percent. */
    public static final String GROUP_AT_LIMIT = "group.at_limit";
    /** How much of the group's rate bucket was used, percent (100: no token left). */
    public static final String GROUP_RATE_USE = "group.rate.use";
    /** Samples at which the group's breaker was open, percent. */
    public static final String GROUP_BREAKER_OPEN = "group.breaker.open";

    /** Every sampled figure, for the series that a report may ask for. */
    public static final Set<String> ALL = Set.of(
            CPU_PROCESS,
            CPU_SYSTEM,
            HEAP_USED,
            HEAP_MAX,
            NON_HEAP_USED,
            GC_TIME,
            THREADS,
            DISK_FREE,
            POOL_IN_USE,
            POOL_MAX,
            POOL_WAITING,
            POOL_USE,
            WORKERS_BUSY,
            WORKERS,
            WORKERS_USE,
            CLAIM_AHEAD,
            EVENT_BACKLOG,
            GROUP_PENDING,
            GROUP_RUNNING,
            GROUP_USE_NODE,
            GROUP_USE_CLUSTER,
            GROUP_AT_LIMIT,
            GROUP_RATE_USE,
            GROUP_BREAKER_OPEN);

    private SampledFigure() {}

    public static boolean isSampled(String metricType) {
        return metricType.startsWith("node.") || metricType.startsWith("group.");
    }
}
