package io.tideflow.batch.chunk;

import io.tideflow.queue.api.worker.BatchShape;
import io.tideflow.queue.api.worker.TaskWorker;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts a {@code tideflow-chunks} execution for each batchable type and resource group with due tasks, at most one
 * per type and group on this node, and at most {@code tideflow.batch.max-executions} at a time (each holds a thread of
 * the server's batch pool while it runs). Several nodes may each run one for the same type and group: their readers
 * claim different tasks. A node that claims nothing ({@code tideflow.dispatcher.enabled=false}) starts none.
 */
@ApplicationScoped
public class ChunkJobLauncher {

    static final String JOB = "tideflow-chunks";
    private static final Logger LOG = Logger.getLogger(ChunkJobLauncher.class.getName());
    private static final long LOOK_EVERY_MILLIS = 250;

    @Inject
    TaskWorker worker;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "tideflow.dispatcher.enabled", defaultValue = "true")
    boolean claiming;

    @Inject
    @ConfigProperty(name = "tideflow.batch.max-executions", defaultValue = "4")
    int maxExecutions;

    private final Map<String, Long> running = new ConcurrentHashMap<>();
    private List<BatchShape> shapes = List.of();
    private ScheduledFuture<?> look;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (!claiming) {
            return;
        }
        shapes = worker.batchTypes();
        if (shapes.isEmpty()) {
            return;
        }
        LOG.info(() -> "Tideflow runs these task types in chunks (job " + JOB + "): " + shapes);
        look = scheduler.scheduleWithFixedDelay(
                this::launchWhereDue, LOOK_EVERY_MILLIS, LOOK_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    void launchWhereDue() {
        try {
            JobOperator jobs = BatchRuntime.getJobOperator();
            running.values().removeIf(execution -> !isActive(jobs, execution));
            for (BatchShape shape : shapes) {
                for (String group : worker.groupsWithDueTasks(shape.type())) {
                    String key = shape.type() + '\u0000' + group;
                    if (running.size() >= maxExecutions) {
                        return;
                    }
                    if (!running.containsKey(key)) {
                        running.put(key, jobs.start(JOB, parametersOf(shape, group)));
                    }
                }
            }
        } catch (RuntimeException e) {
            // the next look tries again; a database outage shows in the health checks, not here once a second
            LOG.log(Level.FINE, "starting chunk jobs failed", e);
        }
    }

    private static boolean isActive(JobOperator jobs, long execution) {
        BatchStatus status = jobs.getJobExecution(execution).getBatchStatus();
        return status == BatchStatus.STARTING || status == BatchStatus.STARTED || status == BatchStatus.STOPPING;
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
        if (look != null) {
            look.cancel(false);
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
