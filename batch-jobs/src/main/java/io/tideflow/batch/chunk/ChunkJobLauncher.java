package io.tideflow.batch.chunk;

import io.tideflow.batch.executions.BatchExecutions;
import io.tideflow.batch.module.ModuleLooks;
import io.tideflow.queue.api.admin.BatchRecords;
import io.tideflow.queue.api.worker.BatchShape;
import io.tideflow.queue.api.worker.TaskWorker;
import io.tideflow.queue.background.RepeatingWork;
import jakarta.annotation.PreDestroy;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts a {@code tideflow-chunks} execution for each batchable type and resource group with due tasks, at most
 * {@code tideflow.batch.executions-per-group} (default 1) per type and group on this node, and at most
 * {@code tideflow.batch.max-executions} at a time (each holds a thread of the server's batch pool while it runs). Several nodes may each run one for the same type and group: their readers
 * claim different tasks. A node that claims nothing ({@code tideflow.dispatcher.enabled=false}) starts none.
 */
@ApplicationScoped
public class ChunkJobLauncher {

    static final String JOB = "tideflow-chunks";
    private static final Logger LOG = Logger.getLogger(ChunkJobLauncher.class.getName());
    private static final long LOOK_EVERY_MILLIS = 250;
    private static final long FIRST_FAILURE_WAIT_MILLIS = 2_000;
    private static final long MAX_FAILURE_WAIT_MILLIS = 30_000;
    private static final long LEFT_RUNNING_EVERY_MILLIS = 30_000;
    private static final long QUIET_LOOK_MILLIS = 1_000;
    private static final long BUSY_LOOK_MAX_MILLIS = 2_000;
    private static final long FIRST_EMPTY_WAIT_MILLIS = 1_000;
    private static final long MAX_EMPTY_WAIT_MILLIS = 16_000;

    @Inject
    TaskWorker worker;

    @Inject
    BatchRecords records;

    @Inject
    @ConfigProperty(name = "tideflow.dispatcher.enabled", defaultValue = "true")
    boolean claiming;

    @Inject
    @ConfigProperty(name = "tideflow.batch.max-executions", defaultValue = "4")
    int maxExecutions;

    @Inject
    @ConfigProperty(name = "tideflow.batch.executions-per-group", defaultValue = "1")
    int executionsPerGroup;

    private ExecutionLimits limits;
    private final Map<String, Long> running = new ConcurrentHashMap<>();
    private volatile List<BatchShape> shapes;
    private RepeatingWork look;
    private String lastFailure;
    private volatile boolean stopping;
    private final Instant startedAt = Instant.now();
    private Boolean repositoryHere;
    private long nextLeftRunningLook;
    private final LookCadence cadence = new LookCadence(LOOK_EVERY_MILLIS, QUIET_LOOK_MILLIS, BUSY_LOOK_MAX_MILLIS);
    private final ExecutionBackoff emptyExecutions =
            new ExecutionBackoff(FIRST_EMPTY_WAIT_MILLIS, MAX_EMPTY_WAIT_MILLIS);
    private final ExecutionBackoff failedExecutions =
            new ExecutionBackoff(FIRST_FAILURE_WAIT_MILLIS, MAX_FAILURE_WAIT_MILLIS);

    /** Starts the looks; called once by {@link io.tideflow.batch.module.BatchModuleStart}. */
    public synchronized void start() {
        limits = new ExecutionLimits(maxExecutions, executionsPerGroup);
        if (claiming && look == null) {
            // the batchable types are read at the first look: Payara's EJB container is still starting here
            look = ModuleLooks.every("tideflow-chunk-job-launcher", LOOK_EVERY_MILLIS, this::launchWhereDue);
        }
    }

    void launchWhereDue() {
        try {
            if (shapes == null) {
                shapes = worker.batchTypes();
                LOG.info(() -> shapes.isEmpty()
                        ? "Tideflow has no task types that run in chunks"
                        : "Tideflow runs these task types in chunks (job " + JOB + "): " + shapes);
            }
            if (shapes.isEmpty()) {
                look.stop();
                return;
            }
            failExecutionsLeftRunning();
            JobOperator jobs = BatchRuntime.getJobOperator();
            int before = running.size();
            forgetEnded(jobs);
            long now = System.currentTimeMillis();
            if (running.size() < before) {
                cadence.executionEnded();
            }
            if (running.size() >= limits.max() || !cadence.lookDue(now)) {
                return;
            }
            int startedBefore = running.size();
            boolean due = false;
            for (BatchShape shape : shapes) {
                Set<String> groups = worker.groupsWithDueTasks(shape.type());
                due |= !groups.isEmpty();
                for (String group : groups) {
                    String typeAndGroup = shape.type() + '\u0000' + group;
                    if (failedExecutions.waiting(typeAndGroup, now) || emptyExecutions.waiting(typeAndGroup, now)) {
                        continue;
                    }
                    // several executions of one type and group claim different tasks, so that one chunk's commit
                    // overlaps the next one's claim and handler call
                    for (int slot = 0; slot < limits.perGroup(); slot++) {
                        String key = typeAndGroup + '\u0000' + slot;
                        if (running.size() >= limits.max()) {
                            return;
                        }
                        if (!running.containsKey(key)) {
                            long execution = jobs.start(JOB, parametersOf(shape, group));
                            running.put(key, execution);
                            records.started(execution, JOB, shape.type(), group, null);
                        }
                    }
                }
            }
            cadence.looked(now, due, running.size() > startedBefore, !running.isEmpty());
        } catch (RuntimeException e) {
            // the next look tries again; said once per kind of failure, not four times a second
            String failure = e.getClass().getName() + ": " + e.getMessage();
            if (!stopping && !failure.equals(lastFailure)) {
                lastFailure = failure;
                LOG.log(
                        Level.WARNING,
                        "starting chunk jobs failed; trying again every " + LOOK_EVERY_MILLIS + " ms",
                        e);
            }
        }
    }

    /**
     * Marks failed, at the first look and every 30 s after, the executions the job repository says are running that no
     * node runs (this node's from before it started, and those of nodes that stopped beating), so that an operator can
     * restart them; their tasks come back through lease expiry. Only where the repository is in Tideflow's database.
     */
    private void failExecutionsLeftRunning() {
        long now = System.currentTimeMillis();
        if (now < nextLeftRunningLook) {
            return;
        }
        nextLeftRunningLook = now + LEFT_RUNNING_EVERY_MILLIS;
        if (repositoryHere == null) {
            repositoryHere = records.jobRepositoryHere();
            if (!repositoryHere) {
                LOG.info("the batch runtime's job repository is not in Tideflow's database: an execution a crash"
                        + " leaves STARTED stays so there (docs/batch.md)");
            }
        }
        if (repositoryHere) {
            List<Long> failed = records.failExecutionsLeftRunning(startedAt);
            if (!failed.isEmpty()) {
                LOG.warning(() -> "batch executions " + failed + " were left running by a node that stopped; marked"
                        + " FAILED, they can be restarted (POST /tideflow/api/batches/{id}/restart)");
            }
        }
    }

    /**
     * Drops the executions that ended. One that failed (the runtime could not run the step at all, or a chunk failed
     * for a reason other than its tasks) makes the next one for its type and group wait, from
     * {@link #FIRST_FAILURE_WAIT_MILLIS} doubling per failure in a row up to {@link #MAX_FAILURE_WAIT_MILLIS}: its tasks
     * wait, rescued by the lease if it held any, and the server log says why. One that completed without reading a
     * task (its group's breaker open, its limits used up) makes the next one wait too ({@link ExecutionBackoff}).
     */
    private void forgetEnded(JobOperator jobs) {
        running.entrySet().removeIf(entry -> {
            BatchStatus status = jobs.getJobExecution(entry.getValue()).getBatchStatus();
            String typeAndGroup = entry.getKey().substring(0, entry.getKey().lastIndexOf('\u0000'));
            long now = System.currentTimeMillis();
            if (status == BatchStatus.COMPLETED) {
                failedExecutions.reset(typeAndGroup);
                if (tasksRead(jobs, entry.getValue()) > 0) {
                    emptyExecutions.reset(typeAndGroup);
                } else {
                    emptyExecutions.another(typeAndGroup, now);
                }
            }
            if (status == BatchStatus.FAILED) {
                long wait = failedExecutions.another(typeAndGroup, now);
                LOG.warning(() -> "chunk job execution " + entry.getValue() + " ("
                        + typeAndGroup.replace('\u0000', '/') + ") failed; the next one starts in " + wait / 1000
                        + " s");
            }
            return !BatchExecutions.isRunning(status);
        });
    }

    private static long tasksRead(JobOperator jobs, long execution) {
        long read = 0;
        for (StepExecution step : jobs.getStepExecutions(execution)) {
            for (Metric metric : step.getMetrics()) {
                if (metric.getType() == Metric.MetricType.READ_COUNT) {
                    read += metric.getValue();
                }
            }
        }
        return read;
    }

    private static boolean isActive(JobOperator jobs, long execution) {
        return BatchExecutions.isRunning(jobs.getJobExecution(execution).getBatchStatus());
    }

    private static Properties parametersOf(BatchShape shape, String group) {
        Properties parameters = new Properties();
        parameters.setProperty("type", shape.type());
        parameters.setProperty("group", group);
        parameters.setProperty("size", Integer.toString(shape.size()));
        parameters.setProperty("maxWaitMillis", Long.toString(shape.maxWait().toMillis()));
        return parameters;
    }

    @PreDestroy
    void stop() {
        stopping = true;
        if (look != null) {
            look.stop();
        }
        JobOperator jobs = BatchRuntime.getJobOperator();
        for (long execution : running.values()) {
            try {
                if (isActive(jobs, execution)) {
                    // stops at the next chunk boundary; the reader then gives back what it holds
                    jobs.stop(execution);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "stopping chunk job execution " + execution + " failed", e);
            }
        }
    }
}
