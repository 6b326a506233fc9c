package io.tideflow.admin.web.dashboard;

import java.time.Instant;
import java.util.List;

/** What the dashboard shows at one instant: a row per group, the totals, and when they were read. */
record DashboardFigures(List<GroupFigures> rows, GroupFigures totals, Instant readAt) {

    DashboardFigures {
        rows = List.copyOf(rows);
    }
}
