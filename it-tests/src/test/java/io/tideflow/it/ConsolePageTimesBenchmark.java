package io.tideflow.it;

import static io.tideflow.it.ApiClient.OPERATOR;
import static io.tideflow.it.ApiClient.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's server time per page on PostgreSQL with 1,000,000 finished and 100,000 waiting tasks: a WildFly node
 * of its own, the tasks written straight into the database, then each page requested 100 times by a logged-in
 * operator (after 20 warm-up requests) and its p50 / p95 / max printed. A benchmark, not part of the test run:
 * {@code mvn -o verify -pl it-tests -Pwildfly -Dit.test=ConsolePageTimesBenchmark}. Times are measured at the client
 * over loopback, so they include the little that HTTP adds.
 */
class ConsolePageTimesBenchmark {

    private static final String DATABASE = "tideflow_console_bench";
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final int FINISHED = 1_000_000;
    private static final int WAITING = 100_000;
    private static final int WARM_UP = 20;
    private static final int TIMED = 100;
    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static ServerProcess node;

    @BeforeAll
    static void startNodeWithAMillionTasks() throws Exception {
        try (Connection c = PostgresAccess.dataSource("postgres").getConnection();
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DATABASE);
        }
        Path war = TARGET.resolve("console-bench/tideflow.war");
        Files.createDirectories(war.getParent());
        TideflowDeployment.withTestHandlers().as(ZipExporter.class).exportTo(war.toFile(), true);
        node = new ServerProcess(
                Path.of(System.getProperty("jboss.home")),
                TARGET.resolve("console-bench/node"),
                "standalone-postgresql.xml",
                700,
                PostgresAccess.nodeOptions(DATABASE));
        node.prepare();
        node.deploy(war);
        node.start();
        node.awaitApi(Duration.ofSeconds(180));
        ApiClient api = new ApiClient(node.apiBase());
        // the waiting tasks' group is paused, so that they stay waiting
        assertThat(api.post("groups/bench-waiting/pause", OPERATOR, "").status())
                .isEqualTo(200);
        long filled = System.nanoTime();
        try (Connection c = PostgresAccess.dataSource(DATABASE).getConnection();
                Statement s = c.createStatement()) {
            s.execute(insertTasks("done", FINISHED, "'bench-' || (i % 20)", "COMPLETED", 1));
            s.execute(insertTasks("wait", WAITING, "'bench-waiting'", "PENDING", 0));
            // what autovacuum does soon after a load like this one: statistics, and the visibility map that lets the
            // counts of waiting tasks read the state indexes alone
            s.execute("VACUUM ANALYZE tasks");
            // once more after the node's own transactions of that moment have ended: a vacuum cannot mark pages
            // all-visible while a transaction older than the load is open, and the counts would then visit 100,000
            // rows instead of reading the index alone (seen: 100 ms instead of 30 ms per count)
            Thread.sleep(2_000);
            s.execute("VACUUM tasks");
        }
        System.out.printf(
                "ConsolePageTimesBenchmark: %,d finished and %,d waiting tasks written in %d s%n",
                FINISHED, WAITING, (System.nanoTime() - filled) / 1_000_000_000);
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.stop();
        }
    }

    private static String insertTasks(String prefix, int count, String group, String state, int attempts) {
        return "INSERT INTO tasks (id, type, resource_group, payload, state, priority, run_at, created_at, updated_at,"
                + " attempts, max_attempts) SELECT md5('" + prefix + "' || i)::uuid::text, 'bench." + prefix
                + "', " + group + ", '{}', '" + state + "', 5, t - i, t - i, t - i, " + attempts + ", 5"
                + " FROM generate_series(1, " + count + ") i,"
                + " (SELECT (extract(epoch FROM now()) * 1000)::bigint AS t) clock";
    }

    @Test
    void everyConsolePageIsTimed() throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        URI console = node.httpBase().resolve("tideflow/console/");
        logIn(browser, console);
        String someTask = new ApiClient(node.apiBase())
                .get("tasks?group=bench-3&limit=1", VIEWER)
                .json()
                .getJsonArray("items")
                .getJsonObject(0)
                .getString("id");
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("tasks, newest", "tasks.xhtml");
        pages.put("tasks, PENDING of one group", "tasks.xhtml?state=PENDING&group=bench-waiting");
        pages.put("tasks, COMPLETED of one group", "tasks.xhtml?state=COMPLETED&group=bench-7");
        pages.put("tasks, last changed first", "tasks.xhtml?sort=updated");
        pages.put("tasks, COMPLETED last changed first", "tasks.xhtml?sort=updated&state=COMPLETED");
        pages.put(
                "tasks, PENDING of one group last changed first",
                "tasks.xhtml?sort=updated&state=PENDING&group=bench-waiting");
        pages.put("task", "task.xhtml?id=" + someTask);
        pages.put("nodes and alerts", "nodes.xhtml");
        // last: while a dashboard or the groups page is watched, its node reads the figures in the background, which
        // the other pages would otherwise share the machine with
        pages.put("groups", "groups.xhtml");
        pages.put("dashboard", "index.xhtml");
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            URI uri = console.resolve(page.getValue());
            lines.add(line(page.getKey(), () -> get(browser, uri)));
        }
        String dashboard = get(browser, console.resolve("index.xhtml"));
        String viewState = viewStateOf(dashboard);
        lines.add(line("dashboard's poll (Ajax)", () -> poll(browser, console.resolve("index.xhtml"), viewState)));
        System.out.println("ConsolePageTimesBenchmark: " + String.format("%,d", FINISHED) + " finished, "
                + String.format("%,d", WAITING) + " waiting tasks on PostgreSQL; " + TIMED
                + " requests per page after " + WARM_UP + "\n" + String.join("\n", lines));
    }

    private static String line(String page, PageRequest request) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            request.send();
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < TIMED; i++) {
            long started = System.nanoTime();
            request.send();
            micros.add((System.nanoTime() - started) / 1_000);
        }
        micros.sort(null);
        return String.format(
                "  %-42s p50 %6.1f ms   p95 %6.1f ms   max %6.1f ms",
                page,
                micros.get(TIMED / 2) / 1000.0,
                micros.get(TIMED * 95 / 100 - 1) / 1000.0,
                micros.get(TIMED - 1) / 1000.0);
    }

    private static void logIn(HttpClient browser, URI console) throws Exception {
        String login = browser.send(
                        HttpRequest.newBuilder(console.resolve("login.xhtml"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Map<String, String> form = Map.of(
                "login", "login",
                "login:username", "demo-operator",
                "login:password", "demo-operator-pw",
                "login:submit", "",
                "jakarta.faces.ViewState", viewStateOf(login));
        HttpResponse<String> answer = browser.send(
                HttpRequest.newBuilder(console.resolve("login.xhtml"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(encoded(form)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("the login answers with a redirect").isEqualTo(302);
    }

    private static String get(HttpClient browser, URI uri) throws Exception {
        HttpResponse<String> page =
                browser.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(uri.toString()).isEqualTo(200);
        assertThat(page.body()).as(uri + " is a page of the console").contains("session:logout");
        return page.body();
    }

    private static String poll(HttpClient browser, URI uri, String viewState) throws Exception {
        Map<String, String> form = Map.of(
                "jakarta.faces.partial.ajax", "true",
                "jakarta.faces.source", "live:poll",
                "jakarta.faces.partial.execute", "live:poll",
                "live:poll", "live:poll",
                "live", "live",
                "jakarta.faces.ViewState", viewState);
        HttpResponse<String> answer = browser.send(
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Faces-Request", "partial/ajax")
                        .POST(HttpRequest.BodyPublishers.ofString(encoded(form)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.body()).contains("<partial-response").doesNotContain("<error>");
        return answer.body();
    }

    private static String viewStateOf(String page) {
        Matcher matcher = VIEW_STATE.matcher(page);
        assertThat(matcher.find()).as("the page has a view state").isTrue();
        return matcher.group(1);
    }

    private static String encoded(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    @FunctionalInterface
    private interface PageRequest {
        String send() throws Exception;
    }
}
