package io.tideflow.queue.api.admin;

import java.io.OutputStream;
import java.util.List;

/** Operators' reports over the live task table, and the streaming export of tasks. */
public interface Reports {

    /** Every group's tasks by state now. */
    List<QueueDepth> queueDepth();

    /** Nodes, leases, breakers, the oldest waiting task and the database, now. */
    SystemHealth systemHealth();

    /** Tasks counted by group, type and state, with run times, for the tasks the filter selects. */
    List<TaskReportRow> tasks(TaskReportFilter filter);

    /**
     * Writes every task the filter selects to {@code out}, row by row from a database cursor, so that memory stays
     * constant however many tasks there are; in the order the database reads them (sort afterwards if order matters).
     * Returns how many were written.
     */
    long export(TaskFilter filter, ExportFormat format, OutputStream out);
}
