package io.tideflow.queue.api.event;

import java.time.Instant;

/**
 * A change in Tideflow's life that has been committed: a task's transition, a breaker's change, a group paused or
 * resumed, a chunk of a batchable type run. Tideflow delivers each one after its transaction committed, off the dispatcher's threads, to its own
 * metrics and history and to the application's asynchronous CDI observers ({@code @ObservesAsync}). A slow or failing
 * observer never slows or breaks task processing: when observers fall too far behind, events are dropped and counted
 * ({@code tideflow_events_dropped_total}) rather than queued without bound.
 */
public sealed interface LifecycleEvent
        permits TaskLifecycleEvent, BreakerStateChanged, GroupPaused, GroupResumed, ChunkFinished {

    /** When the change was made (the node's clock). */
    Instant at();
}
