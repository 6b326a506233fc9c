package io.tideflow.queue.dispatch;

import io.tideflow.queue.api.event.TaskCompleted;
import io.tideflow.queue.api.event.TaskLeaseLost;
import io.tideflow.queue.api.event.TaskStarted;
import io.tideflow.queue.api.worker.LeasedTask;
import io.tideflow.queue.background.RepeatingWork;
import io.tideflow.queue.config.EngineSettings;
import io.tideflow.queue.config.TypePolicies;
import io.tideflow.queue.events.LifecycleEvents;
import io.tideflow.queue.execution.AttemptRegistry;
import io.tideflow.queue.execution.AttemptResult;
import io.tideflow.queue.execution.CompletionBatcher;
import io.tideflow.queue.execution.RunningAttempt;
import io.tideflow.queue.execution.TaskExecution;
import io.tideflow.queue.failure.ErrorClassifier;
import io.tideflow.queue.failure.FailureRecorder;
import io.tideflow.queue.groups.GroupDirectory;
import io.tideflow.queue.groups.GroupTransactions;
import io.tideflow.queue.groups.breaker.BreakerOutcomes;
import io.tideflow.queue.handler.TaskHandlerRegistry;
import io.tideflow.queue.lease.LeaseReleaser;
import io.tideflow.queue.store.StoreDialect;
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
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server's shell around the {@link DispatchLoop}: runs it on the managed executor, at most
 * {@code tideflow.dispatcher.workers} attempts at once. It is woken right after an enqueue commits (here, or on
 * another node through {@link ClusterWakeUp}) and after every finished attempt; a background thread polls as the
 * fallback (retries coming due, lost notifications).
 */
