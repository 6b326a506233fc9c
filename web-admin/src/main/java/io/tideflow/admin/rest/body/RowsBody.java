package io.tideflow.admin.rest.body;

import io.tideflow.queue.api.admin.TaskReportRow;
import java.util.List;

/** The task report: counts and run times by group, type and state. */
public record RowsBody(List<TaskReportRow> rows) {}
