package io.tideflow.it.support;

import io.tideflow.queue.api.BatchTaskHandler;
import io.tideflow.queue.api.TaskContext;
import io.tideflow.queue.api.TaskType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs in chunks of up to 10 tasks of one group and one {@code "key"} of the payload: writes a row per task in the
 * chunk's transaction, sleeps for the longest {@code "sleepMs"} of its tasks (a chunk a crash can land in), waits until
 * the test opens the {@link Gates gate} named by a task's {@code "gate"} (at most a minute), then fails
 * the whole chunk when one of its tasks is {@code "poison": true}; each result says how many tasks shared the call and
 * their keys.
 */
@ApplicationScoped
@TaskType("it.chunk-write")
public class ChunkWriteHandler implements BatchTaskHandler {

    @Inject
    EffectsTable effects;

    @Inject
    Gates gates;

    @Override
    public List<?> handle(List<TaskContext> tasks) throws Exception {
        List<JsonObject> results = new ArrayList<>();
        for (TaskContext task : tasks) {
            JsonObject payload = task.payload(JsonObject.class);
            effects.write(payload.getString("marker"), task.attempt());
            results.add(Json.createObjectBuilder()
                    .add("chunkSize", tasks.size())
                    .add("key", payload.getString("key", ""))
                    .add("group", task.group())
                    .build());
        }
        long sleepMs = tasks.stream()
                .mapToLong(task -> task.payload(JsonObject.class).getJsonNumber("sleepMs") == null
                        ? 0
                        : task.payload(JsonObject.class)
                                .getJsonNumber("sleepMs")
                                .longValue())
                .max()
                .orElse(0);
        Thread.sleep(sleepMs);
        for (TaskContext task : tasks) {
            String gate = task.payload(JsonObject.class).getString("gate", null);
            if (gate != null && !gates.passAfterOpened(gate, Duration.ofMinutes(1))) {
                throw new IllegalStateException("gate '" + gate + "' was not opened within a minute");
            }
        }
        for (TaskContext task : tasks) {
            if (task.payload(JsonObject.class).getBoolean("poison", false)) {
                throw new IllegalStateException("poisoned chunk: task " + task.id() + " cannot be processed");
            }
        }
        return results;
    }

    @Override
    public int batchSize() {
        return 10;
    }

    @Override
    public Duration maxWait() {
        return Duration.ofMillis(300);
    }

    @Override
    public String similarityKey(TaskContext task) {
        return task.payload(JsonObject.class).getString("key", "");
    }
}
