package io.tideflow.queue.dispatch;

import io.tideflow.queue.config.EngineSettings;
import io.tideflow.queue.schema.DatabaseDialect;
import io.tideflow.queue.schema.SchemaBootstrap;
import io.tideflow.queue.store.PostgresWakeUpChannel;
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
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Wakes the dispatchers of other nodes when this node commits new work, over PostgreSQL {@code LISTEN/NOTIFY}: the
 * database every node already shares, so no broker or cluster protocol is added. Announcements leave the enqueue
 * transaction alone (a NOTIFY inside it would serialize concurrent commits on PostgreSQL's notify queue lock): one
 * announcer thread sends them after the commit, one at a time, so a burst of enqueues costs one notification per
 * round trip. On Derby, a single-node database, there is nothing to do.
 */
@Singleton
@Startup
@DependsOn("SchemaBootstrap")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClusterWakeUp {

    private static final Logger LOG = Logger.getLogger(ClusterWakeUp.class.getName());
    private static final int CHECK_EVERY_MS = 500;
    /** How often the listening connection checks that the server is still there. */
    private static final int PROBE_EVERY_MS = 15_000;

    private static final long MAX_RETRY_MS = 30_000;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    SchemaBootstrap schema;

    @Inject
    EngineSettings settings;

    @Inject
    DispatchSignal signal;

    private final Semaphore announcementsDue = new Semaphore(0);
    private final AtomicBoolean announcementPending = new AtomicBoolean();
    private final List<Thread> started = new ArrayList<>();
    private volatile boolean running;

    @PostConstruct
    void start() {
        if (schema.dialect() != DatabaseDialect.POSTGRESQL) {
            return;
        }
        running = true;
        DataSource dataSource = schema.dataSource();
        started.add(startThread("tideflow-announcer", () -> announceWhileRunning(dataSource)));
        signal.announceWith(this::requestAnnouncement);
        if (settings.dispatcherEnabled()) {
            started.add(startThread("tideflow-listener", () -> listenWhileRunning(dataSource)));
        }
        LOG.info(() -> "Tideflow cross-node wake-up on PostgreSQL LISTEN/NOTIFY: announcing"
                + (settings.dispatcherEnabled() ? " and listening" : " only (dispatcher disabled on this node)"));
    }

    @PreDestroy
    void stop() {
        running = false;
        signal.stopAnnouncing();
        announcementsDue.release();
        for (Thread thread : started) {
            try {
                thread.join(2 * CHECK_EVERY_MS + 1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Thread startThread(String name, Runnable body) {
        Thread thread = threads.newThread(body);
        thread.setName(name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void requestAnnouncement() {
        if (announcementPending.compareAndSet(false, true)) {
            announcementsDue.release();
        }
    }

    private void announceWhileRunning(DataSource dataSource) {
        Backoff backoff = new Backoff("announcing new tasks to other nodes");
        while (running) {
            try {
                if (!announcementsDue.tryAcquire(CHECK_EVERY_MS, TimeUnit.MILLISECONDS) || !running) {
                    continue;
                }
                announcementsDue.drainPermits();
                // cleared before sending: an enqueue committed while this one is on its way asks for another
                announcementPending.set(false);
                try (Connection connection = dataSource.getConnection()) {
                    PostgresWakeUpChannel.announce(connection);
                }
                backoff.succeeded();
            } catch (SQLException | RuntimeException e) {
                if (!backoff.failed(e)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void listenWhileRunning(DataSource dataSource) {
        Backoff backoff = new Backoff("listening for tasks enqueued on other nodes");
        PostgresWakeUpChannel.listenWhile(
                () -> running,
                dataSource::getConnection,
                signal::wake,
                new PostgresWakeUpChannel.Outcomes() {
                    @Override
                    public void listening() {
                        backoff.succeeded();
                    }

                    @Override
                    public boolean failed(Exception e) {
                        return backoff.failed(e);
                    }
                },
                CHECK_EVERY_MS,
                PROBE_EVERY_MS);
    }

    /** Logs the first failure of a streak, then waits longer after each until the next success. */
    private final class Backoff {

        private final String what;
        private long waitMs;

        Backoff(String what) {
            this.what = what;
        }

        void succeeded() {
            if (waitMs > 0) {
                LOG.info(() -> "Tideflow is " + what + " again");
            }
            waitMs = 0;
        }

        /** @return false when interrupted while waiting */
        boolean failed(Exception e) {
            if (waitMs == 0) {
                LOG.log(
                        Level.WARNING,
                        "Tideflow stopped " + what + "; other nodes fall back to their poll" + " until it works again",
                        e);
            }
            waitMs = Math.min(MAX_RETRY_MS, Math.max(250, waitMs * 2));
            try {
                Thread.sleep(waitMs);
                return true;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
