package io.tideflow.it;

import static io.tideflow.it.ApiClient.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/** Live metrics through the server's Micrometer registry, scraped as Prometheus does. */
@RunAsClient
class ObservabilityIT extends TestHandlersDeployment {

    private PrometheusText scrape() {
        return ItServer.scrape(deploymentUrl.getHost());
    }

    @Test
    void afterAKnownWorkloadTheCountersTimersAndGaugesCarryItsCounts() {
        ApiClient api = api();
        String group = "metrics-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(api.submit("{\"type\":\"demo.echo\",\"group\":\"" + group + "\",\"payload\":" + i + "}"));
        }
        // a bug in the handler: an unexpected (SYSTEM) failure, retried once, then dead-lettered
        for (int i = 0; i < 2; i++) {
            ids.add(api.submit("{\"type\":\"it.buggy\",\"group\":\"" + group + "\",\"maxAttempts\":2}"));
        }
        ids.subList(0, 5).forEach(id -> api.awaitState(id, "COMPLETED"));
        ids.subList(5, 7).forEach(id -> api.awaitState(id, "DEAD_LETTER"));

        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    PrometheusText metrics = scrape();
                    assertThat(metrics.sum("tideflow_tasks_enqueued_total", "group", group))
                            .isEqualTo(7);
                    assertThat(metrics.sum("tideflow_tasks_started_total", "group", group))
                            .isEqualTo(9);
                    assertThat(metrics.sum("tideflow_tasks_completed_total", "group", group, "type", "demo.echo"))
                            .isEqualTo(5);
                    assertThat(metrics.sum(
                                    "tideflow_tasks_failed_total",
                                    "group",
                                    group,
                                    "type",
                                    "it.buggy",
                                    "error_class",
                                    "SYSTEM"))
                            .isEqualTo(4);
                    assertThat(metrics.sum("tideflow_errors_unexpected_total", "group", group))
                            .isEqualTo(4);
                    assertThat(metrics.sum("tideflow_tasks_retried_total", "group", group))
                            .isEqualTo(2);
                    assertThat(metrics.sum("tideflow_tasks_dead_lettered_total", "group", group))
                            .isEqualTo(2);
                    assertThat(metrics.sum("tideflow_task_queue_wait_seconds_count", "group", group))
                            .isEqualTo(9);
                    assertThat(metrics.sum(
                                    "tideflow_task_execution_seconds_count", "group", group, "outcome", "completed"))
                            .isEqualTo(5);
                    assertThat(metrics.sum(
                                    "tideflow_task_execution_seconds_count", "group", group, "outcome", "failed"))
                            .isEqualTo(4);
                    assertThat(metrics.matching(
                                    "tideflow_task_execution_recent_seconds", "group", group, "type", "demo.echo"))
                            .extracting(sample -> sample.labels().get("percentile"))
                            .contains("p50", "p95", "p99");
                    assertThat(metrics.sum(
                                    "tideflow_task_queue_wait_recent_seconds", "group", group, "percentile", "p99"))
                            .isPositive();
                    assertThat(metrics.sum("tideflow_queue_depth", "group", group, "state", "COMPLETED"))
                            .isEqualTo(5);
                    assertThat(metrics.sum("tideflow_queue_depth", "group", group, "state", "DEAD_LETTER"))
                            .isEqualTo(2);
                    assertThat(metrics.sum("tideflow_queue_depth", "group", group, "state", "PENDING"))
                            .isZero();
                });
    }

    @Test
    void thePrometheusTextOfTheRunningServerPassesPromtool() throws Exception {
        api().awaitState(api().submit("{\"type\":\"demo.echo\",\"payload\":1}"), "COMPLETED");
        PrometheusText metrics = await().atMost(Duration.ofSeconds(20))
                .until(this::scrape, text -> text.sum("tideflow_queue_depth") > 0);
        // Payara's exporter adds a _mean gauge to every timer, without help text: the server's, not Tideflow's
        assertThat(Promtool.findingsOnTideflowMeters(metrics.text()))
                .as("promtool findings on Tideflow's meters")
                .allMatch(line -> ItServer.isPayara() && line.endsWith("_mean no help text"));
        assertThat(metrics.text())
                .contains(
                        "# HELP tideflow_tasks_completed_total Tasks completed",
                        "# HELP tideflow_database_reachable 1 when");
        assertThat(metrics.text())
                .contains(
                        "# TYPE tideflow_tasks_completed_total counter",
                        "# TYPE tideflow_task_execution_seconds summary",
                        "# TYPE tideflow_queue_depth gauge");
    }

    @Test
    void anApplicationsAsyncObserverSeesCommittedChangesAndNothingOfARolledBackOne() {
        ApiClient api = api();
        String echo = api.submit("{\"type\":\"demo.echo\",\"group\":\"observed-echo\",\"payload\":1}");
        api.awaitState(echo, "COMPLETED");
        for (String event : List.of("TaskEnqueued", "TaskStarted", "TaskCompleted")) {
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(100))
                    .until(
                            () -> api.get("it/effects/async-" + event + "-" + echo, VIEWER)
                                    .body(),
                            "1"::equals);
        }

        String committed = api.submit("{\"type\":\"it.enqueue-child\",\"payload\":{}}");
        String rolledBack = api.submit("{\"type\":\"it.enqueue-child\",\"payload\":{\"fail\":true},\"maxAttempts\":1}");
        api.awaitState(committed, "COMPLETED");
        api.awaitState(rolledBack, "DEAD_LETTER");
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> api.get("it/effects/async-enqueued-in-child-of-" + committed, VIEWER)
                                .body(),
                        "1"::equals);
        // the failed attempt's enqueue rolled back with it: its event must never arrive
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(
                        () -> api.get("it/effects/async-enqueued-in-child-of-" + rolledBack, VIEWER)
                                .body(),
                        "0"::equals);
        assertThat(api.get("tasks?group=child-of-" + rolledBack, VIEWER).json().getJsonArray("items"))
                .isEmpty();
    }
}
