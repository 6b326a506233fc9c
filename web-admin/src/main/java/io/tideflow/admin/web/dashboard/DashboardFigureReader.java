package io.tideflow.admin.web.dashboard;

import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.admin.GroupMetrics;
import io.tideflow.queue.api.admin.GroupView;
import io.tideflow.queue.api.admin.MetricQueries;
import io.tideflow.queue.api.admin.Reports;
import io.tideflow.queue.api.admin.ResourceGroups;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the dashboard's figures from the engine: the groups (waiting and running tasks through the state indexes), the
 * oldest due task of each, and the metric history's last hour; nothing that grows with the number of finished tasks.
 */
@ApplicationScoped
class DashboardFigureReader {

    static final Duration SUMMARY_WINDOW = Duration.ofHours(1);

    @Inject
    Reports reports;

    @Inject
    MetricQueries metrics;

    @Inject
    ResourceGroups groups;

    DashboardFigures read() {
        Instant now = Instant.now();
        Map<String, GroupView> views = byGroup(groups.list(), GroupView::name);
        Map<String, Duration> oldestDue = reports.oldestDue();
        Map<String, GroupMetrics> figures =
                byGroup(metrics.summary(now.minus(SUMMARY_WINDOW), now, null).groups(), GroupMetrics::group);
        TreeSet<String> names = new TreeSet<>(views.keySet());
        names.addAll(figures.keySet());
        List<GroupFigures> rows = new ArrayList<>();
        for (String name : names) {
            rows.add(GroupFigures.of(name, views.get(name), oldestDue.get(name), figures.get(name)));
        }
        return new DashboardFigures(rows, totalOf(rows, figures.values()), now);
    }

    private static GroupFigures totalOf(List<GroupFigures> rows, Iterable<GroupMetrics> figures) {
        Map<TaskState, Long> depth = new EnumMap<>(TaskState.class);
        Duration oldest = null;
        double throughput = 0;
        for (GroupFigures row : rows) {
            row.depth().forEach((state, count) -> depth.merge(state, count, Long::sum));
            if (row.oldestDueAge() != null
                    && (oldest == null || row.oldestDueAge().compareTo(oldest) > 0)) {
                oldest = row.oldestDueAge();
            }
            throughput += row.throughputPerSecond();
        }
        long completed = 0;
        long failed = 0;
        long deadLettered = 0;
        long cancelled = 0;
        for (GroupMetrics metric : figures) {
            completed += metric.completed();
            failed += metric.failed();
            deadLettered += metric.deadLettered();
            cancelled += metric.cancelled();
        }
        double errorRate = completed + failed == 0 ? 0 : (double) failed / (completed + failed);
        return new GroupFigures(
                "All groups",
                depth,
                oldest,
                completed,
                failed,
                deadLettered,
                cancelled,
                throughput,
                errorRate,
                GroupFigures.NOTHING_MEASURED,
                GroupFigures.NOTHING_MEASURED,
                null,
                false,
                false,
                null);
    }

    private static <T> Map<String, T> byGroup(List<T> items, Function<T, String> group) {
        return items.stream().collect(Collectors.toMap(group, Function.identity(), (first, second) -> first));
    }
}
