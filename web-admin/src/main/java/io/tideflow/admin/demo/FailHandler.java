package io.tideflow.admin.demo;

import io.tideflow.queue.api.EnabledByConfig;
import io.tideflow.queue.api.TaskContext;
import io.tideflow.queue.api.TaskHandler;
import io.tideflow.queue.api.TaskType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;

/**
 * {@code demo.fail}: {@code {"failTimes": n}} fails its first n attempts, then succeeds; {@code {"always": true}}
 * fails every attempt, so the task ends in DEAD_LETTER. For watching retries and dead letters.
 */
@ApplicationScoped
@TaskType("demo.fail")
@EnabledByConfig("tideflow.demo.enabled")
public class FailHandler implements TaskHandler {

    // jakarta.json.Json's factories look the provider up through the ServiceLoader on every call
    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    public Object handle(TaskContext context) {
        JsonObject payload = context.payload(JsonObject.class);
        boolean always = payload != null && payload.getBoolean("always", false);
        int failTimes = payload == null ? 0 : payload.getInt("failTimes", 0);
        if (always || context.attempt() <= failTimes) {
            throw new DemoFailure("demo.fail: attempt " + context.attempt() + " fails on purpose"
                    + (always ? " (always)" : " (failTimes=" + failTimes + ")"));
        }
        return JSON.createObjectBuilder()
                .add("succeededOnAttempt", context.attempt())
                .build();
    }

    /** The failure demo.fail throws. */
    public static class DemoFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DemoFailure(String message) {
            super(message);
        }
    }
}
