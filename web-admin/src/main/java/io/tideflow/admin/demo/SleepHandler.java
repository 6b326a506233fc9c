package io.tideflow.admin.demo;

import io.tideflow.queue.api.EnabledByConfig;
import io.tideflow.queue.api.TaskCancelledException;
import io.tideflow.queue.api.TaskContext;
import io.tideflow.queue.api.TaskHandler;
import io.tideflow.queue.api.TaskType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.util.concurrent.TimeUnit;

/**
 * {@code demo.sleep}: {@code {"ms": n}} waits n milliseconds (at most 10 minutes), then returns how long it slept.
 * It stops early, and the task ends CANCELLED, when an operator cancels it.
 */
@ApplicationScoped
@TaskType("demo.sleep")
@EnabledByConfig("tideflow.demo.enabled")
public class SleepHandler implements TaskHandler {

    // jakarta.json.Json's factories look the provider up through the ServiceLoader on every call
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final long MAX_MS = TimeUnit.MINUTES.toMillis(10);
    private static final long SLICE_MS = 50;

    @Override
    public Object handle(TaskContext context) throws InterruptedException {
        JsonObject payload = context.payload(JsonObject.class);
        long ms = payload == null || payload.getJsonNumber("ms") == null
                ? 0
                : payload.getJsonNumber("ms").longValue();
        if (ms < 0 || ms > MAX_MS) {
            throw new IllegalArgumentException("demo.sleep: ms must be between 0 and " + MAX_MS + ", got " + ms);
        }
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        for (long left = ms; left > 0; left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())) {
            if (context.isCancellationRequested()) {
                throw new TaskCancelledException(context.id());
            }
            TimeUnit.MILLISECONDS.sleep(Math.min(left, SLICE_MS));
        }
        return JSON.createObjectBuilder().add("sleptMs", ms).build();
    }
}
