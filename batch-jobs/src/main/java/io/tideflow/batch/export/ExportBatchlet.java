package io.tideflow.batch.export;

import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.admin.ExportFormat;
import io.tideflow.queue.api.admin.Reports;
import io.tideflow.queue.api.admin.TaskFilter;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Writes one export file: the tasks the filter selects, through the engine's export (chunks of 500 in id order, each
 * read in a short transaction of its own, an export slot held meanwhile), into {@code <file>.part}, renamed to the
 * file once the trailer is written. Its exit status is the number of tasks written. A stop closes the file under the
 * writer; the part is deleted and the execution ends STOPPED.
 */
@Named("tideflowExportBatchlet")
@Dependent
public class ExportBatchlet extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(ExportBatchlet.class.getName());

    @Inject
    @BatchProperty
    String file;

    @Inject
    @BatchProperty
    String format;

    @Inject
    @BatchProperty
    String state;

    @Inject
    @BatchProperty
    String type;

    @Inject
    @BatchProperty
    String group;

    @Inject
    @BatchProperty
    String createdFrom;

    @Inject
    @BatchProperty
    String createdTo;

    @Inject
    @BatchProperty
    String idempotencyKey;

    @Inject
    JobContext job;

    @Inject
    Reports reports;

    @Inject
    ExportFiles files;

    private volatile OutputStream out;
    private volatile boolean stopping;

    @Override
    public String process() throws IOException {
        Path target = files.resolve(file);
        Path part = target.resolveSibling(target.getFileName() + ".part");
        Files.createDirectories(target.getParent());
        long tasks;
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(part))) {
            out = stream;
            tasks = reports.export(filter(), ExportFormat.valueOf(format), stream);
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(part);
            if (stopping) {
                return "STOPPED";
            }
            throw e;
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        LOG.info(() -> "export " + job.getExecutionId() + ": " + tasks + " tasks written to " + target);
        String written = Long.toString(tasks);
        job.setExitStatus(written);
        return written;
    }

    @Override
    public void stop() throws IOException {
        stopping = true;
        OutputStream current = out;
        if (current != null) {
            current.close();
        }
    }

    private TaskFilter filter() {
        return new TaskFilter(
                given(state) == null ? null : TaskState.valueOf(state),
                given(type),
                given(group),
                null,
                given(createdFrom) == null ? null : Instant.parse(createdFrom),
                given(createdTo) == null ? null : Instant.parse(createdTo),
                given(idempotencyKey));
    }

    private static String given(String parameter) {
        return parameter == null || parameter.isEmpty() ? null : parameter;
    }
}
