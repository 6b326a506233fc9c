package io.tideflow.it;

import static io.tideflow.it.ApiClient.OPERATOR;
import static io.tideflow.it.ApiClient.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The admin console in a real browser: logins and roles, the live dashboard, task and group actions. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleIT {

    /** A group with a breaker of its own, so that breaker actions here meet no other suite's group. */
    static final String BREAKER_GROUP = "it-console-breaker";

    @ArquillianResource
    @OperateOnDeployment("tideflow")
    URL deploymentUrl;

    @Deployment(name = "tideflow", testable = false)
    static WebArchive deployment() {
        return TideflowDeployment.withTestHandlers(
                "tideflow.war", "tideflow.group.\"" + BREAKER_GROUP + "\".breaker.minimum-calls=4\n");
    }

    private URI base() {
        return URI.create(deploymentUrl.toString());
    }

    private ApiClient api() {
        return new ApiClient(base().resolve("api/"));
    }

    private static String uniqueGroup(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aViewerSeesEveryPageButNoActionControlsAndAForgedActionChangesNothing() {
        ApiClient api = api();
        String group = uniqueGroup("console-view");
        api.post("groups/" + group + "/pause", OPERATOR, "");
        String id = api.submit("{\"type\":\"demo.echo\",\"group\":\"" + group + "\",\"payload\":{\"n\":1}}");
        try (ConsoleBrowser browser = new ConsoleBrowser(base())) {
            browser.logIn("demo-viewer", "demo-viewer-pw");
            assertThat(browser.text("#user")).contains("demo-viewer").contains("tideflow-viewer");
            browser.await()
                    .until(ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector("tr[data-group='" + group + "'] td[data-state='PENDING']")));
            browser.screenshot("dashboard-viewer");

            browser.open("groups.xhtml");
            assertThat(browser.all("#group-list tr[data-group='" + group + "']"))
                    .hasSize(1);
            assertThat(browser.all("#group-list button")).isEmpty();
            browser.screenshot("groups-viewer");

            browser.open("nodes.xhtml");
            assertThat(browser.all("#node-list tbody tr")).isNotEmpty();
            assertThat(browser.text("#node-list tbody tr td")).isEqualTo("yes");
            assertThat(browser.text("#node-list tbody tr td.tf-node-role")).startsWith("worker, ");
            browser.screenshot("nodes");

            browser.open("tasks.xhtml?group=" + group);
            assertThat(browser.all("#task-list tr[data-task='" + id + "']")).hasSize(1);
            String keyed = api.submit("{\"type\":\"demo.echo\",\"group\":\"" + group + "\",\"idempotencyKey\":\""
                    + group + "-key\",\"payload\":{}}");
            browser.open("tasks.xhtml?key=" + group + "-key");
            assertThat(browser.all("#task-list tbody tr")).hasSize(1);
            assertThat(browser.all("#task-list tr[data-task='" + keyed + "']")).hasSize(1);
            browser.open("tasks.xhtml?group=" + group + "&createdFrom=2999-01-01T00:00");
            assertThat(browser.all("#task-list tbody tr")).isEmpty();
            browser.open("tasks.xhtml?group=" + group + "&createdFrom=yesterday");
            assertThat(browser.messages()).contains("createdFrom: 'yesterday' is not a date and time");
            browser.open("tasks.xhtml?group=" + group);
            assertThat(browser.all("#bulk\\:ask-cancel")).isEmpty();
            browser.screenshot("tasks");

            browser.open("task.xhtml?id=" + id);
            assertThat(browser.text("#task-id")).isEqualTo(id);
            assertThat(browser.all("#task-actions\\:cancel")).isEmpty();
            // what a forged request would post: the cancel button's parameter, with the page's own view state
            browser.driver()
                    .executeScript("var f = document.getElementById('session');"
                            + "var add = function(n, v) { var i = document.createElement('input'); i.type = 'hidden';"
                            + " i.name = n; i.value = v; f.appendChild(i); };"
                            + "add('task-actions', 'task-actions'); add('task-actions:cancel', 'task-actions:cancel');"
                            + "f.action = window.location.href; f.submit();");
            browser.await().until(d -> browser.path().endsWith("/console/task.xhtml"));
            assertThat(api.get("tasks/" + id, VIEWER).json().getString("state")).isEqualTo("PENDING");
            assertThat(api.get("tasks/" + id, VIEWER).json().getBoolean("cancelRequested", false))
                    .isFalse();
        } finally {
            api.post("groups/" + group + "/resume", OPERATOR, "");
        }
    }

    @Test
    void anOperatorWatchesATaskAppearAndCompleteOnTheDashboardWithoutAReload() {
        ApiClient api = api();
        String group = uniqueGroup("console-live");
        api.post("groups/" + group + "/pause", OPERATOR, "");
        try (ConsoleBrowser browser = new ConsoleBrowser(base())) {
            browser.logIn("demo-operator", "demo-operator-pw");
            browser.driver().executeScript("window.tideflowSamePage = true;");
            String pending = "tr[data-group='" + group + "'] td[data-state='PENDING']";
            String completed = "tr[data-group='" + group + "'] td[data-hour='completed']";

            api.submit("{\"type\":\"demo.echo\",\"group\":\"" + group + "\",\"payload\":{\"n\":1}}");
            long submitted = System.nanoTime();
            within(browser, Duration.ofSeconds(2)).until(ExpectedConditions.textToBe(By.cssSelector(pending), "1"));
            long appeared = System.nanoTime();
            browser.screenshot("dashboard-pending");

            api.post("groups/" + group + "/resume", OPERATOR, "");
            // one poll reads the waiting tasks, then the history: a completion between the two reads shows in the
            // next poll, a second later
            within(browser, Duration.ofSeconds(5))
                    .until(d -> browser.text(completed).equals("1")
                            && browser.text(pending).equals("0"));
            assertThat(browser.driver().executeScript("return window.tideflowSamePage === true;"))
                    .as("the dashboard updated in place, without reloading the page")
                    .isEqualTo(true);
            System.out.printf(
                    "ConsoleIT: a submitted task appeared on the dashboard after %d ms%n",
                    (appeared - submitted) / 1_000_000);
            // the charts: the group's completions over the last hour, switched to the last day
            new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("charts:group")))
                    .selectByVisibleText(group);
            browser.await().until(d -> browser.all("#charts\\:latency canvas").size() == 1);
            new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("charts:window")))
                    .selectByVisibleText("Last day");
            browser.await()
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#charts\\:counts canvas")));
            browser.screenshot("dashboard");
        } finally {
            api.post("groups/" + group + "/resume", OPERATOR, "");
        }
    }

    @Test
    void anOperatorCancelsAWaitingTaskAndRequeuesADeadLetterOnce() {
        ApiClient api = api();
        String group = uniqueGroup("console-act");
        api.post("groups/" + group + "/pause", OPERATOR, "");
        try (ConsoleBrowser browser = new ConsoleBrowser(base())) {
            String waiting = api.submit("{\"type\":\"demo.echo\",\"group\":\"" + group + "\",\"payload\":{}}");
            String newer = api.submit("{\"type\":\"demo.echo\",\"group\":\"" + group + "\",\"payload\":{}}");
            browser.logIn("demo-operator", "demo-operator-pw");
            browser.open("task.xhtml?id=" + waiting);
            browser.clickAndConfirm("task-actions:cancel");
            browser.await().until(d -> browser.messages().contains("CANCELLED"));
            assertThat(browser.text("#task-state")).contains("CANCELLED");
            assertThat(api.get("tasks/" + waiting, VIEWER).json().getString("state"))
                    .isEqualTo("CANCELLED");
            assertThat(browser.all("#task-actions\\:cancel")).isEmpty();
            assertThat(browser.text("#timeline")).contains("cancelled by demo-operator");
            browser.open("tasks.xhtml?group=" + group);
            assertThat(browser.all("#task-list tbody tr").get(0).getAttribute("data-task"))
                    .isEqualTo(newer);
            browser.open("tasks.xhtml?sort=updated&group=" + group);
            assertThat(browser.all("#task-list tbody tr").get(0).getAttribute("data-task"))
                    .as("the task cancelled last comes first in the order of last change")
                    .isEqualTo(waiting);

            String failing = api.submit("{\"type\":\"demo.fail\",\"payload\":{\"always\":true},\"maxAttempts\":1}");
            api.awaitState(failing, "DEAD_LETTER");
            browser.open("task.xhtml?id=" + failing);
            assertThat(browser.text("#task-error")).isNotEqualTo("—");
            browser.screenshot("task-dead-letter");
            browser.driver().findElement(By.id("task-actions:requeue")).click();
            browser.await().until(d -> browser.messages().startsWith("Requeued as task "));
            String copy = browser.messages()
                    .replace("Requeued as task ", "")
                    .replace(".", "")
                    .trim();
            assertThat(api.get("tasks/" + copy, VIEWER).json().getString("requeuedFrom"))
                    .isEqualTo(failing);
            assertThat(api.events(copy).get(0).getString("detail"))
                    .isEqualTo("requeued from " + failing + " by demo-operator");

            // the page still offers the requeue (the dead letter stays as it was): a second one makes no second copy
            browser.driver().findElement(By.id("task-actions:requeue")).click();
            browser.await().until(d -> browser.messages().startsWith("Requeued as task "));
            assertThat(browser.messages()).contains(copy);
        } finally {
            api.post("groups/" + group + "/resume", OPERATOR, "");
        }
    }

    @Test
    void anOperatorCancelsEveryTaskOfAFilterAfterAConfirmationThatSaysHowMany() {
        ApiClient api = api();
        String group = uniqueGroup("console-bulk");
        api.post("groups/" + group + "/pause", OPERATOR, "");
        StringBuilder batch = new StringBuilder("{\"tasks\":[");
        for (int i = 0; i < 120; i++) {
            batch.append(i == 0 ? "" : ",")
                    .append("{\"type\":\"demo.echo\",\"group\":\"")
                    .append(group)
                    .append("\",\"payload\":{}}");
        }
        assertThat(api.post("tasks/batch", OPERATOR, batch.append("]}").toString())
                        .status())
                .isEqualTo(201);
        api.post("groups/" + group + "-other/pause", OPERATOR, "");
        String elsewhere = api.submit("{\"type\":\"demo.echo\",\"group\":\"" + group + "-other\",\"payload\":{}}");
        try (ConsoleBrowser browser = new ConsoleBrowser(base())) {
            browser.logIn("demo-operator", "demo-operator-pw");
            browser.open("tasks.xhtml?state=PENDING&group=" + group);
            assertThat(browser.all("#task-list tbody tr")).hasSize(50);
            // keyset pages: 50, 50, then the last 20, each a link that keeps the filter
            browser.driver().findElement(By.id("next-page")).click();
            browser.await().until(d -> browser.driver().getCurrentUrl().contains("after="));
            assertThat(browser.all("#task-list tbody tr")).hasSize(50);
            browser.driver().findElement(By.id("next-page")).click();
            browser.await().until(d -> browser.all("#task-list tbody tr").size() == 20);
            assertThat(browser.all("#next-page")).isEmpty();
            browser.driver().findElement(By.id("first-page")).click();
            browser.await().until(d -> !browser.driver().getCurrentUrl().contains("after="));
            assertThat(browser.all("#task-list tbody tr")).hasSize(50);
            browser.driver().findElement(By.id("bulk:ask-cancel")).click();
            browser.await().until(d -> browser.text("#bulk-question").startsWith("Cancel 120 tasks"));
            browser.screenshot("tasks-bulk-cancel");
            browser.driver().findElement(By.id("bulk:confirm")).click();
            browser.await().until(d -> browser.messages().contains("Cancelled 120 tasks"));
            assertThat(browser.all("#task-list tbody tr")).isEmpty();
            assertThat(api.get("tasks?group=" + group + "&state=CANCELLED&limit=500", VIEWER)
                            .json()
                            .getJsonArray("items"))
                    .hasSize(120);
            assertThat(api.get("tasks/" + elsewhere, VIEWER).json().getString("state"))
                    .as("a task the filter does not select")
                    .isEqualTo("PENDING");

            // the same confirmation posted again (a second click, a resubmitted form) finds nothing left to cancel
            browser.driver().findElement(By.id("bulk:ask-cancel")).click();
            browser.await().until(d -> browser.text("#bulk-question").startsWith("Cancel 0 tasks"));
        } finally {
            api.post("groups/" + group + "/resume", OPERATOR, "");
            api.post("groups/" + group + "-other/resume", OPERATOR, "");
        }
    }

    @Test
    void anOperatorPausesAndResumesAGroupAndOpensAndResetsItsBreaker() {
        ApiClient api = api();
        api.submit("{\"type\":\"demo.echo\",\"group\":\"" + BREAKER_GROUP + "\",\"payload\":{}}");
        String row = "#group-list tr[data-group='" + BREAKER_GROUP + "']";
        try (ConsoleBrowser browser = new ConsoleBrowser(base())) {
            browser.logIn("demo-operator", "demo-operator-pw");
            browser.open("groups.xhtml");
            browser.clickAndConfirm(buttonIn(browser, row, "pause"));
            browser.await().until(d -> browser.text(row + " .tf-group-status").equals("paused"));
            assertThat(groupOf(api, BREAKER_GROUP).getBoolean("paused")).isTrue();
            assertThat(browser.text("#group-actions tr[data-group='" + BREAKER_GROUP + "'] .tf-action-name"))
                    .isEqualTo("pause");
            assertThat(browser.text("#group-actions tr[data-group='" + BREAKER_GROUP + "'] .tf-actor"))
                    .isEqualTo("demo-operator");
            browser.screenshot("groups-paused");

            browser.driver()
                    .findElement(By.id(buttonIn(browser, row, "resume")))
                    .click();
            browser.await().until(d -> browser.text(row + " .tf-group-status").equals("running"));
            assertThat(groupOf(api, BREAKER_GROUP).getBoolean("paused")).isFalse();

            browser.clickAndConfirm(buttonIn(browser, row, "open-breaker"));
            browser.await().until(d -> browser.text(row + " .tf-breaker").equals("OPEN"));
            assertThat(groupOf(api, BREAKER_GROUP).getJsonObject("breaker").getString("state"))
                    .isEqualTo("OPEN");
            browser.screenshot("groups");

            // limits: a bad period is refused with its field, a good one set, then given back to configuration
            new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("limits:group")))
                    .selectByVisibleText(BREAKER_GROUP);
            browser.driver().findElement(By.id("limits:rate-permits")).sendKeys("7");
            browser.driver().findElement(By.id("limits:rate-period")).sendKeys("one second");
            browser.driver().findElement(By.id("limits:set")).click();
            browser.await().until(d -> browser.messages().contains("ratePeriod"));
            assertThat(groupOf(api, BREAKER_GROUP).getString("limitsFrom")).isEqualTo("configuration");
            new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("limits:group")))
                    .selectByVisibleText(BREAKER_GROUP);
            browser.driver().findElement(By.id("limits:max-concurrent")).sendKeys("3");
            browser.driver().findElement(By.id("limits:set")).click();
            browser.await().until(d -> browser.messages().contains("The limits of " + BREAKER_GROUP + " are set"));
            assertThat(browser.text(row + " td:nth-of-type(3)"))
                    .contains("node 3")
                    .contains("set at run time");
            assertThat(groupOf(api, BREAKER_GROUP).getString("limitsFrom")).isEqualTo("api");
            browser.driver()
                    .findElement(By.id(buttonIn(browser, row, "reset-limits")))
                    .click();
            browser.await().until(d -> browser.text(row + " td:nth-of-type(3)").startsWith("none"));

            browser.driver()
                    .findElement(By.id(buttonIn(browser, row, "reset-breaker")))
                    .click();
            browser.await().until(d -> browser.text(row + " .tf-breaker").equals("CLOSED"));
            assertThat(groupOf(api, BREAKER_GROUP).getJsonObject("breaker").getString("state"))
                    .isEqualTo("CLOSED");
        }
    }

    @Test
    void aWrongPasswordIsRefusedAndALogoutEndsTheSession() {
        try (ConsoleBrowser browser = new ConsoleBrowser(base())) {
            browser.open("index.xhtml");
            browser.assertOnLoginPage();
            browser.driver().findElement(By.id("login:username")).sendKeys("demo-viewer");
            browser.driver().findElement(By.id("login:password")).sendKeys("not-the-password");
            browser.driver().findElement(By.id("login:submit")).click();
            browser.await().until(d -> browser.messages().contains("Unknown user or wrong password"));
            browser.screenshot("login");

            browser.logIn("demo-viewer", "demo-viewer-pw");
            browser.open("task.xhtml?id=" + UUID.randomUUID());
            assertThat(browser.messages()).contains("No task has the id");
            browser.open("tasks.xhtml?state=SLEEPING");
            assertThat(browser.messages()).contains("state: 'SLEEPING' is not a task state");

            browser.open("nothing-here.xhtml");
            assertThat(browser.text("h1")).isEqualTo("404 Not Found");
            assertThat(browser.text("#problem")).isEqualTo("nothing is served at this path");

            browser.open("index.xhtml");
            browser.driver().findElement(By.id("session:logout")).click();
            browser.await().until(d -> browser.all("#logged-out").size() == 1);
            browser.open("tasks.xhtml");
            browser.assertOnLoginPage();
        }
    }

    @Test
    void aDashboardWhoseSessionEndedGoesToTheLoginPageWithANote() {
        try (ConsoleBrowser browser = new ConsoleBrowser(base())) {
            browser.logIn("demo-viewer", "demo-viewer-pw");
            // what a session's timeout does: the server no longer knows the browser's session cookie
            browser.driver().manage().deleteCookieNamed("JSESSIONID");
            browser.await().until(d -> browser.path().endsWith("/console/login.xhtml"));
            browser.await().until(d -> browser.all("#expired").size() == 1);
            browser.logIn("demo-viewer", "demo-viewer-pw");
            assertThat(browser.path()).endsWith("/console/index.xhtml");
        }
    }

    @Test
    void batchExecutionsAreListedWithTheirTasksAndAnOperatorStopsAndRestartsOne() {
        ApiClient api = api();
        String group = uniqueGroup("console-chunks");
        api.post("groups/" + group + "/pause", OPERATOR, "");
        StringBuilder tasks = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            tasks.append(i == 0 ? "" : ",")
                    .append("{\"type\":\"it.chunk-write\",\"group\":\"")
                    .append(group)
                    .append("\",\"payload\":{\"marker\":\"")
                    .append(group)
                    .append('-')
                    .append(i)
                    .append("\",\"gate\":\"")
                    .append(group)
                    .append("\"}}");
        }
        assertThat(api.post("tasks/batch", OPERATOR, "{\"tasks\":[" + tasks + "]}")
                        .status())
                .isEqualTo(201);
        api.post("groups/" + group + "/resume", OPERATOR, "");
        String id = api.awaitRunningBatchExecutionOf(group);
        try (ConsoleBrowser operator = new ConsoleBrowser(base())) {
            operator.logIn("demo-operator", "demo-operator-pw");
            operator.open("batches.xhtml?id=" + id);
            // its first chunk waits at the gate: the execution runs until the test lets that chunk end
            operator.clickAndConfirm("batch-actions:stop");
            operator.await().until(d -> operator.messages().contains("stops at its next chunk boundary"));
            assertThat(api.post("it/gates/" + group + "/open", OPERATOR, "").status())
                    .isEqualTo(204);
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> api.get("batches/" + id, VIEWER).json().getString("status"), "STOPPED"::equals);
            operator.open("batches.xhtml?id=" + id);
            assertThat(operator.text("#batch-status")).isEqualTo("STOPPED");
            operator.driver().findElement(By.id("batch-actions:restart")).click();
            operator.await().until(d -> operator.messages().startsWith("Restarted as execution "));
            String restarted = operator.messages()
                    .replace("Restarted as execution ", "")
                    .replace(".", "")
                    .trim();
            assertThat(api.get("batches/" + restarted, VIEWER).json().getString("startedBy"))
                    .isEqualTo("demo-operator");
        }
        try (ConsoleBrowser viewer = new ConsoleBrowser(base())) {
            viewer.logIn("demo-viewer", "demo-viewer-pw");
            viewer.open("batches.xhtml");
            assertThat(viewer.all("#batch-list tr[data-execution='" + id + "']"))
                    .hasSize(1);
            viewer.open("batches.xhtml?id=" + id);
            assertThat(viewer.text("#batch-status")).isEqualTo("STOPPED");
            assertThat(viewer.all("#batch-actions"))
                    .as("a viewer gets no controls")
                    .isEmpty();
            assertThat(viewer.all("#batch-tasks tbody tr")).isNotEmpty();
            viewer.screenshot("batch-execution");
        }
        // what the stopped execution held went back to the queue: every task completes
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> api.get("tasks?group=" + group + "&state=COMPLETED&limit=100", VIEWER)
                                .json()
                                .getJsonArray("items")
                                .size()
                        == 40);
        // the dashboard shows the group's chunks of the last hour: every task completed in one
        try (ConsoleBrowser viewer = new ConsoleBrowser(base())) {
            viewer.logIn("demo-viewer", "demo-viewer-pw");
            String row = "#chunk-figures tr[data-group='" + group + "'] ";
            within(viewer, Duration.ofSeconds(15))
                    .until(d -> viewer.all(row + "td[data-chunks='tasks']").size() == 1
                            && viewer.text(row + "td[data-chunks='tasks']").equals("40"));
            assertThat(Integer.parseInt(viewer.text(row + "td[data-chunks='committed']")))
                    .as("40 tasks in chunks of at most 10")
                    .isGreaterThanOrEqualTo(4);
            viewer.screenshot("dashboard-chunks");
        }
    }

    private static WebDriverWait within(ConsoleBrowser browser, Duration limit) {
        return new WebDriverWait(browser.driver(), limit, Duration.ofMillis(50));
    }

    private static String buttonIn(ConsoleBrowser browser, String row, String action) {
        return browser.driver()
                .findElement(By.cssSelector(row + " button[id$=':" + action + "']"))
                .getAttribute("id");
    }

    private static JsonObject groupOf(ApiClient api, String group) {
        return api.get("groups", VIEWER).json().getJsonArray("groups").stream()
                .map(JsonValue::asJsonObject)
                .filter(g -> g.getString("name").equals(group))
                .findFirst()
                .orElseThrow();
    }
}
