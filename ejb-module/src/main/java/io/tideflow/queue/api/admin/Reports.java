package io.tideflow.queue.api.admin;

import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Operators' reports over the live task table, and the streaming export of tasks. */
public interface Reports {

    /** Every group's tasks by state now: a count over the whole table, finished tasks included. */
    List<QueueDepth> queueDepth();

    /**
     * How long each group's longest-waiting due task has been due, now; groups without a due task are absent. Read
     * through the state index of waiting tasks, so it costs the same however many tasks have finished.
     */
    Map<String, Duration> oldestDue();

    /** Nodes, leases, breakers, the oldest waiting task and the database, now. */
    SystemHealth systemHealth();

    /** Tasks counted by group, type and state, with run times, for the tasks the filter selects. */
    List<TaskReportRow> tasks(TaskReportFilter filter);

    /**
     * Reserves one of this node's export slots ({@code tideflow.export.max-concurrent}) for an export of every task
     * the filter selects; nothing is read until {@link TaskExport#writeTo}. Close it to give the slot back.
     *
     * @throws ExportsBusyException when every slot is taken
     */
    TaskExport startExport(TaskFilter filter, ExportFormat format);

    /**
     * Writes every task the filter selects to {@code out}, row by row from a database cursor, so that memory stays
     * constant however many tasks there are; in the order the database reads them (sort afterwards if order matters),
     * then the trailer line. Holds an export slot meanwhile. Returns how many were written.
     *
     * @throws ExportsBusyException when every slot is taken
     */
    default long export(TaskFilter filter, ExportFormat format, OutputStream out) {
        try (TaskExport export = startExport(filter, format)) {
            return export.writeTo(out);
        }
    }
}
