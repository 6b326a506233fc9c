package io.tideflow.admin.web.dashboard;

import io.tideflow.queue.api.TaskState;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The dashboard's figures of this node, read in the background while someone watches and shared by every session.
 * Reading them costs the database tens of milliseconds once the queue holds 100,000 waiting tasks; here that cost is
 * paid four times a second per node however many consoles are open, and a dashboard request only copies the latest figures.
 * Nobody watching for {@link #WATCHED_FOR}: no reads at all; the next request then reads once itself.
 */
@ApplicationScoped
public class DashboardSnapshots {

    private static final Logger LOG = Logger.getLogger(DashboardSnapshots.class.getName());

    /**
     * A quarter of the page's poll interval: a change reaches an open dashboard within 1.25 s and the read's own
     * time, inside the two seconds promised even on a loaded node.
     */
    static final Duration REFRESH_EVERY = Duration.ofMillis(250);

    static final Duration WATCHED_FOR = Duration.ofSeconds(15);

    /** Figures older than this (nobody watched, or the background reads fail) are read by the request itself. */
    static final Duration STALE_AFTER = Duration.ofSeconds(2);

    @Inject
    DashboardFigureReader reader;

    /** Looked up, not injected: Payara Server cannot inject it into a web module's CDI bean inside an EAR. */
    private ManagedScheduledExecutorService scheduler() {
        try {
            return InitialContext.doLookup("java:comp/DefaultManagedScheduledExecutorService");
        } catch (NamingException e) {
            throw new IllegalStateException("the server's default managed scheduled executor is not there", e);
        }
    }

    private volatile DashboardFigures latest;
    private volatile Instant lastWatched = Instant.EPOCH;
    private ScheduledFuture<?> refresh;

    /** The latest figures, at most {@link #STALE_AFTER} old; keeps the background reads going for a while. */
    DashboardFigures current() {
        Instant now = Instant.now();
        lastWatched = now;
        DashboardFigures figures = latest;
        if (figures == null || figures.readAt().plus(STALE_AFTER).isBefore(now)) {
            figures = reader.read();
            latest = figures;
        }
        startRefreshing();
        return figures;
    }

    /**
     * The waiting and running tasks of each group, from the latest figures: what the groups page shows without
     * counting 100,000 waiting tasks on every request.
     */
    public Map<String, Map<TaskState, Long>> depthByGroup() {
        Map<String, Map<TaskState, Long>> depth = new HashMap<>();
        for (GroupFigures row : current().rows()) {
            depth.put(row.group(), row.depth());
        }
        return depth;
    }

    private synchronized void startRefreshing() {
        if (refresh == null) {
            long every = REFRESH_EVERY.toMillis();
            refresh =
                    scheduler().scheduleWithFixedDelay(this::refreshWhileWatched, every, every, TimeUnit.MILLISECONDS);
        }
    }

    void refreshWhileWatched() {
        if (lastWatched.plus(WATCHED_FOR).isBefore(Instant.now())) {
            return;
        }
        try {
            latest = reader.read();
        } catch (RuntimeException e) {
            // the figures age until a request reads them itself, which shows the error to whoever watches
            LOG.log(Level.FINE, "reading the dashboard's figures failed", e);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (refresh != null) {
            refresh.cancel(false);
        }
    }
}