@Singleton
@Startup
@DependsOn({
    "SchemaBootstrap",
    "GroupBootstrap",
    "LeaseRescuer",
    "LeaseKeeper",
    "LeaseReleaser",
    "CompletionTransactions"
})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TaskDispatcher {

    private static final Logger LOG = Logger.getLogger(TaskDispatcher.class.getName());

    @Resource
    ManagedThreadFactory threads;

    @Resource
    ManagedExecutorService executor;

    @Inject
    EngineSettings settings;

    @Inject
    DispatchSignal signal;

    @Inject
    TaskClaims claims;

    @Inject
    TaskExecution execution;

    @Inject
    FailureRecorder failures;

    @Inject
    LeaseReleaser releaser;

    @Inject
    CompletionBatcher completions;

    @Inject
    GroupDirectory directory;

    @Inject
    BreakerOutcomes breakerOutcomes;

    @Inject
    GroupTransactions groups;

    @Inject
    TaskHandlerRegistry registry;

    @Inject
    StoreDialect dialect;

    @Inject
    AttemptRegistry attempts;

    @Inject
    TypePolicies types;

    @Inject
    LifecycleEvents lifecycle;

    @Inject
    Clock clock;

    private static final Duration COMPLETIONS_AT_SHUTDOWN = Duration.ofSeconds(10);
    /** How long handlers asked to stop at shutdown get to do so before their tasks are released regardless. */
    static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private volatile DispatchLoop loop;
    private volatile GroupAwareClaimer claimer;
    private volatile Instant lastPoll;
    private RepeatingWork polls;
    private final AtomicBoolean stopping = new AtomicBoolean();

    @PostConstruct
    void start() {
        if (!settings.dispatcherEnabled()) {
            LOG.info(() -> "Tideflow dispatcher disabled on node '" + settings.nodeId()
                    + "' (tideflow.dispatcher.enabled=false): this node submits, other nodes run");
            return;
        }
        if (registry.types().size() > dialect.maxClaimTypes()) {
            throw new IllegalStateException(
                    "this node has handlers for " + registry.types().size()
                            + " task types, but a claim on this database filters by at most " + dialect.maxClaimTypes()
                            + "; enable fewer handlers on this node (@EnabledByConfig) or use"
                            + " PostgreSQL");
        }
        GroupAwareClaimer claimer = new GroupAwareClaimer(
                new GroupAwareClaimer.Claims() {
                    @Override
                    public List<LeasedTask> unrestricted(int limit) {
                        return claims.claimDue(limit);
                    }

                    @Override
                    public RestrictedGroupClaim.Result inGroup(String group, int wanted, int heldHere) {
                        return claims.claimDueInGroup(group, wanted, heldHere);
                    }

                    @Override
                    public List<LeasedTask> fromGroups(Map<String, Integer> wantedByGroup) {
                        return claims.claimDueFromGroups(wantedByGroup);
                    }

                    @Override
                    public Set<String> withDueTasks(List<String> groups) {
                        return claims.groupsWithDueTasks(groups);
                    }

                    @Override
                    public List<String> groupsDue() {
                        return claims.groupsDue();
                    }
                },
                directory::restricted,
                group -> loop.heldIn(group),
                directory::weightOf,
                clock);
        this.claimer = claimer;
        loop = new DispatchLoop(
                executor,
                settings.workers(),
                settings.claimAhead(),
                settings.leaseDuration(),
                clock,
                claimer,
                this::runAttempt,
                task -> releaser.release(task, "released unstarted (its lease ran low while it waited)"));
        polls = RepeatingWork.start(
                threads, "tideflow-dispatcher-poll", settings.pollInterval(), settings.pollInterval(), this::poll);
        signal.listen(loop::wake, claimer::enqueuedIn);
        LOG.info(() -> "Tideflow dispatcher started on node '" + settings.nodeId() + "' with " + settings.workers()
                + " workers, claiming up to " + settings.claimAhead() + " ahead, polling every "
                + settings.pollInterval() + ", task types " + registry.types());
        lastPoll = clock.instant();
        loop.wake();
    }

    /**
     * Graceful shutdown: claims nothing more and gives back the tasks claimed but not started, waits up to
     * {@code tideflow.shutdown.grace-period} for running attempts, then asks those still running to stop (a cancel
     * request and an interrupt) and waits up to {@link #STOP_WAIT} more; a handler that stops is not failed or
     * cancelled, its task is given back (PENDING, attempt not counted) so another node or the next start runs it at
     * once. Tasks whose handlers ignore the request are given back too; such an attempt that finishes later is refused
     * by its stale lease and rolled back.
     */
    /**
     * Stops dispatching and gives back what this node holds (see above). Called once the application is about to be
     * undeployed ({@link StopWorkBeforeUndeployment}), while the beans it calls are still there, and again, doing
     * nothing, as the singleton is destroyed.
     */
    @PreDestroy
    public void stop() {
        if (loop == null || !stopping.compareAndSet(false, true)) {
            return;
        }
        signal.stopListening();
        polls.stop();
        for (LeasedTask unstarted : loop.stop()) {
            giveBack(unstarted, "released at shutdown (not started)");
        }
        if (!loop.awaitIdle(settings.shutdownGracePeriod())) {
            // still running after the grace period: ask them to stop, and release what stops (runAttempt does);
            // what does not stop in time is released all the same, and may overlap with its next run elsewhere
            attempts.snapshot().forEach(RunningAttempt::stopForShutdown);
            loop.awaitIdle(STOP_WAIT);
        }
        if (!completions.awaitWritten(COMPLETIONS_AT_SHUTDOWN)) {
            LOG.warning("completions handed over were not all written at shutdown; those tasks run again");
        }
        for (RunningAttempt attempt : attempts.snapshot()) {
            giveBack(attempt.task(), "released at shutdown");
        }
    }

    private void giveBack(LeasedTask task, String reason) {
        try {
            boolean released = releaser.release(task, reason);
            LOG.info(() -> "task " + task.id() + " " + (released ? reason : "was already decided elsewhere"));
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "releasing task " + task.id() + " failed; its lease will expire and the task be rescued",
                    e);
        }
    }

    /** Claimed tasks waiting on this node for a free worker (0 before the dispatcher starts). */
    public int claimedAhead() {
        DispatchLoop current = loop;
        return current == null ? 0 : current.readyCount();
    }

    /** The dispatcher's vital signs, for the health checks; empty on a submit-only node. */
    public Optional<Vitals> vitals() {
        DispatchLoop current = loop;
        return current == null ? Optional.empty() : Optional.of(new Vitals(lastPoll, current.currentPass()));
    }

    /**
     * @param lastPoll    when the fallback poll last ran
     * @param currentPass how long the dispatch pass running now has been running (zero when none)
     */
    public record Vitals(Instant lastPoll, Duration currentPass) {}

    void poll() {
        lastPoll = clock.instant();
        try {
            claims.promoteDueRetries();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "promoting due retries failed; the next poll tries again", e);
        }
        try {
            directory.replace(groups.all());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "reading the resource groups failed; the next poll tries again", e);
        }
        if (loop != null) {
            try {
                claimer.lookForGroups();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "looking for groups with due tasks failed; the next poll tries again", e);
            }
            loop.wake();
        }
    }

    private void runAttempt(LeasedTask task) {
        Instant startedAt = clock.instant();
        long startedNanos = System.nanoTime();
        RunningAttempt attempt = new RunningAttempt(
                task, types.policyOf(task.type(), task.group()).timeout(), startedAt);
        lifecycle.publish(new TaskStarted(
                task.id(),
                task.type(),
                task.group(),
                task.attempt(),
                settings.nodeId(),
                Duration.between(task.dueAt(), startedAt),
                startedAt));
        attempt.runsOn(Thread.currentThread());
        attempts.add(attempt);
        boolean handedOver = false;
        try {
            AttemptResult result;
            try {
                result = execution.attempt(attempt);
            } catch (EJBException e) {
                result = AttemptResult.failed(e.getCause() == null ? e : e.getCause());
            }
            Duration execution = Duration.ofNanos(System.nanoTime() - startedNanos);
            switch (result.outcome()) {
                case FAILED -> {
                    breakerOutcomes.failed(task.group(), ErrorClassifier.classify(result.error()));
                    failures.record(task, result.error(), execution);
                }
                case CANCELLED -> failures.recordCancelled(task);
                case HANDED_OVER -> {
                    breakerOutcomes.succeeded(task.group());
                    completions.submit(attempt, result.completion());
                    handedOver = true;
                }
                case SUCCEEDED -> {
                    breakerOutcomes.succeeded(task.group());
                    lifecycle.publish(new TaskCompleted(
                            task.id(), task.type(), task.group(), task.attempt(), execution, clock.instant()));
                }
                case STOPPED_FOR_SHUTDOWN -> giveBack(task, "released at shutdown (its handler stopped)");
                case STALE_LEASE ->
                    lifecycle.publish(
                            new TaskLeaseLost(task.id(), task.type(), task.group(), task.attempt(), clock.instant()));
                default -> throw new IllegalStateException(result.outcome() + " is not handled; this indicates a bug");
            }
        } finally {
            if (!handedOver) {
                attempts.remove(attempt);
            }
        }
    }
}
