package io.tideflow.queue.api.admin;

/** The performance analyzer's findings. */
public interface InsightQueries {

    /** The newest set of insights (empty, with no time, before the first analysis). */
    InsightSet latest();
}
