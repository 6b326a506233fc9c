package io.tideflow.queue.alerts;

import io.tideflow.queue.api.admin.GroupMetrics;
import io.tideflow.queue.api.admin.MetricQueries;
import io.tideflow.queue.config.AlertRule;
import io.tideflow.queue.history.HistoryMetric;
import io.tideflow.queue.store.reporting.MetricHistoryStore;
import io.tideflow.queue.store.reporting.MetricRow;
import io.tideflow.queue.store.reporting.MetricRow.Resolution;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Measures, for one rule, what it looks at in every group: error figures and throughput over the rule's window from
 * the metric history, the oldest due task and the breaker from the live sample, and the throughput baseline from the
 * hour rows of the previous days at this hour.
 */
final class AlertConditions {

    static final int BASELINE_DAYS = 7;

    private AlertConditions() {}

    static Map<String, GroupCondition> of(
            AlertRule rule, Instant now, LiveSample live, MetricQueries history, MetricHistoryStore store) {
        Map<String, GroupMetrics> recent = new HashMap<>();
        for (GroupMetrics figures :
                history.summary(now.minus(rule.window()), now, rule.group()).groups()) {
            recent.put(figures.group(), figures);
        }
        Map<String, Double> baselines = switch (rule.kind()) {
            case THROUGHPUT_DROP -> baselines(store, now, rule.group());
            default -> Map.of();
        };
        Map<String, GroupCondition> conditions = new TreeMap<>();
        Set<String> groups = new TreeSet<>(live.groups());
        groups.addAll(recent.keySet());
        for (String group : groups) {
            GroupMetrics figures = recent.get(group);
            long completed = figures == null ? 0 : figures.completed();
            long failed = figures == null ? 0 : figures.failed();
            double windowSeconds = rule.window().toMillis() / 1000.0;
            Double baselinePerHour = baselines.get(group);
            conditions.put(
                    group,
                    new GroupCondition(
                            completed,
                            failed,
                            live.oldestDue().getOrDefault(group, Duration.ZERO),
                            live.breakerNotClosed().getOrDefault(group, Duration.ZERO),
                            completed / windowSeconds,
                            baselinePerHour == null ? null : baselinePerHour / 3600.0,
                            baselinePerHour == null
                                    ? 0
                                    : baselinePerHour * rule.window().toMillis() / 3_600_000.0));
        }
        return conditions;
    }

    /**
     * Per group, the mean completions of this hour of the day over the previous days that have history for it.
     * Days without any row at this hour (before Tideflow ran, or history off) are left out rather than counted as 0.
     */
    static Map<String, Double> baselines(MetricHistoryStore store, Instant now, String group) {
        long hour = Resolution.HOUR.floor(now.toEpochMilli());
        long day = Duration.ofDays(1).toMillis();
        Map<String, Map<Long, Double>> completedByDay = new HashMap<>();
        Map<String, Set<Long>> daysWithRows = new HashMap<>();
        for (MetricRow row : store.between(Resolution.HOUR, hour - BASELINE_DAYS * day, hour, group)) {
            if (Math.floorMod(row.ts() - hour, day) != 0) {
                continue;
            }
            daysWithRows.computeIfAbsent(row.group(), g -> new HashSet<>()).add(row.ts());
            if (row.metricType().equals(HistoryMetric.COMPLETED)) {
                completedByDay
                        .computeIfAbsent(row.group(), g -> new HashMap<>())
                        .merge(row.ts(), row.value(), Double::sum);
            }
        }
        Map<String, Double> baselines = new HashMap<>();
        daysWithRows.forEach((g, days) -> {
            double total = completedByDay.getOrDefault(g, Map.of()).values().stream()
                    .mapToDouble(Double::doubleValue)
                    .sum();
            baselines.put(g, total / days.size());
        });
        return baselines;
    }
}
