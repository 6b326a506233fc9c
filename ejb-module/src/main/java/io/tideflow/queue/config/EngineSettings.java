package io.tideflow.queue.config;

import io.tideflow.queue.model.RetryPolicy;
import io.tideflow.queue.model.TaskTypePolicy;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * The engine's configuration, read once from MicroProfile Config and validated, so that a bad value fails the
 * deployment with a message that names the key. Every key and its default is listed in docs/configuration.md.
 *
 * @param heartbeatInterval   how often running attempts extend their leases
 * @param rescueInterval      how often this node looks for expired leases
 * @param shutdownGracePeriod how long an undeploy waits for running attempts before it releases their tasks
 * @param taskDefaults        the policy of every type that configures none of its own
 * @param dispatcherEnabled   false for a node that only submits (it claims and runs nothing)
 * @param claimAhead          the most claimed tasks kept waiting for a worker, when tasks are short
 */
public record EngineSettings(
        String nodeId,
        boolean dispatcherEnabled,
        int workers,
        int claimAhead,
        Duration pollInterval,
        Duration leaseDuration,
        Duration heartbeatInterval,
        Duration rescueInterval,
        Duration shutdownGracePeriod,
        int payloadMaxBytes,
        TaskTypePolicy taskDefaults,
        boolean demoEnabled) {

    public static final String DEFAULT_GROUP = "default";

    private static final TaskTypePolicy DEFAULT_POLICY = new TaskTypePolicy(
            5, 5, new RetryPolicy(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(5)), Duration.ofMinutes(5));

    /** The defaults, for tests and for servers with no configuration at all. */
    public static EngineSettings defaults() {
        return new EngineSettings(
                "local",
                true,
                8,
                64,
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                Duration.ofSeconds(10),
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                256 * 1024,
                DEFAULT_POLICY,
                false);
    }

    /** Reads every key, falling back to {@link #defaults()}; throws {@link InvalidSettingException} on a bad value. */
    public static EngineSettings from(Config config) {
        EngineSettings d = defaults();
        SettingReader r = new SettingReader(config);
        Duration lease =
                r.duration("tideflow.lease.duration", d.leaseDuration(), Duration.ofSeconds(1), Duration.ofHours(24));
        Duration heartbeat = r.duration(
                "tideflow.lease.heartbeat-interval", lease.dividedBy(3), Duration.ofMillis(100), lease.minusMillis(1));
        return new EngineSettings(
                r.text("tideflow.node.id", defaultNodeId()),
                r.bool("tideflow.dispatcher.enabled", d.dispatcherEnabled()),
                r.integer("tideflow.dispatcher.workers", d.workers(), 1, 256),
                r.integer("tideflow.dispatcher.claim-ahead", d.claimAhead(), 0, 1_000),
                r.duration(
                        "tideflow.dispatcher.poll-interval",
                        d.pollInterval(),
                        Duration.ofMillis(50),
                        Duration.ofMinutes(10)),
                lease,
                heartbeat,
                r.duration(
                        "tideflow.lease.rescue-interval",
                        d.rescueInterval(),
                        Duration.ofMillis(100),
                        Duration.ofHours(1)),
                r.duration(
                        "tideflow.shutdown.grace-period",
                        d.shutdownGracePeriod(),
                        Duration.ZERO,
                        Duration.ofMinutes(10)),
                r.integer("tideflow.payload.max-bytes", d.payloadMaxBytes(), 1, 64 * 1024 * 1024),
                PolicySettings.typePolicy(r, "tideflow.task", "tideflow.retry", DEFAULT_POLICY),
                r.bool("tideflow.demo.enabled", d.demoEnabled()));
    }

    public EngineSettings withNodeId(String node) {
        return new EngineSettings(
                node,
                dispatcherEnabled,
                workers,
                claimAhead,
                pollInterval,
                leaseDuration,
                heartbeatInterval,
                rescueInterval,
                shutdownGracePeriod,
                payloadMaxBytes,
                taskDefaults,
                demoEnabled);
    }

    public EngineSettings withPayloadMaxBytes(int bytes) {
        return new EngineSettings(
                nodeId,
                dispatcherEnabled,
                workers,
                claimAhead,
                pollInterval,
                leaseDuration,
                heartbeatInterval,
                rescueInterval,
                shutdownGracePeriod,
                bytes,
                taskDefaults,
                demoEnabled);
    }

    private static String defaultNodeId() {
        String name = System.getProperty("jboss.node.name");
        if (name == null || name.isBlank()) {
            name = System.getProperty("com.sun.aas.instanceName");
        }
        return name == null || name.isBlank()
                ? "node-" + ProcessHandle.current().pid()
                : name;
    }
}
