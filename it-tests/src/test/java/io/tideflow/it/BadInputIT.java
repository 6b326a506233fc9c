package io.tideflow.it;

import static io.tideflow.it.ApiClient.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * The bad-input suite: 1,500 malformed or hostile requests ({@link HostileRequests}, seed {@code it.fuzz.seed};
 * {@code it.fuzz.requests} for another count) sent by four clients at once to the live server. It passes when no
 * answer is a 5xx, every 4xx is a problem document (naming the field when the request spoiled one) without a stack
 * trace or SQL, the server log has no error for them, the server is still ready, and every task accepted before and
 * during the run is intact and runs.
 */
@RunAsClient
class BadInputIT extends TestHandlersDeployment {

    private static final int REQUESTS = Integer.getInteger("it.fuzz.requests", 1_500);
    private static final Pattern LEAK = Pattern.compile(
            "\\bat [a-z]+\\.[\\w.$]+\\(|Exception:|\\bSQL(State)?\\b|\\bSELECT\\b|\\bINSERT INTO\\b|\\bWHERE\\b|<html",
            Pattern.CASE_INSENSITIVE);

    /** HTTP/1.1: an h2c upgrade on every new connection is not what clients of a REST API send. */
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    private final java.util.Set<String> kinds = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger closedBeforeAnswering =
            new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger listenerRefusals =
            new java.util.concurrent.atomic.AtomicInteger();
    private final List<String> acceptedDuringRun = Collections.synchronizedList(new ArrayList<>());

    @Test
    void thousandsOfHostileRequestsGetProblemsAndHarmNothing() throws Exception {
        ApiClient api = api();
        List<String> before = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            before.add(api.submit("{\"type\":\"it.noop\",\"payload\":{\"before\":" + i + "}}"));
        }
        Path log = ItServer.serverLog();
        long logBefore = Files.size(log);
        long seed = Long.getLong("it.fuzz.seed", 13L);

        List<HostileRequests.Hostile> requests = new HostileRequests(seed, before.get(0)).make(REQUESTS);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (HostileRequests.Hostile request : requests) {
            clients.execute(() -> send(request));
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(15, TimeUnit.MINUTES)).isTrue();

