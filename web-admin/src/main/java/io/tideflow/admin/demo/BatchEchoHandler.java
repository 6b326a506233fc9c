package io.tideflow.admin.demo;

import io.tideflow.queue.api.BatchTaskHandler;
import io.tideflow.queue.api.EnabledByConfig;
import io.tideflow.queue.api.TaskContext;
import io.tideflow.queue.api.TaskType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.List;

/**
 * {@code demo.batch-echo}: run in chunks of up to 50; each task's result is its payload and the size of the chunk it
 * ran in, so that a newcomer sees the chunks form.
 */
@ApplicationScoped
@TaskType("demo.batch-echo")
@EnabledByConfig("tideflow.demo.enabled")
public class BatchEchoHandler implements BatchTaskHandler {

    // jakarta.json.Json's factories look the provider up through the ServiceLoader on every call
    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    public List<?> handle(List<TaskContext> tasks) {
        return tasks.stream()
                .map(task -> JSON.createObjectBuilder()
                        .add("payload", task.payload(JsonValue.class))
                        .add("chunkSize", tasks.size())
                        .build())
                .toList();
    }

    @Override
    public int batchSize() {
        return 50;
    }
}
