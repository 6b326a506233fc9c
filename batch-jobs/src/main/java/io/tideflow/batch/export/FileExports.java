package io.tideflow.batch.export;

import io.tideflow.batch.executions.BatchExecutionStateException;
import io.tideflow.queue.api.admin.BatchExecutionRecord;
import io.tideflow.queue.api.admin.BatchRecords;
import io.tideflow.queue.api.admin.ExportFormat;
import io.tideflow.queue.api.admin.TaskFilter;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Starts exports to a file ({@code tideflow-export}, one Jakarta Batch execution each, recorded like Tideflow's other
 * executions, so that {@code /api/batches} lists, stops and restarts them too), tells how far one is, and hands out
 * its file once complete.
 */
@ApplicationScoped
public class FileExports {

    public static final String JOB = "tideflow-export";

    private static final List<String> FILTER_FIELDS =
            List.of("state", "type", "group", "createdFrom", "createdTo", "idempotencyKey");

    @Inject
    BatchRecords records;

    @Inject
    ExportFiles files;

    public ExportFileView start(TaskFilter filter, ExportFormat format) {
        Properties parameters = new Properties();
        parameters.setProperty("file", files.newName(format));
        parameters.setProperty("format", format.name());
        put(parameters, "state", filter.state() == null ? null : filter.state().name());
        put(parameters, "type", filter.type());
        put(parameters, "group", filter.group());
        put(
                parameters,
                "createdFrom",
                filter.createdFrom() == null ? null : filter.createdFrom().toString());
        put(
                parameters,
                "createdTo",
                filter.createdTo() == null ? null : filter.createdTo().toString());
        put(parameters, "idempotencyKey", filter.idempotencyKey());
        JobOperator jobs = BatchRuntime.getJobOperator();
        long execution = jobs.start(JOB, parameters);
        return viewOf(jobs, records.started(execution, JOB, null, null, null));
    }

    public ExportFileView find(long id) {
        BatchExecutionRecord record = records.find(id)
                .filter(found -> JOB.equals(found.job()))
                .orElseThrow(() -> new ExportNotFoundException(id));
        return viewOf(BatchRuntime.getJobOperator(), record);
    }

    /** Why an export in {@code status} has no file to hand out (a COMPLETED one: retention deleted it). */
    public static BatchExecutionStateException notFetchable(long id, String status) {
        return new BatchExecutionStateException("export " + id + " is " + status
                + (status.equals("COMPLETED") ? " but its file was deleted since" : "")
                + "; its file can be fetched once it has COMPLETED");
    }

    /** The file of a complete export. */
    public Path fileOf(long id) {
        ExportFileView export = find(id);
        if (!export.complete()) {
            throw notFetchable(id, export.status());
        }
        return files.resolve(BatchRuntime.getJobOperator().getParameters(id).getProperty("file"));
    }

    private ExportFileView viewOf(JobOperator jobs, BatchExecutionRecord record) {
        long id = record.executionId();
        JobExecution execution;
        Properties parameters;
        try {
            execution = jobs.getJobExecution(id);
            parameters = jobs.getParameters(id);
        } catch (NoSuchJobExecutionException e) {
            return new ExportFileView(record, "UNKNOWN", null, Map.of(), null, null, null);
        }
        Map<String, String> filter = new LinkedHashMap<>();
        for (String field : FILTER_FIELDS) {
            String value = parameters.getProperty(field);
            if (value != null && !value.isEmpty()) {
                filter.put(field, value);
            }
        }
        String status = execution.getBatchStatus().name();
        Long tasks = null;
        Long bytes = null;
        if (status.equals("COMPLETED")) {
            tasks = parseCount(execution.getExitStatus());
            Path file = files.resolve(parameters.getProperty("file"));
            bytes = sizeOf(file);
        }
        return new ExportFileView(
                record,
                status,
                parameters.getProperty("format"),
                filter,
                tasks,
                bytes,
                execution.getEndTime() == null ? null : execution.getEndTime().toInstant());
    }

    private static Long parseCount(String exitStatus) {
        try {
            return exitStatus == null ? null : Long.valueOf(exitStatus);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the size of " + file + " failed", e);
        }
    }

    private static void put(Properties parameters, String name, String value) {
        if (value != null) {
            parameters.setProperty(name, value);
        }
    }
}
