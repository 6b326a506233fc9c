package io.tideflow.queue.backup;

import io.tideflow.queue.alerts.AlertConditionReader;
import io.tideflow.queue.api.admin.MetricBackups;
import io.tideflow.queue.background.RepeatingWork;
import io.tideflow.queue.config.EngineSettings;
import io.tideflow.queue.config.HistoryBackupSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Writes a backup into {@code tideflow.history.backup.directory} every {@code tideflow.history.backup.interval} on the
 * node that evaluates the alert rules (one per cluster; the directory is that node's), and keeps the newest
 * {@code tideflow.history.backup.keep}.
 */
@Singleton
@Startup
@DependsOn("SchemaBootstrap")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HistoryBackupSchedule {

    private static final Logger LOG = Logger.getLogger(HistoryBackupSchedule.class.getName());

    @Resource
    ManagedThreadFactory threads;

    @Inject
    MetricBackups backups;

    @Inject
    AlertConditionReader evaluators;

    @Inject
    HistoryBackupSettings settings;

    @Inject
    EngineSettings engine;

    @Inject
    Clock clock;

    private RepeatingWork runs;

    @PostConstruct
    void start() {
        if (settings.directory() == null) {
            return;
        }
        runs = RepeatingWork.start(
                threads, "tideflow-history-backup", settings.interval(), settings.interval(), this::backUp);
        LOG.info(() ->
                "Tideflow backs the metric history up into " + settings.directory() + " every " + settings.interval());
    }

    @PreDestroy
    void stop() {
        if (runs != null) {
            runs.stop();
        }
    }

    void backUp() {
        try {
            if (!evaluators.isEvaluator(engine.nodeId(), clock.instant())) {
                return;
            }
            Path file = backups.writeInto(settings.directory());
            LOG.info(() -> "Tideflow metric history backed up: " + file);
            deleteBeyondKeep();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "backing the metric history up failed; the next run tries again", e);
        }
    }

    private void deleteBeyondKeep() {
        try (Stream<Path> files = Files.list(settings.directory())) {
            List<Path> backupsNewestFirst = files.filter(path -> {
                        String name = path.getFileName().toString();
                        return name.startsWith(HistoryBackupService.PREFIX)
                                && name.endsWith(HistoryBackupService.SUFFIX);
                    })
                    .sorted((a, b) -> b.getFileName().compareTo(a.getFileName()))
                    .toList();
            for (Path old : backupsNewestFirst.subList(
                    Math.min(settings.keep(), backupsNewestFirst.size()), backupsNewestFirst.size())) {
                Files.deleteIfExists(old);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "deleting old metric history backups failed", e);
        }
    }
}
