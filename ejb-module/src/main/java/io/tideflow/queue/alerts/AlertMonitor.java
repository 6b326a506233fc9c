package io.tideflow.queue.alerts;

import io.tideflow.queue.api.BreakerState;
import io.tideflow.queue.api.admin.AlertNotifier;
import io.tideflow.queue.api.admin.AlertView;
import io.tideflow.queue.background.RepeatingWork;
import io.tideflow.queue.config.AlertRule;
import io.tideflow.queue.config.EngineSettings;
import io.tideflow.queue.config.ObservabilitySettings;
import io.tideflow.queue.metrics.QueueGauges;
import io.tideflow.queue.metrics.QueueSnapshot;
import io.tideflow.queue.store.reporting.AlertStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Evaluates the alert rules every {@code tideflow.alerts.interval} on one node (the evaluator): raises an alert when
 * its rule starts to hold for a group and clears it when it stops, each once across the cluster, and tells every
 * {@link AlertNotifier}.
 */
@Singleton
@Startup
@DependsOn({"SchemaBootstrap", "QueueGauges"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AlertMonitor {

    private static final Logger LOG = Logger.getLogger(AlertMonitor.class.getName());

    @Resource
    ManagedThreadFactory threads;

    @Resource
    ManagedExecutorService executor;

    @Inject
    ObservabilitySettings settings;

    @Inject
    EngineSettings engine;

    @Inject
    AlertTransactions alerts;

    @Inject
    AlertConditionReader reader;

    @Inject
    QueueGauges gauges;

    @Inject
    @Any
    Instance<AlertNotifier> notifiers;

    @Inject
    Clock clock;

    private RepeatingWork evaluations;
    /** Since when each group's breaker has been other than CLOSED, as this node has seen it. */
    private final Map<String, Instant> notClosedSince = new HashMap<>();

    private List<AlertEvaluator.Firing> anomalies = List.of();
    private Instant anomaliesReadAt;

    @PostConstruct
    void start() {
        if (settings.alertRules().isEmpty() && !anomaliesOn()) {
            return;
        }
        Duration every = settings.alertInterval();
        evaluations = RepeatingWork.start(threads, "tideflow-alerts", every, every, this::evaluate);
        LOG.info(() -> "Tideflow alert rules: " + settings.alertRules());
    }

    @PreDestroy
    void stop() {
        if (evaluations != null) {
            evaluations.stop();
        }
    }

    void evaluate() {
        try {
            Instant now = clock.instant();
            if (!reader.isEvaluator(engine.nodeId(), now)) {
                notClosedSince.clear();
                anomaliesReadAt = null;
                return;
            }
            LiveSample live = liveSample(gauges.latest(), now);
            List<AlertRule> rules = settings.alertRules();
            List<AlertEvaluator.Firing> firing =
                    new ArrayList<>(AlertEvaluator.firing(rules, rule -> reader.conditions(rule, now, live)));
            firing.addAll(anomalies(now));
            settle(firing, now);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "evaluating the alert rules failed; the next evaluation tries again", e);
        }
    }

    private boolean anomaliesOn() {
        return settings.anomaliesEnabled() && settings.historyEnabled();
    }

    /**
     * What the anomaly detector finds, read from the history every {@code tideflow.anomalies.interval} and the last
     * finding kept in between, so that its alerts stay raised between two readings.
     */
    private List<AlertEvaluator.Firing> anomalies(Instant now) {
        if (!anomaliesOn()) {
            return List.of();
        }
        if (anomaliesReadAt == null || !now.isBefore(anomaliesReadAt.plus(settings.anomaliesInterval()))) {
            anomalies = AnomalyDetector.detect(reader.anomalyInput(now, AnomalyDetector.Sensitivity.of(settings)));
            anomaliesReadAt = now;
        }
        return anomalies;
    }

    private LiveSample liveSample(QueueSnapshot snapshot, Instant now) {
        Set<String> groups = new TreeSet<>(snapshot.depth().keySet());
        groups.addAll(snapshot.paused());
        groups.addAll(snapshot.breakers().keySet());
        Map<String, Duration> oldestDue = new HashMap<>();
        groups.forEach(group -> oldestDue.put(group, snapshot.oldestDueAge(group)));
        Map<String, Duration> notClosed = new HashMap<>();
        notClosedSince.keySet().retainAll(snapshot.breakers().keySet());
        snapshot.breakers().forEach((group, state) -> {
            if (state == BreakerState.CLOSED) {
                notClosedSince.remove(group);
            } else {
                notClosed.put(group, Duration.between(notClosedSince.computeIfAbsent(group, g -> now), now));
            }
        });
        return new LiveSample(groups, oldestDue, notClosed);
    }

    private void settle(List<AlertEvaluator.Firing> firing, Instant now) {
        Map<String, AlertView> active = new HashMap<>();
        for (AlertView alert : alerts.active()) {
            active.put(AlertStore.activeKey(alert.rule(), alert.group()), alert);
        }
        Set<String> holding = new HashSet<>();
        for (AlertEvaluator.Firing fired : firing) {
            String key = AlertStore.activeKey(fired.rule().name(), fired.group());
            holding.add(key);
            if (active.containsKey(key)) {
                continue;
            }
            try {
                AlertView raised = alerts.raise(fired, now, engine.nodeId());
                LOG.warning(() ->
                        "Tideflow alert raised: " + raised.rule() + " (" + raised.group() + "): " + raised.message());
                tell(notifier -> notifier.raised(raised));
            } catch (EJBException e) {
                // raised by another node a moment ago: it tells the notifiers
                LOG.log(Level.FINE, "alert " + key + " was raised elsewhere", e);
            }
        }
        active.forEach((key, alert) -> {
            if (!holding.contains(key)) {
                alerts.clear(alert, now).ifPresent(cleared -> {
                    LOG.info(() -> "Tideflow alert cleared: " + cleared.rule() + " (" + cleared.group() + ")");
                    tell(notifier -> notifier.cleared(cleared));
                });
            }
        });
    }

    private void tell(Consumer<AlertNotifier> call) {
        for (AlertNotifier notifier : notifiers) {
            executor.execute(() -> {
                try {
                    call.accept(notifier);
                } catch (RuntimeException e) {
                    LOG.log(
                            Level.WARNING,
                            "alert notifier " + notifier.getClass().getName() + " failed",
                            e);
                }
            });
        }
    }
}
