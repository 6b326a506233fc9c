package io.tideflow.it;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Makes malformed and hostile requests over every endpoint of the REST API from a seed: bodies mutated from valid ones
 * field by field (wrong types, extreme numbers and instants, Unicode edge cases), broken JSON, wrong methods, content
 * types, Accept headers and credentials, odd paths and query parameters. The same seed makes the same requests, so a
 * failure can be replayed.
 */
final class HostileRequests {

    /** One request to send; {@code field} is the body field it spoils, when it spoils exactly one. */
    record Hostile(String method, String path, Map<String, String> headers, byte[] body, String field, String what) {

        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            StringBuilder shownHeaders = new StringBuilder();
            headers.forEach((name, value) -> shownHeaders
                    .append(name)
                    .append('=')
                    .append(value.length() > 60 ? value.substring(0, 60) + "..." : value)
                    .append(' '));
            return method + " " + path + " " + shownHeaders + "[" + what + "] "
                    + (shown.length() > 200 ? shown.substring(0, 200) + "..." : shown);
        }
    }

    static final String OPERATOR = basic(ApiClient.OPERATOR);
    static final String VIEWER = basic(ApiClient.VIEWER);

    private static final String[] TASK_FIELDS = {
        "type", "payload", "group", "priority", "maxAttempts", "runAt", "idempotencyKey"
    };
    private static final String[] LIMIT_FIELDS = {"maxConcurrent", "maxConcurrentCluster", "ratePermits", "ratePeriod"};

    private final Random random;
    private final String knownTask;

    /** @param knownTask the id of a task that exists, so that paths with ids reach the resources */
    HostileRequests(long seed, String knownTask) {
        this.random = new Random(seed);
        this.knownTask = knownTask;
    }

    List<Hostile> make(int count) {
        List<Supplier<Hostile>> makers = List.of(
                this::spoiledSubmission,
                this::spoiledSubmission,
                this::spoiledSubmission,
                this::brokenJson,
                this::spoiledBatch,
                this::spoiledLimits,
                this::oddQuery,
                this::oddPath,
                this::wrongMethod,
                this::wrongHeaders,
                this::wrongCredentials,
                this::validSubmission);
        List<Hostile> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(makers.get(random.nextInt(makers.size())).get());
        }
        return requests;
    }

    // ------------------------------------------------------------------------------------------------ bodies

    private Hostile validSubmission() {
        return json("POST", "tasks", validTask(), null, "valid");
    }

    private Hostile spoiledSubmission() {
        String field = pick(TASK_FIELDS);
        String value = hostileValue();
        Map<String, String> task = validTaskFields();
        task.put(field, value);
        return json("POST", "tasks", object(task), field, field + "=" + abbreviated(value));
    }

    private Hostile spoiledBatch() {
        int which = random.nextInt(6);
        return switch (which) {
            case 0 -> json("POST", "tasks/batch", "{\"tasks\":" + hostileValue() + "}", "tasks", "tasks=hostile");
            case 1 -> {
                String field = pick(TASK_FIELDS);
                Map<String, String> task = validTaskFields();
                task.put(field, hostileValue());
                yield json(
                        "POST",
                        "tasks/batch",
                        "{\"tasks\":[" + validTask() + "," + object(task) + "]}",
                        "tasks[1]." + field,
                        "tasks[1]." + field);
            }
            case 2 -> json("POST", "tasks/batch", "{\"tasks\":[]}", "tasks", "empty batch");
            case 3 -> json("POST", "tasks/batch", "{\"tasks\":[1,2,3]}", "tasks[0]", "not objects");
            case 4 -> json("POST", "tasks/batch", "{\"jobs\":[]}", "jobs", "unknown field");
            default ->
                json(
                        "POST",
                        "tasks/batch",
                        "{\"tasks\":[" + "{\"type\":\"it.noop\"},".repeat(10_000) + "{\"type\":\"it.noop\"}]}",
                        "tasks",
                        "10,001 tasks");
        };
    }

    private Hostile spoiledLimits() {
        String field = pick(LIMIT_FIELDS);
        Map<String, String> limits = new LinkedHashMap<>();
        limits.put("maxConcurrent", "2");
        limits.put("ratePermits", "10");
        limits.put("ratePeriod", "\"PT1S\"");
        String value = random.nextInt(4) == 0
                ? pick("\"PT999999999999999H\"", "\"P106751991167301D\"", "\"PT-1S\"", "\"PT0S\"", "\"1 second\"")
                : hostileValue();
        limits.put(field, value);
        return json("PUT", "groups/fuzz-limits/limits", object(limits), field, field + "=" + abbreviated(value));
    }

    private Hostile brokenJson() {
        String body = pick(
                "",
                "{",
                "}",
                "[]",
                "null",
                "\"text\"",
                "{\"type\":\"it.noop\"",
                "{\"type\":\"it.noop\"} trailing",
                "{\"type\":\"it.noop\",}",
                "{'type':'it.noop'}",
                "{\"type\":\"it.noop\",\"type\":\"it.noop\"}",
                "{\"type\":\"it.noop\",\"payload\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}",
                "{\"type\":\"it.noop\",\"payload\":" + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000) + "}",
                "{\"type\":\"it.noop\",\"payload\":" + "9".repeat(250_000) + "}",
                "{\"type\":\"it.noop\",\"priority\":" + "9".repeat(250_000) + "}",
                "\uFEFF{\"type\":\"it.noop\"}",
                "{\"type\":\"it.noop\",\"payload\":\"\\ud800\"}",
                "{\"type\":\"it.noop\",\"payload\":\"\\u0000\"}",
                "{\"type\":\"\\u0000\"}");
        if (random.nextInt(20) == 0) {
            byte[] invalidUtf8 = {'{', '"', 't', 'y', 'p', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
            return new Hostile("POST", "tasks", headers("application/json", OPERATOR), invalidUtf8, null, "bad UTF-8");
        }
        return json("POST", random.nextBoolean() ? "tasks" : "tasks/batch", body, null, "broken JSON");
    }

    // ------------------------------------------------------------------------------------------------ the rest

    private Hostile oddQuery() {
        String value = encode(pick(
                "-1",
                "0",
                "501",
                "abc",
                "1e10",
                "99999999999999999999",
                "+1000000000-01-01T00:00:00Z",
                "-999999999-01-01T00:00:00Z",
                "2026-13-45T25:61:61Z",
                "2026-11-30T00:00:00Z",
                "RUNNING",
                "running",
                "ZOMBIE",
                "x".repeat(5_000),
                "\u0000",
                "a\r\nb",
                "\uD83D\uDCA5",
                "'; DROP TABLE tasks; --",
                "%",
                ""));
        String path = pick(
                "tasks?limit=" + value,
                "tasks?state=" + value,
                "tasks?type=" + value,
                "tasks?group=" + value,
                "tasks?after=" + value,
                "tasks?sort=" + value,
                "tasks?sort=updated&after=" + value,
                "tasks/export?format=" + value,
                "tasks/export?state=" + value + "&type=" + value,
                "alerts?limit=" + value,
                "alerts?active=" + value,
                "metrics/summary?from=" + value + "&to=" + value,
                "metrics/summary?group=" + value,
                "metrics/series?metric=" + value,
                "metrics/series?metric=completed&resolution=" + value,
                "metrics/series?metric=completed&from=" + value,
                "reports/tasks?createdFrom=" + value,
                "reports/tasks?createdTo=" + value + "&group=" + value,
                "reports/tasks?state=" + value);
        return new Hostile("GET", path, headers(null, VIEWER), null, null, "query");
    }

    private Hostile oddPath() {
        String id = pick(
                knownTask,
                "not-a-uuid",
                "00000000-0000-0000-0000-000000000000",
                "%00",
                "x".repeat(3_000),
                "%F0%9F%92%A5",
                "%0D%0ASet-Cookie:%20a=b",
                "%27%20OR%201%3D1%20--");
        String path = pick(
                "tasks/" + id,
                "tasks/" + id + "/history",
                "tasks/" + id + "/cancel",
                "tasks/" + id + "/requeue",
                "groups/" + id + "/pause",
                "groups/" + id + "/resume",
                "groups/" + id + "/limits",
                "groups/fuzz/breaker/" + id,
                "no-such-resource",
                "tasks/" + id + "/no-such-action",
                "");
        String method = path.endsWith("/cancel")
                        || path.endsWith("/requeue")
                        || path.endsWith("/pause")
                        || path.contains("/breaker/")
                ? "POST"
                : path.endsWith("/limits") ? pick("DELETE", "GET") : "GET";
        return new Hostile(method, path, headers(null, OPERATOR), null, null, "path");
    }

    private Hostile wrongMethod() {
        String path =
                pick("tasks", "tasks/batch", "tasks/" + knownTask, "groups", "alerts", "nodes", "reports/queue-depth");
        String method = pick("PATCH", "PUT", "DELETE", "POST", "OPTIONS", "TRACE");
        return new Hostile(method, path, headers("application/json", OPERATOR), "{}".getBytes(), null, "method");
    }

    private Hostile wrongHeaders() {
        Map<String, String> headers = headers(
                pick(
                        "text/plain",
                        "application/x-www-form-urlencoded",
                        "application/xml",
                        "application/json; charset=ISO-8859-1",
                        "application/json; charset=nonsense",
                        "multipart/form-data; boundary=x",
                        "*/*",
                        "garbage"),
                OPERATOR);
        headers.put("Accept", pick("text/html", "application/xml", "image/png", "*/*", "application/json;q=0", "))"));
        return new Hostile("POST", "tasks", headers, validTask().getBytes(StandardCharsets.UTF_8), null, "headers");
    }

    private Hostile wrongCredentials() {
        String authorization = pick(
                "Basic !!!not-base64!!!",
                "Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes()),
                "Basic " + Base64.getEncoder().encodeToString("demo-operator:wrong".getBytes()),
                "Basic " + Base64.getEncoder().encodeToString("nobody:nothing".getBytes()),
                "Basic " + Base64.getEncoder().encodeToString(("x".repeat(5_000) + ":y").getBytes()),
                "Basic",
                "Basic ",
                "Bearer abc.def.ghi",
                "Digest username=\"x\"",
                "",
                VIEWER);
        Map<String, String> headers = headers("application/json", null);
        if (!authorization.isEmpty()) {
            headers.put("Authorization", authorization);
        }
        String path = pick("tasks", "groups/fuzz/pause", "tasks/" + knownTask + "/cancel");
        return new Hostile("POST", path, headers, validTask().getBytes(StandardCharsets.UTF_8), null, "credentials");
    }

    // ------------------------------------------------------------------------------------------------ values

    private String hostileValue() {
        return pick(
                "null",
                "true",
                "[]",
                "{}",
                "[1,2]",
                "-1",
                "0",
                "10",
                "101",
                "1.5",
                "1e309",
                "-1e309",
                "9223372036854775808",
                "-9223372036854775809",
                "1" + "0".repeat(400),
                "\"\"",
                "\" \"",
                "\"" + "x".repeat(201) + "\"",
                "\"" + "x".repeat(70_000) + "\"",
                "\"\\u0000\"",
                "\"a\\u0000b\"",
                "\"\\u0007\\u001b[31m\"",
                "\"line\\r\\nInjected: yes\"",
                "\"\\ud800\"",
                "\"\\udc00x\"",
                "\"\uD83D\uDCA5\"",
                "\"\u202Eevil\"",
                "\"+1000000000-01-01T00:00:00Z\"",
                "\"-999999999-01-01T00:00:00Z\"",
                "\"2026-02-30T00:00:00Z\"",
                "\"2026-11-30T00:00:00\"",
                "\"9999-12-31T23:59:59.999999999Z\"",
                "\"PT1S\"",
                "\"'; DROP TABLE tasks; --\"",
                "\"it.noop\"",
                "\"../../etc/passwd\"");
    }

    private static String validTask() {
        return object(validTaskFields());
    }

    private static Map<String, String> validTaskFields() {
        Map<String, String> task = new LinkedHashMap<>();
        task.put("type", "\"it.noop\"");
        task.put("payload", "{\"n\":1}");
        task.put("priority", "5");
        return task;
    }

    private static String object(Map<String, String> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, value) -> json.append(json.length() > 1 ? "," : "")
                .append('"')
                .append(name)
                .append("\":")
                .append(value));
        return json.append('}').toString();
    }

    private Hostile json(String method, String path, String body, String field, String what) {
        return new Hostile(
                method,
                path,
                headers("application/json", OPERATOR),
                body.getBytes(StandardCharsets.UTF_8),
                field,
                what);
    }

    private static Map<String, String> headers(String contentType, String authorization) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        return headers;
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static String abbreviated(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
    }
}
