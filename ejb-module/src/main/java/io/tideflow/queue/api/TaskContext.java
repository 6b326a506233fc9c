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

    /** When this node's lease on the task ends; work past it may be taken over by another node. */
    Instant deadline();
}