        System.out.printf(
                "BadInputIT: seed %d, %d requests, answers by status %s, %d refused by the server's listener, %d sent"
                        + " again after the server closed a kept-alive connection%n",
                seed, REQUESTS, new TreeMap<>(statuses), listenerRefusals.get(), closedBeforeAnswering.get());
        assertThat(violations)
                .as(
                        "seed %d, answers by status %s (%d refused by the server's listener); %d violations, the"
                                + " first of each kind",
                        seed, new TreeMap<>(statuses), listenerRefusals.get(), count.get())
                .isEmpty();
        assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum())
                .as("requests answered")
                .isEqualTo(REQUESTS);
        String logged =
                Files.readString(log, StandardCharsets.UTF_8).substring((int) Math.min(logBefore, Files.size(log)));
        assertThat(logged.lines()
                        .filter(line -> line.contains(" ERROR ") || line.contains("SEVERE"))
                        .limit(20))
                .as("errors the server logged during the run")
                .isEmpty();
        assertThat(ItServer.health("127.0.0.1").get("health/ready", null).status())
                .isEqualTo(200);
        for (int i = 0; i < before.size(); i++) {
            JsonObject task = api.awaitState(before.get(i), "COMPLETED");
            assertThat(task.getJsonObject("payload").getInt("before")).isEqualTo(i);
        }
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    for (String id : List.copyOf(acceptedDuringRun)) {
                        JsonObject task = api.get("tasks/" + id, VIEWER).json();
                        boolean later = task.getString("state").equals("PENDING")
                                && Instant.parse(task.getString("runAt")).isAfter(Instant.now());
                        assertThat(later || task.getString("state").equals("COMPLETED"))
                                .as("task %s accepted during the run: %s", id, task)
                                .isTrue();
                    }
                });
    }

    private void send(HostileRequests.Hostile hostile) {
        try {
            sendChecked(hostile);
        } catch (RuntimeException e) {
            violation(hostile, "not sent: " + e);
        }
    }

    private void sendChecked(HostileRequests.Hostile hostile) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                        URI.create(deploymentUrl.toString()).resolve("api/" + hostile.path()))
                .timeout(Duration.ofSeconds(60))
                .method(
                        hostile.method(),
                        hostile.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(hostile.body()));
        hostile.headers().forEach(builder::header);
        HttpResponse<String> response;
        try {
            response = sendOnALiveConnection(builder.build());
        } catch (Exception e) {
            violation(hostile, "no answer: " + e);
            return;
        }
        statuses.merge(response.statusCode(), 1, Integer::sum);
        check(hostile, response);
    }

    /**
     * Sends the request, once more on a new connection when the server closed the kept-alive one before a byte of
     * the answer (Payara's listener closes a connection after a number of requests; a request sent on it meanwhile
     * never reached the server), as any HTTP client does. A request that reached the server is never sent twice.
     */
    private HttpResponse<String> sendOnALiveConnection(HttpRequest request) throws Exception {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            if (e.getMessage() == null || !e.getMessage().contains("received no bytes")) {
                throw e;
            }
            closedBeforeAnswering.incrementAndGet();
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }

    private void check(HostileRequests.Hostile hostile, HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body();
        if (status >= 500) {
            violation(hostile, status + " " + body);
            return;
        }
        if (status < 400) {
            if (status == 201 && hostile.path().startsWith("tasks")) {
                collectIds(body);
            }
            return;
        }
        if (hostile.method().equals("HEAD")) {
            return;
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (type.isEmpty() && body.isEmpty() && (status == 400 || status == 405)) {
            // the server's HTTP listener refuses some requests before any application sees them, with an empty
            // answer: WildFly's TRACE (its disallowed-methods), Payara's TRACE, NUL in the path, a DELETE with a body
            // or an over-long request line. Tideflow's own answers always have a problem body.
            listenerRefusals.incrementAndGet();
            return;
        }
        if (!type.startsWith("application/problem+json")) {
            violation(hostile, status + " as " + type + ": " + body);
            return;
        }
        JsonObject problem;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            problem = reader.readObject();
        } catch (RuntimeException e) {
            violation(hostile, status + " problem that is not a JSON object: " + body);
            return;
        }
        if (problem.getInt("status", -1) != status) {
            violation(hostile, status + " problem with another status: " + body);
        }
        if (LEAK.matcher(body).find()) {
            violation(hostile, status + " leaks internals: " + body);
        }
        if (status == 400 && hostile.field() != null) {
            String field = problem.getString("field", null);
            if (field == null || !field.startsWith(hostile.field())) {
                violation(hostile, "400 names field " + field + ", not " + hostile.field() + ": " + body);
            }
        }
    }

    private void collectIds(String body) {
        JsonObject created = Json.createReader(new StringReader(body)).readObject();
        if (created.containsKey("ids")) {
            created.getJsonArray("ids")
                    .getValuesAs(JsonString.class)
                    .forEach(id -> acceptedDuringRun.add(id.getString()));
        } else if (created.get("id") instanceof JsonString id) {
            acceptedDuringRun.add(id.getString());
        } else if (created.get("id") != JsonValue.NULL) {
            acceptedDuringRun.add(created.getString("id"));
        }
    }

    /** Keeps the first violation of each kind of request and answer, so that the report shows every kind. */
    private void violation(HostileRequests.Hostile hostile, String what) {
        String kind = hostile.what() + " " + what.substring(0, Math.min(3, what.length()));
        if (kinds.add(kind) && violations.size() < 60) {
            violations.add(hostile + "\n    -> " + (what.length() > 400 ? what.substring(0, 400) + "..." : what));
        }
        count.incrementAndGet();
    }
}
