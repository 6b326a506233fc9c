package io.tideflow.queue.history;

/** The figures the metric history keeps per group, as named in the {@code metric_type} column. */
public final class HistoryMetric {

    public static final String ENQUEUED = "enqueued";
    public static final String STARTED = "started";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String RETRIED = "retried";
    public static final String DEAD_LETTERED = "dead_lettered";
    public static final String CANCELLED = "cancelled";
    public static final String DEFERRED = "deferred";
    public static final String RESCUED = "rescued";
    public static final String LEASE_LOST = "lease_lost";
    public static final String ARCHIVED = "archived";
    /** Durations from due to start; the row's value is their count, its metadata their histogram. */
    public static final String WAIT = "wait";
    /** Durations of attempts (completed and failed); the row's value is their count, its metadata their histogram. */
    public static final String RUN = "run";

    /** Chunks of batchable types committed; the row's value is their count, its metadata their durations' histogram. */
    public static final String CHUNKS = "chunks";
    /** Tasks completed in committed chunks. */
    public static final String CHUNK_TASKS = "chunk_tasks";
    /** Chunks rolled back (their tasks then ran one per chunk). */
    public static final String CHUNKS_ROLLED_BACK = "chunks_rolled_back";

    /** The prefix of the figures kept per task type as well as per group (the rows name their type). */
    public static final String PER_TYPE = "type.";

    /** The figures also kept per task type, under {@link #PER_TYPE} and their name. */
    static final java.util.Set<String> KEPT_PER_TYPE = java.util.Set.of(STARTED, COMPLETED, FAILED, RETRIED, WAIT, RUN);

    public static boolean isPerType(String metricType) {
        return metricType.startsWith(PER_TYPE);
    }

    private HistoryMetric() {}
}
