package io.tideflow.it.support;

import io.tideflow.queue.api.BatchTaskHandler;
import io.tideflow.queue.api.TaskContext;
import io.tideflow.queue.api.TaskType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** For the chunk benchmark: chunks of up to 100 tasks that do nothing; what is measured is the chunk path alone. */
@ApplicationScoped
@TaskType("it.bench-chunk-noop")
public class BenchChunkNoOpHandler implements BatchTaskHandler {

    @Override
    public List<?> handle(List<TaskContext> tasks) {
        return Arrays.asList(new Object[tasks.size()]);
    }

    @Override
    public Duration maxWait() {
        return Duration.ofMillis(20);
    }
}
