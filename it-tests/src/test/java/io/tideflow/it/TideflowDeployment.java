package io.tideflow.it;

import io.tideflow.it.support.BuggyHandler;
import io.tideflow.it.support.ChunkWriteHandler;
import io.tideflow.it.support.CountOnceHandler;
import io.tideflow.it.support.EffectsResource;
import io.tideflow.it.support.EffectsTable;
import io.tideflow.it.support.EnqueueChildHandler;
import io.tideflow.it.support.EscalationRecorder;
import io.tideflow.it.support.FanInHandler;
import io.tideflow.it.support.FaultToleranceBreakerHandler;
import io.tideflow.it.support.FaultToleranceRetryHandler;
import io.tideflow.it.support.FaultToleranceTimeoutHandler;
import io.tideflow.it.support.GateResource;
import io.tideflow.it.support.Gates;
import io.tideflow.it.support.HangingHandler;
import io.tideflow.it.support.InProcessEnqueueResource;
import io.tideflow.it.support.InProcessEnqueuer;
import io.tideflow.it.support.LifecycleRecorder;
import io.tideflow.it.support.NoOpHandler;
import io.tideflow.it.support.NonTransactionalWriteHandler;
import io.tideflow.it.support.RejectingHandler;
import io.tideflow.it.support.RetryLaterHandler;
import io.tideflow.it.support.SlowWriteHandler;
import io.tideflow.it.support.WriteThenFailHandler;
import io.tideflow.it.support.WriteThenSucceedHandler;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR the build produced, plus the test-only handlers and the resource that reads their side effects. */
final class TideflowDeployment {

    /** Per-type settings of the test handlers, read by the engine like any application's configuration. */
    /** A group with a breaker, for the chunk launcher's waits after empty executions (BatchChunkIT). */
    static final String CHUNK_BREAKER_GROUP = "it-chunks-breaker";

    private static final String TEST_CONFIG = "tideflow.type.\"it.hang\".timeout=PT2S\n"
            + "tideflow.metrics.sample-interval=PT0.5S\n"
            + "tideflow.metrics.finished-sample-interval=PT0.5S\n"
            // NodeFiguresIT integrates the samples over time: the interval it assumes
            + "tideflow.history.sample-interval=" + NodeFiguresIT.SAMPLE_INTERVAL + "\n"
            + "tideflow.insights.interval=PT1S\n"
            // AlertsIT: a stuck group, and a webhook the test listens on
            + "tideflow.alerts.interval=PT0.5S\n"
            + "tideflow.alert.\"it-stuck\".kind=oldest-due\n"
            + "tideflow.alert.\"it-stuck\".group=it-alerts\n"
            + "tideflow.alert.\"it-stuck\".threshold=PT1S\n"
            + "tideflow.alerts.webhook.url=http://127.0.0.1:" + AlertsIT.WEBHOOK_PORT + "/alerts\n"
            + "tideflow.alerts.webhook.secret=" + AlertsIT.WEBHOOK_SECRET + "\n"
            + "tideflow.group.\"it-alert-breaker\".breaker.minimum-calls=4\n"
            + "tideflow.alert.\"it-breaker\".kind=breaker-open\n"
            + "tideflow.alert.\"it-breaker\".group=it-alert-breaker\n"
            + "tideflow.alert.\"it-breaker\".threshold=PT1S\n"
            + "tideflow.alert.\"it-errors\".kind=error-rate\n"
            + "tideflow.alert.\"it-errors\".group=it-alert-errors\n"
            + "tideflow.alert.\"it-errors\".threshold=0.5\n"
            + "tideflow.alert.\"it-errors\".min-count=2\n"
            + "tideflow.type.\"it.hang\".max-attempts=2\n"
            + "tideflow.type.\"it.hang\".retry.base-delay=PT0.1S\n"
            // the worked example of docs/resource-groups.md: a flaky mail relay behind a breaker
            + "tideflow.group.\"it-relay\".breaker.minimum-calls=4\n"
            + "tideflow.group.\"it-relay\".breaker.failure-ratio=0.5\n"
            + "tideflow.group.\"it-relay\".breaker.open-delay=PT3S\n"
            + "tideflow.group.\"it-relay\".breaker.probes=1\n"
            + "tideflow.group.\"" + CHUNK_BREAKER_GROUP + "\".breaker.minimum-calls=4\n"
            + "tideflow.type.\"it.ft-breaker\".retry.base-delay=PT0.2S\n"
            + "tideflow.type.\"it.buggy\".retry.base-delay=PT0.1S\n";

    private TideflowDeployment() {}

    static WebArchive withTestHandlers() {
        return withTestHandlers("tideflow.war", "");
    }

    /** The same WAR under another name, with more configuration lines after the test handlers' own. */
    static WebArchive withTestHandlers(String name, String extraConfig) {
        WebArchive shipped = shipped();
        return ShrinkWrap.create(WebArchive.class, name)
                .merge(shipped)
                .addClasses(
                        EffectsTable.class,
                        EffectsResource.class,
                        Gates.class,
                        GateResource.class,
                        WriteThenFailHandler.class,
                        WriteThenSucceedHandler.class,
                        SlowWriteHandler.class,
                        HangingHandler.class,
                        RejectingHandler.class,
                        NonTransactionalWriteHandler.class,
                        CountOnceHandler.class,
                        FanInHandler.class,
                        NoOpHandler.class,
                        FaultToleranceRetryHandler.class,
                        FaultToleranceBreakerHandler.class,
                        FaultToleranceTimeoutHandler.class,
                        RetryLaterHandler.class,
                        BuggyHandler.class,
                        ChunkWriteHandler.class,
                        EscalationRecorder.class,
                        EnqueueChildHandler.class,
                        LifecycleRecorder.class,
                        InProcessEnqueuer.class,
                        InProcessEnqueueResource.class)
                .addAsResource(
                        new StringAsset(shippedConfig(shipped) + TEST_CONFIG + extraConfig),
                        "META-INF/microprofile-config.properties");
    }

    /** Tideflow's WAR as the build made it. */
    static WebArchive shipped() {
        File war = new File(System.getProperty("tideflow.war", "target/server-lib/tideflow.war"));
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }

    /** The WAR's own configuration file, which the test deployment's replaces: its lines come first. */
    private static String shippedConfig(WebArchive war) {
        Node own = war.get("/WEB-INF/classes/META-INF/microprofile-config.properties");
        if (own == null) {
            return "";
        }
        try (InputStream in = own.getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
