package io.tideflow.queue.api;

import java.time.Instant;

/** What a {@link TaskHandler} knows about the attempt it runs. */
public interface TaskContext {

    TaskId id();

    String type();

    String group();

    /** This attempt's number, starting at 1. */
    int attempt();

    int maxAttempts();

    /** The payload as the JSON text it was submitted with. */
    String payloadJson();

    /** The payload bound to a type through JSON-B. */
    <T> T payload(Class<T> type);

    /**
     * When this attempt must end: its type's timeout. The engine extends the lease with heartbeats until then; work
     * past it is rolled back and counted as a failed attempt.
     */
    Instant deadline();

    /**
     * Whether an operator asked to cancel this task while it runs (seen within one heartbeat interval). A handler
     * that stops should throw {@link TaskCancelledException}; one that finishes anyway completes normally.
     */
    boolean isCancellationRequested();

    /**
     * A key that stays the same for every attempt of this task (the task id), for making non-transactional work
     * idempotent; pair it with {@link #attempt()} to fence a late attempt off a newer one.
     */
    default String idempotencyKey() {
        return id().value();
    }
}
