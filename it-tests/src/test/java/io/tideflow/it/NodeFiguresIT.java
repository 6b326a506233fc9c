package io.tideflow.it;

import static io.tideflow.it.ApiClient.OPERATOR;
import static io.tideflow.it.ApiClient.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.awaitility.core.ConditionTimeoutException;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * A node's resources and a group's use of its limits, sampled into the metric history and the meters, checked
 * against a load whose figures are known: sleeping tasks in a group that runs two at a time.
 */
@RunAsClient
class NodeFiguresIT extends TestHandlersDeployment {

    static final Duration SAMPLE_INTERVAL = Duration.ofMillis(250);

    private static final int TASKS = 12;
    private static final int TASK_MS = 1_000;
    private static final int AT_ONCE = 2;

    @Test
    void aGroupAtItsLimitShowsItsRunningTasksUseAndTimeAtTheLimitAsTheLoadHadThem() {
        ApiClient api = api();
        String group = "busy-" + UUID.randomUUID().toString().substring(0, 8);
        Instant from = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        ApiClient.Response limited =
                api.put("groups/" + group + "/limits", OPERATOR, "{\"maxConcurrent\":" + AT_ONCE + "}");
        assertThat(limited.status()).as(limited.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            ids.add(api.submit(
                    "{\"type\":\"demo.sleep\",\"group\":\"" + group + "\",\"payload\":{\"ms\":" + TASK_MS + "}}"));
        }
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    PrometheusText metrics = ItServer.scrape(deploymentUrl.getHost());
                    assertThat(metrics.sum("tideflow_group_limit_use_ratio", "group", group, "limit", "node"))
                            .isEqualTo(1);
                    assertThat(metrics.sum("tideflow_group_at_limit", "group", group))
                            .isEqualTo(1);
                    assertThat(metrics.sum("tideflow_node_workers_busy")).isGreaterThanOrEqualTo(AT_ONCE);
                });
        ids.forEach(id -> api.awaitState(id, "COMPLETED"));
        double spanSeconds = spanOf(api, ids).toMillis() / 1000.0;

        JsonObject utilization = api.get(
                        "metrics/summary?group=" + group + "&from=" + from + "&to=" + from.plus(Duration.ofHours(1)),
                        VIEWER)
                .json()
                .getJsonArray("groups")
                .getJsonObject(0)
                .getJsonObject("utilization");
        // a sample's value held for one interval: their sum is the figure integrated over time
        double taskSeconds = integral(utilization.getJsonObject("group.running"));
        double percentSecondsInUse = integral(utilization.getJsonObject("group.use.node"));
        double percentSecondsAtLimit = integral(utilization.getJsonObject("group.at_limit"));
        double expectedTaskSeconds = TASKS * TASK_MS / 1000.0;
        System.out.printf(
                "NodeFiguresIT: %.1f task-seconds sampled (%.1f ran, over %.1f s), %.0f %%-s in use, %.0f %%-s at the"
                        + " limit%n",
                taskSeconds, expectedTaskSeconds, spanSeconds, percentSecondsInUse, percentSecondsAtLimit);
        assertThat(taskSeconds).isCloseTo(expectedTaskSeconds, within(expectedTaskSeconds * 0.2));
        // the limit held at every sample, so each sample's use is half its running tasks
        assertThat(utilization
                        .getJsonObject("group.running")
                        .getJsonNumber("max")
                        .doubleValue())
                .isEqualTo(AT_ONCE);
        assertThat(percentSecondsInUse).isCloseTo(100 * taskSeconds / AT_ONCE, within(1.0));
        // a sample with tasks running but fewer than two is one of the span's samples: the time at the limit is at
        // least the task-seconds beyond one task over the whole span (6 s of 6 s when each task starts as the one
        // before it ends; less when the dispatcher is slow to start the next), and at most half the task-seconds
        assertThat(percentSecondsAtLimit)
                .isBetween(100 * (taskSeconds - spanSeconds) - 50, 100 * taskSeconds / AT_ONCE + 1.0);
        assertThat(utilization
                        .getJsonObject("group.use.node")
                        .getJsonNumber("max")
                        .doubleValue())
                .isEqualTo(100);
        // the node's busy workers ran these tasks and whatever else ran in those minutes: at least the tasks' time
        JsonObject node = api.get("metrics/summary?from=" + from + "&to=" + from.plus(Duration.ofHours(1)), VIEWER)
                .json()
                .getJsonArray("nodes")
                .getJsonObject(0)
                .getJsonObject("figures");
        double workerSeconds = integral(node.getJsonObject("node.workers.busy"));
        System.out.printf("NodeFiguresIT: %.1f worker-seconds sampled on the node%n", workerSeconds);
        assertThat(workerSeconds).isGreaterThanOrEqualTo(expectedTaskSeconds * 0.8);
        assertThat(node.getJsonObject("node.workers.busy").getJsonNumber("max").doubleValue())
                .isGreaterThanOrEqualTo(AT_ONCE);
    }

    @Test
    void theNodesResourcesAreInTheHistoryAndTheServersPoolStatisticsWhereItHasThem() {
        Instant from = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        JsonObject node = await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> api().get(
                                        "metrics/summary?from=" + from + "&to=" + from.plus(Duration.ofHours(1)),
                                        VIEWER)
                                .json()
                                .getJsonArray("nodes"),
                        nodes -> !nodes.isEmpty())
                .getJsonObject(0)
                .getJsonObject("figures");

        assertThat(mean(node, "node.heap.used")).isPositive();
        assertThat(mean(node, "node.heap.max")).isGreaterThanOrEqualTo(mean(node, "node.heap.used"));
        assertThat(mean(node, "node.nonheap.used")).isPositive();
        assertThat(mean(node, "node.threads")).isGreaterThan(10);
        assertThat(mean(node, "node.disk.free")).isPositive();
        assertThat(mean(node, "node.cpu.process")).isBetween(0.0, 100.0);
        assertThat(mean(node, "node.workers")).isEqualTo(8);
        assertThat(mean(node, "node.workers.use")).isBetween(0.0, 100.0);
        assertThat(node.keySet()).contains("node.gc.time", "node.claim_ahead", "node.events.backlog");
        // the server scripts switch the pool's statistics on: WildFly's datasource statistics, Payara's AMX monitoring
        // (the derby pool's maximum there is Payara's default, 32)
        assertThat(mean(node, "node.pool.max")).isEqualTo(ItServer.isPayara() ? 32 : 30);
        assertThat(node.getJsonObject("node.pool.in_use").getJsonNumber("max").doubleValue())
                .isGreaterThanOrEqualTo(1);
        assertThat(node.keySet()).contains("node.pool.use", "node.pool.waiting");
        JsonValue series = api().get(
                        "metrics/series?metric=node.heap.used&from=" + from + "&to=" + from.plus(Duration.ofHours(1)),
                        VIEWER)
                .json();
        assertThat(series.asJsonObject().getJsonArray("points")).isNotEmpty();
    }

    @Test
    void theAnalyzerFindsAGroupThatSpendsItsTimeAtItsLimitAndTheDashboardShowsIt() {
        ApiClient api = api();
        String group = "saturated-" + UUID.randomUUID().toString().substring(0, 8);
        Instant from = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        try (ConsoleBrowser browser = new ConsoleBrowser(URI.create(deploymentUrl.toString()))) {
            browser.logIn("demo-viewer", "demo-viewer-pw");
            assertThat(api.put("groups/" + group + "/limits", OPERATOR, "{\"maxConcurrent\":1}")
                            .status())
                    .isEqualTo(200);
            // one at a time for about 50 s: the group stays at its limit while the test looks (tasks of 2 s, so the
            // moment between one task's end and the next one's start is a small share of the samples: a loaded
            // machine's third of a second between 1-s tasks left the group at its limit for only 75 % of them); one
            // request, so that few samples see the limit set and nothing submitted yet
            String task = "{\"type\":\"demo.sleep\",\"group\":\"" + group + "\",\"payload\":{\"ms\":2000}}";
            ApiClient.Response submitted = api.post(
                    "tasks/batch", OPERATOR, "{\"tasks\":[" + String.join(",", Collections.nCopies(25, task)) + "]}");
            assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);

            JsonObject found;
            try {
                found = await().atMost(Duration.ofSeconds(40))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> saturationOf(api, group), java.util.Optional::isPresent)
                        .orElseThrow();
            } catch (ConditionTimeoutException e) {
                throw new AssertionError(
                        "no GROUP_SATURATED insight for " + group + " in 40 s; "
                                + whatTheAnalyzerRead(api, group, from),
                        e);
            }
            assertThat(found.getString("severity")).isEqualTo("WARNING");
            assertThat(found.getString("message"))
                    .startsWith("group " + group + " spent ")
                    .contains("at its concurrency limit");
            assertThat(api.get("insights", VIEWER).json().getString("computedAt"))
                    .isNotBlank();

            // the dashboard reads the newest set when it is drawn, while the group is still at its limit
            String row = "#insights tr[data-group='" + group + "'][data-kind='GROUP_SATURATED']";
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        browser.open("index.xhtml");
                        return !browser.all(row).isEmpty();
                    });
            browser.screenshot("dashboard-insights");
            assertThat(browser.text(row)).contains("WARNING", "group " + group + " spent", "at its concurrency limit");
        }
    }

    /** What a missing insight should be explained by: the group's sampled figures, the node's, the insights found. */
    private static String whatTheAnalyzerRead(ApiClient api, String group, Instant from) {
        String range = "&from=" + from + "&to=" + from.plus(Duration.ofHours(1));
        JsonValue groups =
                api.get("metrics/summary?group=" + group + range, VIEWER).json().getJsonArray("groups");
        JsonValue nodes =
                api.get("metrics/summary?" + range.substring(1), VIEWER).json().getJsonArray("nodes");
        JsonValue insights = api.get("insights", VIEWER).json();
        return "the group's summary " + groups + ", the nodes' " + nodes + ", the insights " + insights;
    }

    private static java.util.Optional<JsonObject> saturationOf(ApiClient api, String group) {
        return api.get("insights", VIEWER).json().getJsonArray("insights").stream()
                .map(JsonValue::asJsonObject)
                .filter(insight -> group.equals(insight.getString("group", null))
                        && insight.getString("kind").equals("GROUP_SATURATED"))
                .findFirst();
    }

    /** From the first task's start to the last one's completion. */
    private static Duration spanOf(ApiClient api, List<String> ids) {
        Instant first = Instant.MAX;
        Instant last = Instant.MIN;
        for (String id : ids) {
            List<JsonObject> events = api.events(id);
            Instant started = ApiClient.firstAt(events, "RUNNING");
            Instant completed = ApiClient.firstAt(events, "COMPLETED");
            first = started.isBefore(first) ? started : first;
            last = completed.isAfter(last) ? completed : last;
        }
        return Duration.between(first, last);
    }

    private static double integral(JsonObject figure) {
        return figure.getJsonNumber("mean").doubleValue()
                * figure.getJsonNumber("samples").longValue()
                * SAMPLE_INTERVAL.toMillis()
                / 1000.0;
    }

    private static double mean(JsonObject figures, String name) {
        assertThat(figures.keySet()).contains(name);
        return figures.getJsonObject(name).getJsonNumber("mean").doubleValue();
    }
}
