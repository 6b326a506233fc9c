package io.tideflow.queue.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * Configuration of events, metrics and metric history, read once and validated at deployment. Every key and its
 * default is listed in docs/configuration.md.
 *
 * @param eventQueueCapacity events waiting for delivery before new ones are dropped
 * @param metricsLibrary     auto, micrometer, microprofile or none
 * @param sampleInterval     how often the queue gauges are sampled (waiting and running tasks)
 * @param finishedSampleInterval how often the counts of finished tasks (most of the table) are sampled
 * @param historyEnabled     whether this node writes metric history
 * @param historyFlush       how often this node writes the minutes that changed, the open one included (and rolls
 *                           up, and deletes old rows): what a killed node loses at most
 * @param minuteRetention    how long per-minute rows are kept
 * @param hourRetention      how long per-hour rows are kept
 * @param alertRules         the configured alert rules
 * @param alertInterval      how often the rules are evaluated
 * @param webhookUrl         where the webhook notifier posts alerts, or null for none
 * @param webhookSecret      the key the webhook notifier signs its posts with (HMAC-SHA256), or null for none
 * @param maxConcurrentReports report queries (queue depth, task report, metric history) this node runs at once
 * @param nodeSampleInterval how often this node samples its resources and its groups' use of their limits
 * @param insightsInterval   how often the performance analyzer runs (on one node)
 * @param insightsWindow     the recent range the analyzer compares with each type's baseline
 * @param anomaliesEnabled   whether the anomaly detector raises alerts (latency and error spikes, growing backlogs,
 *                           silent nodes)
 * @param anomaliesInterval  how often the anomaly detector reads the history (on the node that evaluates the rules)
 * @param anomaliesSilentAfter how long a registered node may write no figures before it is reported silent
 * @param anomaliesFactor    how many times its hour-before median a latency or error rate must be to be a spike
 * @param anomaliesBacklogMinutes through how many whole minutes a group's backlog must grow to be reported
 */
