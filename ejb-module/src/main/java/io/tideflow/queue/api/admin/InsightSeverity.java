package io.tideflow.queue.api.admin;

/** How much an insight asks for attention. */
public enum InsightSeverity {
    /** Worth knowing: the slowest types, retries within reason. */
    INFO,
    /** A figure well off its baseline or near a limit. */
    WARNING,
    /** A figure far off its baseline, or a resource about to run out. */
    CRITICAL
}
