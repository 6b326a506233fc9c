package io.tideflow.queue.reports;

import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.admin.ExportFormat;
import io.tideflow.queue.api.admin.ExportsBusyException;
import io.tideflow.queue.api.admin.QueueDepth;
import io.tideflow.queue.api.admin.Reports;
import io.tideflow.queue.api.admin.SystemHealth;
import io.tideflow.queue.api.admin.TaskExport;
import io.tideflow.queue.api.admin.TaskFilter;
import io.tideflow.queue.api.admin.TaskReportFilter;
import io.tideflow.queue.api.admin.TaskReportRow;
import io.tideflow.queue.events.EventBus;
import io.tideflow.queue.schema.SchemaBootstrap;
import io.tideflow.queue.store.groups.GroupStore;
import io.tideflow.queue.store.reporting.ReportStore;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@link Reports} over the live tables. */
@Stateless
public class ReportsBean implements Reports {

    private static final int DATABASE_TIMEOUT_SECONDS = 2;

    @Inject
    GroupStore groups;

    @Inject
    SystemHealthFigures figures;

    @Inject
    ReportStore store;

    @Inject
    SchemaBootstrap schema;

    @Inject
    EventBus bus;

    @Inject
    Clock clock;

    @Inject
    ExportSlots slots;

    @Inject
    ExportWriter writer;

    @Inject
    ReportSlots reportSlots;

    @Override
    public List<QueueDepth> queueDepth() {
        return reportSlots.run(this::queueDepthNow);
    }

    @Override
    public Map<String, Duration> oldestDue() {
        return reportSlots.run(() -> {
            Instant now = clock.instant();
            Map<String, Duration> ages = new TreeMap<>();
            groups.oldestDueByGroup(now).forEach((group, due) -> {
                if (!due.isAfter(now)) {
                    ages.put(group, Duration.between(due, now));
                }
            });
            return ages;
        });
    }

    private List<QueueDepth> queueDepthNow() {
        Instant now = clock.instant();
        Map<String, Map<TaskState, Long>> depth = new TreeMap<>(groups.depthByGroup());
        groups.all().forEach(row -> depth.putIfAbsent(row.name(), Map.of()));
        Map<String, Instant> oldest = groups.oldestDueByGroup(now);
        List<QueueDepth> result = new ArrayList<>();
        depth.forEach((group, counts) -> {
            Map<TaskState, Long> all = new EnumMap<>(TaskState.class);
            for (TaskState state : TaskState.values()) {
                all.put(state, counts.getOrDefault(state, 0L));
            }
            Instant due = oldest.get(group);
            result.add(new QueueDepth(
                    group,
                    all,
                    all.values().stream().mapToLong(Long::longValue).sum(),
                    due == null || due.isAfter(now) ? Duration.ZERO : Duration.between(due, now)));
        });
        return result;
    }

    /**
     * Outside any transaction: a connection that the outage broke, enlisted in one, would fail its commit and turn
     * the report into an error instead of saying the database is away.
     */
    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SystemHealth systemHealth() {
        Instant now = clock.instant();
        String database = databaseState();
        if (database.equals("reachable")) {
            try {
                return figures.now(now, database);
            } catch (EJBException | PersistenceException e) {
                database = "unreachable: " + e.getMessage();
            }
        }
        return new SystemHealth(now, database, List.of(), 0, List.of(), List.of(), Duration.ZERO, bus.dropped());
    }

    @Override
    public List<TaskReportRow> tasks(TaskReportFilter filter) {
        return reportSlots.run(() -> store.taskReport(filter));
    }

    @Override
    public TaskExport startExport(TaskFilter filter, ExportFormat format) {
        if (!slots.tryTake()) {
            throw new ExportsBusyException(slots.size());
        }
        return new SlotExport(writer, slots, filter, format);
    }

    @Override
    public long export(TaskFilter filter, ExportFormat format, OutputStream out) {
        try (TaskExport export = startExport(filter, format)) {
            return export.writeTo(out);
        }
    }

    private String databaseState() {
        try (Connection connection = schema.dataSource().getConnection()) {
            return connection.isValid(DATABASE_TIMEOUT_SECONDS) ? "reachable" : "not answering";
        } catch (SQLException | RuntimeException e) {
            return "unreachable: " + e.getMessage();
        }
    }
}
