package io.tideflow.queue.reports;

import io.tideflow.queue.api.admin.ExportFormat;
import io.tideflow.queue.api.admin.TaskFilter;
import io.tideflow.queue.store.reporting.ExportedTask;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes one export, chunk after chunk in id order ({@link ExportChunks}), outside any transaction: a client that reads
 * slowly holds its request thread and its export slot, never a connection. The export is no snapshot: a task that
 * changes while it runs is written as its chunk found it, and none is written twice.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExportWriter {

    private static final int EXPORT_BUFFER_CHARS = 64 * 1024;

    @Inject
    ExportChunks chunks;

    public long write(TaskFilter filter, ExportFormat format, OutputStream out) {
        Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), EXPORT_BUFFER_CHARS);
        TaskRowWriter rows = TaskRowWriter.of(format, text);
        rows.begin();
        long written = 0;
        String last = "";
        List<ExportedTask> chunk;
        do {
            chunk = chunks.after(filter, last);
            chunk.forEach(rows::write);
            written += chunk.size();
            if (!chunk.isEmpty()) {
                last = chunk.get(chunk.size() - 1).id();
            }
        } while (chunk.size() == ExportChunks.CHUNK);
        rows.end(written);
        try {
            text.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the client stopped reading the export", e);
        }
        return written;
    }
}
