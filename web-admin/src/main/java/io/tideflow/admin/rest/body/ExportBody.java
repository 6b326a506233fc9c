package io.tideflow.admin.rest.body;

import io.tideflow.batch.export.ExportFileView;
import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * An export to a file: its execution's status, what it selects, and once complete how many tasks and bytes its file
 * holds and where to fetch it ({@code file}). Absent values are not known yet.
 */
public record ExportBody(
        long id,
        String status,
        String format,
        Map<String, String> filter,
        Long tasks,
        Long bytes,
        URI file,
        String node,
        String startedBy,
        Long restartOf,
        Instant createdAt,
        Instant endedAt) {

    /** {@code fileAddress} is where the file can be fetched once complete. */
    public static ExportBody of(ExportFileView view, URI fileAddress) {
        var record = view.record();
        return new ExportBody(
                record.executionId(),
                view.status(),
                view.format(),
                view.filter(),
                view.tasks(),
                view.bytes(),
                view.complete() ? fileAddress : null,
                record.node(),
                record.startedBy(),
                record.restartOf(),
                record.startedAt(),
                view.endedAt());
    }
}
