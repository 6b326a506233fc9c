package io.tideflow.queue.sampling;

import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.background.RepeatingWork;
import io.tideflow.queue.config.EngineSettings;
import io.tideflow.queue.config.ObservabilitySettings;
import io.tideflow.queue.dispatch.TaskDispatcher;
import io.tideflow.queue.events.EventBus;
import io.tideflow.queue.execution.AttemptRegistry;
import io.tideflow.queue.execution.RunningAttempt;
import io.tideflow.queue.groups.GroupDirectory;
import io.tideflow.queue.history.FigureSample;
import io.tideflow.queue.history.HistoryListener;
import io.tideflow.queue.history.SampledFigure;
import io.tideflow.queue.metrics.GroupTagBudget;
import io.tideflow.queue.metrics.MeterBackend;
import io.tideflow.queue.metrics.MeterTags;
import io.tideflow.queue.metrics.QueueGauges;
import io.tideflow.queue.metrics.QueueSnapshot;
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
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Samples this node's resources and its limited groups' use of their limits every
 * {@code tideflow.history.sample-interval} into the metric history, and keeps the last sampling for the meters that
 * the server's own registry does not export (the JVM's figures it does).
 */
@Singleton
@Startup
@DependsOn({"SchemaBootstrap", "QueueGauges"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NodeSampler {

    private static final Logger LOG = Logger.getLogger(NodeSampler.class.getName());

    @Resource
    ManagedThreadFactory threads;

    @Inject
    TaskDispatcher dispatcher;

    @Inject
    AttemptRegistry attempts;

    @Inject
    GroupDirectory groups;

    @Inject
    QueueGauges queue;

    @Inject
    EventBus bus;

    @Inject
    HistoryListener history;

    @Inject
    MeterBackend meters;

    @Inject
    GroupTagBudget groupTags;

    @Inject
    EngineSettings engine;

    @Inject
    ObservabilitySettings settings;

    @Inject
    Clock clock;

    private final JvmFigures jvm = new JvmFigures(JvmFigures.serverDataDirectory());
    private final PoolFigures pool = new PoolFigures();
    private final Set<String> meteredGroups = new HashSet<>();
    private volatile Map<String, Double> latest = Map.of();
    private RepeatingWork samples;
    private boolean poolReported;
    private long firstSample = -1;
    private Set<String> pendingSampled = Set.of();

    private static final Duration POOL_SEARCH = Duration.ofMinutes(2);

    private static final Set<TaskState> LIVE =
            EnumSet.of(TaskState.PENDING, TaskState.RUNNING, TaskState.FAILED, TaskState.WAITING);

    @PostConstruct
    void start() {
        registerNodeMeters();
        samples = RepeatingWork.start(
                threads, "tideflow-node-sampler", settings.nodeSampleInterval(), settings.nodeSampleInterval(), () -> {
                    try {
                        sample();
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "sampling this node's resources failed; the next sample tries again", e);
                    }
                });
    }

    @PreDestroy
    void stop() {
        if (samples != null) {
            samples.stop();
        }
    }

    /**
     * Says once whether the pool is sampled. Servers publish their pool statistics some time after the application
     * starts (WildFly once it has booted, Payara once its AMX tree is loaded), so their absence is only told after
     * {@link #POOL_SEARCH}.
     */
    private void reportPool(long now) {
        if (firstSample < 0) {
            firstSample = now;
        }
        if (poolReported) {
            return;
        }
        if (pool.found()) {
            poolReported = true;
            LOG.info("Tideflow samples the datasource pool from the server's statistics");
        } else if (now - firstSample >= POOL_SEARCH.toMillis()) {
            poolReported = true;
            LOG.info("the server publishes no statistics of Tideflow's datasource pool: its figures are left out of"
                    + " the metric history until it does (docs/observability.md says how to switch them on)");
        }
    }

    void sample() {
        long now = clock.millis();
        List<FigureSample> taken = new ArrayList<>(jvm.read());
        taken.addAll(pool.read());
        reportPool(now);
        // an attempt whose completion waits for the batched writer has left its worker and its group's slot
        List<RunningAttempt> onWorkers = attempts.onWorkers();
        Map<String, Integer> runningByGroup = new HashMap<>();
        for (RunningAttempt attempt : onWorkers) {
            runningByGroup.merge(attempt.task().group(), 1, Integer::sum);
        }
        int busy = onWorkers.size();
        taken.add(node(SampledFigure.WORKERS_BUSY, busy));
        taken.add(node(SampledFigure.WORKERS, engine.workers()));
        taken.add(node(SampledFigure.WORKERS_USE, 100.0 * Math.min(busy, engine.workers()) / engine.workers()));
        taken.add(node(SampledFigure.CLAIM_AHEAD, dispatcher.claimedAhead()));
        taken.add(node(SampledFigure.EVENT_BACKLOG, bus.backlog()));
        taken.addAll(LimitUse.of(groups.restricted(), runningByGroup, queue.latest(), now));
        taken.addAll(pending(queue.latest()));
        history.sampled(now, taken);
        Map<String, Double> values = new HashMap<>();
        for (FigureSample sample : taken) {
            values.put(key(sample.group(), sample.metric()), sample.value());
            if (!SampledFigure.NODE.equals(sample.group())) {
                registerGroupMeters(sample.group());
            }
        }
        latest = values;
    }

    /**
     * The waiting tasks of every group that has live tasks, and once more (at zero) of a group that had them at the
     * last sampling, so that a drained backlog shows: the anomaly detector watches these for growth.
     */
    private List<FigureSample> pending(QueueSnapshot snapshot) {
        List<FigureSample> samples = new ArrayList<>();
        Set<String> live = new HashSet<>();
        snapshot.depth().forEach((group, states) -> {
            if (LIVE.stream().anyMatch(state -> states.getOrDefault(state, 0L) > 0)) {
                live.add(group);
            }
        });
        Set<String> sampled = new HashSet<>(live);
        sampled.addAll(pendingSampled);
        for (String group : sampled) {
            samples.add(
                    new FigureSample(group, SampledFigure.GROUP_PENDING, snapshot.depthOf(group, TaskState.PENDING)));
        }
        pendingSampled = live;
        return samples;
    }

    private static FigureSample node(String metric, double value) {
        return new FigureSample(SampledFigure.NODE, metric, value);
    }

    private static String key(String group, String metric) {
        return group + '\u0000' + metric;
    }

    private Number latest(String group, String metric) {
        Double value = latest.get(key(group, metric));
        return value == null ? Double.NaN : value;
    }

    private void registerNodeMeters() {
        String node = SampledFigure.NODE;
        meters.gauge(
                "tideflow.node.workers.busy",
                "Dispatcher workers running an attempt on this node (sampled)",
                MeterTags.of(),
                () -> latest(node, SampledFigure.WORKERS_BUSY));
        meters.gauge(
                "tideflow.node.workers",
                "Dispatcher workers configured on this node",
                MeterTags.of(),
                () -> engine.workers());
        meters.gauge(
                "tideflow.node.claim.ahead",
                "Claimed tasks waiting on this node for a free worker (sampled)",
                MeterTags.of(),
                () -> latest(node, SampledFigure.CLAIM_AHEAD));
        meters.gauge(
                "tideflow.node.pool.in.use",
                "Connections of Tideflow's datasource pool in use, from the server's statistics (sampled)",
                MeterTags.of(),
                () -> latest(node, SampledFigure.POOL_IN_USE));
        meters.gauge(
                "tideflow.node.pool.waiting",
                "Requests waiting for a connection of Tideflow's datasource pool (sampled)",
                MeterTags.of(),
                () -> latest(node, SampledFigure.POOL_WAITING));
        meters.gauge(
                "tideflow.node.pool.max",
                "The most connections Tideflow's datasource pool opens",
                MeterTags.of(),
                () -> latest(node, SampledFigure.POOL_MAX));
        meters.gauge(
                "tideflow.node.disk.free.bytes",
                "Free space on the file system of the server's data directory (sampled)",
                MeterTags.of(),
                () -> latest(node, SampledFigure.DISK_FREE));
    }

    private void registerGroupMeters(String group) {
        if (!groupTags.hasOwnSeries(group) || !meteredGroups.add(group)) {
            return;
        }
        for (String[] limit : new String[][] {
            {"node", SampledFigure.GROUP_USE_NODE},
            {"cluster", SampledFigure.GROUP_USE_CLUSTER},
            {"rate", SampledFigure.GROUP_RATE_USE}
        }) {
            meters.gauge(
                    "tideflow.group.limit.use.ratio",
                    "How much of a limit the group used at the last sample, 0 to 1: running tasks against"
                            + " max-concurrent (node) or max-concurrent-cluster (cluster), spent rate tokens (rate)",
                    MeterTags.of("group", group, "limit", limit[0]),
                    () -> ratio(group, limit[1]));
        }
        meters.gauge(
                "tideflow.group.at.limit",
                "1 when the group was at one of its concurrency limits at the last sample",
                MeterTags.of("group", group),
                () -> ratio(group, SampledFigure.GROUP_AT_LIMIT));
    }

    /** A percent figure as Prometheus' base unit wants it (promtool: ratio, not percent). */
    private Number ratio(String group, String metric) {
        return latest(group, metric).doubleValue() / 100;
    }
}
