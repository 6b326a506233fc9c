package io.tideflow.batch.export;

import io.tideflow.queue.api.admin.BatchExecutionRecord;
import java.time.Instant;
import java.util.Map;

/**
 * An export as its execution knows it.
 *
 * @param status  the batch status of its execution ({@code UNKNOWN} once the runtime's repository lost it)
 * @param filter  the filter's values by name, only those given
 * @param tasks   how many tasks the file holds; null until it is complete
 * @param bytes   the file's size; null until it is complete (or when the file was deleted since)
 * @param endedAt null while it runs
 */
public record ExportFileView(
        BatchExecutionRecord record,
        String status,
        String format,
        Map<String, String> filter,
        Long tasks,
        Long bytes,
        Instant endedAt) {

    public boolean complete() {
        return "COMPLETED".equals(status) && bytes != null;
    }
}
