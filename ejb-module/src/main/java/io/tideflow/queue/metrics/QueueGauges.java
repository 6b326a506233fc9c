package io.tideflow.queue.metrics;

import io.tideflow.queue.api.BreakerState;
import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.background.RepeatingWork;
import io.tideflow.queue.config.ObservabilitySettings;
import io.tideflow.queue.events.AsyncObserverForwarder;
import io.tideflow.queue.events.EventBus;
import io.tideflow.queue.events.EventFeeds;
import io.tideflow.queue.execution.AttemptRegistry;
import io.tideflow.queue.lease.ClockSkew;
import io.tideflow.queue.model.Breaker;
import io.tideflow.queue.store.groups.GroupRow;
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
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The gauges: samples the queue (tasks per group and state, oldest due task, paused groups, breakers) every
 * {@code tideflow.metrics.sample-interval} into a {@link QueueSnapshot} (the counts of finished tasks, most of the
 * table, every {@code tideflow.metrics.finished-sample-interval}) that the gauges read, and registers the gauges
 * of a group when it is first seen. The queue-wide figures are the same on every node; the node's own (attempts
 * running, event backlog) are its own.
 */
@Singleton
@Startup
@DependsOn("SchemaBootstrap")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// the sample only reads; a timer callback with a transaction of its own is one Payara's timer service begins before
// delivery and leaves open on its pooled thread when the callback meets an undeployed application
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class QueueGauges {

    private static final String EVENTS_DROPPED = "tideflow.events.dropped";
    private static final String EVENTS_DROPPED_HELP =
            "Lifecycle events dropped because listeners were a full queue behind";

    private static final Logger LOG = Logger.getLogger(QueueGauges.class.getName());

    @Resource
    ManagedThreadFactory threads;

    @Inject
    MeterBackend meters;

    @Inject
    GroupTagBudget groupTags;

    @Inject
    ClockSkew skew;

    @Inject
    QueueReads reads;

    @Inject
    AttemptRegistry attempts;

    @Inject
    EventBus bus;

    @Inject
    AsyncObserverForwarder observers;

    @Inject
    EventFeeds feeds;

    @Inject
    ObservabilitySettings settings;

    @Inject
    Clock clock;

    private static final Set<TaskState> LIVE =
            EnumSet.of(TaskState.WAITING, TaskState.PENDING, TaskState.RUNNING, TaskState.FAILED);
    private static final Set<TaskState> FINISHED = EnumSet.complementOf(EnumSet.copyOf(LIVE));

    private volatile QueueSnapshot latest = QueueSnapshot.EMPTY;
    private Map<String, Map<TaskState, Long>> finishedDepth = Map.of();
    private Instant finishedSampledAt;
    private final Set<String> registeredGroups = new HashSet<>();
    private final Set<String> registeredBreakers = new HashSet<>();
    private RepeatingWork samples;
    /** Samples failed in a row: the first is logged with its cause, the end of the streak once. */
    private volatile int failedSamples;

    @PostConstruct
    void start() {
        meters.gauge("tideflow.attempts.running", "Attempts running on this node now", MeterTags.of(), attempts::size);
        meters.gauge(
                "tideflow.clock.skew.seconds",
                "This node's clock minus the database's, measured at each heartbeat",
                MeterTags.of(),
                () -> skew.skew().toNanos() / 1e9);
        meters.gauge(
                "tideflow.events.backlog",
                "Lifecycle events waiting for delivery on this node",
                MeterTags.of(),
                bus::backlog);
        meters.counterOf(EVENTS_DROPPED, EVENTS_DROPPED_HELP, MeterTags.of("listener", "tideflow"), bus::dropped);
        meters.counterOf(
                EVENTS_DROPPED, EVENTS_DROPPED_HELP, MeterTags.of("listener", "application"), observers::dropped);
        meters.counterOf(
                EVENTS_DROPPED, EVENTS_DROPPED_HELP, MeterTags.of("listener", "subscriptions"), feeds::dropped);
        meters.gauge(
                "tideflow.events.subscriptions",
                "Event subscriptions (streams, the topic) this node feeds now",
                MeterTags.of(),
                feeds::subscriptions);
        meters.gauge(
                "tideflow.database.reachable",
                "1 when this node's last sample of the queue read the database, 0 when it failed (an outage)",
                MeterTags.of(),
                () -> latest == QueueSnapshot.EMPTY || failedSamples > 0 ? 0 : 1);
        meters.gauge(
                "tideflow.queue.sample.age.seconds",
                "How old the queue gauges are: seconds since this node last sampled the queue",
                MeterTags.of(),
                () -> latest == QueueSnapshot.EMPTY
                        ? 0
                        : Math.max(0, clock.millis() - latest.at().toEpochMilli()) / 1000.0);
        samples = RepeatingWork.start(
                threads, "tideflow-metrics-sampler", Duration.ZERO, settings.sampleInterval(), this::sample);
    }

    @PreDestroy
    void stop() {
        samples.stop();
    }

    /** The latest sample of the queue (empty before the first). */
    public QueueSnapshot latest() {
        return latest;
    }

    void sample() {
        try {
            Instant now = clock.instant();
            boolean finishedDue = finishedSampledAt == null
                    || !now.isBefore(finishedSampledAt.plus(settings.finishedSampleInterval()));
            QueueReads.Reading reading = reads.read(now, LIVE, finishedDue ? FINISHED : Set.of());
            if (reading.finishedDepth() != null) {
                finishedDepth = reading.finishedDepth();
                finishedSampledAt = now;
            }
            Set<String> paused = new HashSet<>();
            Set<String> known = new HashSet<>();
            for (GroupRow row : reading.groups()) {
                known.add(row.name());
                if (row.paused()) {
                    paused.add(row.name());
                }
            }
            Map<String, BreakerState> breakerStates = new HashMap<>();
            for (Breaker breaker : reading.breakers()) {
                breakerStates.put(breaker.group(), breaker.state());
            }
            QueueSnapshot snapshot =
                    new QueueSnapshot(now, depthOf(reading.liveDepth()), reading.oldestDue(), paused, breakerStates);
            latest = snapshot;
            known.addAll(snapshot.depth().keySet());
            known.forEach(this::registerGroup);
            breakerStates.keySet().forEach(this::registerBreaker);
            if (failedSamples > 0) {
                int failed = failedSamples;
                LOG.info(() -> "sampling the queue for the metrics works again, after " + failed + " failed samples");
            }
            failedSamples = 0;
        } catch (RuntimeException e) {
            failedSamples++;
            if (failedSamples == 1) {
                LOG.log(
                        Level.WARNING,
                        "sampling the queue for the metrics failed; the gauges keep their last values (see"
                                + " tideflow_queue_sample_age_seconds) and the next sample tries again",
                        e);
            }
        }
    }

    /** Waiting and running counts now; the finished ones from their last sample, renewed when it is due. */
    private Map<String, Map<TaskState, Long>> depthOf(Map<String, Map<TaskState, Long>> live) {
        Map<String, Map<TaskState, Long>> depth = new TreeMap<>();
        finishedDepth.forEach((group, states) -> depth.computeIfAbsent(group, g -> new EnumMap<>(TaskState.class))
                .putAll(states));
        live.forEach((group, states) -> depth.computeIfAbsent(group, g -> new EnumMap<>(TaskState.class))
                .putAll(states));
        return depth;
    }

    private void registerGroup(String group) {
        if (!groupTags.hasOwnSeries(group)) {
            registerOtherGroups();
            return;
        }
        if (!registeredGroups.add(group)) {
            return;
        }
        for (TaskState state : TaskState.values()) {
            meters.gauge(
                    "tideflow.queue.depth",
                    "Tasks in the queue by group and state (sampled)",
                    MeterTags.of("group", group, "state", state.name()),
                    () -> latest.depthOf(group, state));
        }
        meters.gauge(
                "tideflow.queue.oldest.due.seconds",
                "How long the group's longest-waiting due task has waited" + " (sampled)",
                MeterTags.of("group", group),
                () -> latest.oldestDueAge(group).toMillis() / 1000.0);
        meters.gauge(
                "tideflow.group.paused",
                "1 while the group is paused (sampled)",
                MeterTags.of("group", group),
                () -> latest.paused().contains(group) ? 1 : 0);
    }

    /** The depth of the groups beyond the meters' group budget, summed under the group {@value GroupTagBudget#OTHER}. */
    private void registerOtherGroups() {
        if (!registeredGroups.add(GroupTagBudget.OTHER)) {
            return;
        }
        for (TaskState state : TaskState.values()) {
            meters.gauge(
                    "tideflow.queue.depth",
                    "Tasks in the queue by group and state (sampled)",
                    MeterTags.of("group", GroupTagBudget.OTHER, "state", state.name()),
                    () -> latest.depth().entrySet().stream()
                            .filter(entry -> !groupTags.admitted(entry.getKey()))
                            .mapToLong(entry -> entry.getValue().getOrDefault(state, 0L))
                            .sum());
        }
    }

    private void registerBreaker(String group) {
        if (!registeredBreakers.add(group)) {
            return;
        }
        for (BreakerState state : BreakerState.values()) {
            meters.gauge(
                    "tideflow.breaker.state",
                    "1 for the state the group's circuit breaker is in (sampled)",
                    MeterTags.of("group", group, "state", state.name()),
                    () -> latest.breakerIn(group, state) ? 1 : 0);
        }
    }
}
