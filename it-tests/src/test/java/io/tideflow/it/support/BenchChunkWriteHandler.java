package io.tideflow.it.support;

import io.tideflow.queue.api.BatchTaskHandler;
import io.tideflow.queue.api.TaskContext;
import io.tideflow.queue.api.TaskType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** For the chunk benchmark: chunks of up to 100 tasks, one row written per task in the chunk's transaction. */
@ApplicationScoped
@TaskType("it.bench-chunk-write")
public class BenchChunkWriteHandler implements BatchTaskHandler {

    @Inject
    EffectsTable effects;

    @Override
    public List<?> handle(List<TaskContext> tasks) throws Exception {
        List<Object> results = new ArrayList<>();
        for (TaskContext task : tasks) {
            effects.write("bench", task.attempt());
            results.add(null);
        }
        return results;
    }

    @Override
    public Duration maxWait() {
        return Duration.ofMillis(20);
    }
}
