package io.tideflow.queue.reports;

import io.tideflow.queue.api.admin.ExportFormat;
import io.tideflow.queue.api.admin.TaskFilter;
import io.tideflow.queue.store.reporting.ReportStore;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** Writes one export from a database cursor, in a transaction of its own (the cursor lives as long as it does). */
@Stateless
public class ExportWriter {

    private static final int EXPORT_BUFFER_CHARS = 64 * 1024;

    @Inject
    ReportStore store;

    public long write(TaskFilter filter, ExportFormat format, OutputStream out) {
        Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), EXPORT_BUFFER_CHARS);
        TaskRowWriter rows = TaskRowWriter.of(format, text);
        rows.begin();
        long written = store.export(filter, rows::write);
        rows.end(written);
        try {
            text.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the client stopped reading the export", e);
        }
        return written;
    }
}
