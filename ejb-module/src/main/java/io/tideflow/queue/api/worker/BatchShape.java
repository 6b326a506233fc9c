package io.tideflow.queue.api.worker;

import java.time.Duration;

/**
 * How a batchable task type's chunks are formed: at most {@code size} tasks, and how long a chunk that is not full
 * waits for more due tasks.
 */
public record BatchShape(String type, int size, Duration maxWait) {

    public BatchShape {
        if (size < 1 || size > WorkRequest.MAX_LIMIT) {
            throw new IllegalArgumentException("batchSize: the handler of task type '" + type + "' asks for " + size
                    + "; use 1.." + WorkRequest.MAX_LIMIT);
        }
        if (maxWait == null || maxWait.isNegative()) {
            throw new IllegalArgumentException(
                    "maxWait: the handler of task type '" + type + "' gives " + maxWait + "; use zero or more");
        }
    }
}