public record ObservabilitySettings(
        int eventQueueCapacity,
        String metricsLibrary,
        Duration sampleInterval,
        Duration finishedSampleInterval,
        boolean historyEnabled,
        Duration historyFlush,
        Duration minuteRetention,
        Duration hourRetention,
        List<AlertRule> alertRules,
        Duration alertInterval,
        URI webhookUrl,
        String webhookSecret,
        int maxConcurrentExports,
        int maxMeteredGroups,
        int maxConcurrentReports,
        Duration nodeSampleInterval,
        Duration insightsInterval,
        Duration insightsWindow,
        boolean anomaliesEnabled,
        Duration anomaliesInterval,
        Duration anomaliesSilentAfter,
        double anomaliesFactor,
        int anomaliesBacklogMinutes) {

    public static ObservabilitySettings defaults() {
        // enough for a full bulk enqueue (10,000) several times over; an entry is one small record
        return new ObservabilitySettings(
                100_000,
                "auto",
                Duration.ofSeconds(15),
                Duration.ofMinutes(5),
                true,
                // what a killed node loses of its metric history at most
                Duration.ofSeconds(5),
                Duration.ofHours(24),
                Duration.ofDays(30),
                List.of(),
                Duration.ofSeconds(30),
                null,
                null,
                4,
                200,
                8,
                Duration.ofSeconds(5),
                Duration.ofMinutes(5),
                Duration.ofMinutes(15),
                true,
                Duration.ofMinutes(1),
                Duration.ofMinutes(3),
                3,
                10);
    }

    /** Reads every key, falling back to {@link #defaults()}; throws {@link InvalidSettingException} on a bad value. */
    public static ObservabilitySettings from(Config config) {
        ObservabilitySettings d = defaults();
        SettingReader r = new SettingReader(config);
        String library = r.raw("tideflow.metrics.library").orElse(d.metricsLibrary());
        if (!library.matches("auto|micrometer|microprofile|none")) {
            throw new InvalidSettingException(
                    "tideflow.metrics.library", library, "must be auto, micrometer, microprofile or none");
        }
        return new ObservabilitySettings(
                r.integer("tideflow.events.queue-capacity", d.eventQueueCapacity(), 1_000, 10_000_000),
                library,
                r.duration(
                        "tideflow.metrics.sample-interval",
                        d.sampleInterval(),
                        Duration.ofMillis(100),
                        Duration.ofHours(1)),
                r.duration(
                        "tideflow.metrics.finished-sample-interval",
                        d.finishedSampleInterval(),
                        Duration.ofMillis(100),
                        Duration.ofDays(1)),
                r.bool("tideflow.history.enabled", d.historyEnabled()),
                r.duration(
                        "tideflow.history.flush-interval",
                        d.historyFlush(),
                        Duration.ofMillis(100),
                        Duration.ofMinutes(10)),
                r.duration(
                        "tideflow.history.minute-retention",
                        d.minuteRetention(),
                        Duration.ofHours(2),
                        Duration.ofDays(31)),
                r.duration(
                        "tideflow.history.hour-retention",
                        d.hourRetention(),
                        Duration.ofDays(1),
                        Duration.ofDays(3650)),
                AlertRules.from(config),
                r.duration("tideflow.alerts.interval", d.alertInterval(), Duration.ofMillis(100), Duration.ofHours(1)),
                webhookOf(r),
                r.raw("tideflow.alerts.webhook.secret")
                        .filter(secret -> !secret.isEmpty())
                        .orElse(null),
                r.integer("tideflow.export.max-concurrent", d.maxConcurrentExports(), 1, 100),
                r.integer("tideflow.metrics.max-groups", d.maxMeteredGroups(), 1, 100_000),
                r.integer("tideflow.reports.max-concurrent", d.maxConcurrentReports(), 1, 1_000),
                r.duration(
                        "tideflow.history.sample-interval",
                        d.nodeSampleInterval(),
                        Duration.ofMillis(100),
                        Duration.ofMinutes(10)),
                r.duration(
                        "tideflow.insights.interval",
                        d.insightsInterval(),
                        Duration.ofMillis(100),
                        Duration.ofHours(24)),
                r.duration("tideflow.insights.window", d.insightsWindow(), Duration.ofMinutes(1), Duration.ofHours(24)),
                r.bool("tideflow.anomalies.enabled", d.anomaliesEnabled()),
                r.duration(
                        "tideflow.anomalies.interval",
                        d.anomaliesInterval(),
                        Duration.ofMillis(100),
                        Duration.ofHours(1)),
                r.duration(
                        "tideflow.anomalies.silent-after",
                        d.anomaliesSilentAfter(),
                        Duration.ofSeconds(1),
                        Duration.ofHours(1)),
                r.decimal("tideflow.anomalies.factor", d.anomaliesFactor(), 1.5, 100),
                // the detector reads the last hour of minutes: the growth must fit in it
                r.integer("tideflow.anomalies.backlog-minutes", d.anomaliesBacklogMinutes(), 3, 55));
    }

    private static URI webhookOf(SettingReader reader) {
        String key = "tideflow.alerts.webhook.url";
        return reader.raw(key)
                .filter(text -> !text.isEmpty())
                .map(text -> {
                    try {
                        URI uri = new URI(text);
                        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
                                || uri.getHost() == null) {
                            throw new InvalidSettingException(key, text, "must be an http or https URL");
                        }
                        return uri;
                    } catch (URISyntaxException e) {
                        throw new InvalidSettingException(key, text, "must be an http or https URL");
                    }
                })
                .orElse(null);
    }

    /**
     * How late an event may reach the history and still count in its own minute (it is delivered after its commit);
     * later ones count in the oldest minute still open.
     */
    public Duration lateEventAllowance() {
        return historyFlush.multipliedBy(2);
    }

    /**
     * How long after an hour ends it is rolled up: every node has written that hour's last minute for good by then
     * (the late events' allowance, then the next flush).
     */
    public Duration rollupGrace() {
        return lateEventAllowance().plus(historyFlush).plusMinutes(1);
    }
}
