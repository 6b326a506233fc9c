package io.tideflow.queue.api.admin;

import java.io.OutputStream;

/**
 * An export that holds one of this node's export slots until it is closed: {@link Reports#startExport} reserves it
 * before anything is written, so that a caller can still refuse the request when every slot is taken.
 */
public interface TaskExport extends AutoCloseable {

    /**
     * Writes every selected task to {@code out}, then a trailer line that says the export is complete and how many
     * tasks it holds (an export without it was cut short).
     *
     * @return how many tasks were written
     */
    long writeTo(OutputStream out);

    /** Gives the slot back; idempotent. */
    @Override
    void close();
}
