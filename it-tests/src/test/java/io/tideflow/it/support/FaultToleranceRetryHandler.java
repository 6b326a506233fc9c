package io.tideflow.it.support;

import io.tideflow.queue.api.TaskContext;
import io.tideflow.queue.api.TaskHandler;
import io.tideflow.queue.api.TaskType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.faulttolerance.Retry;

/** Fails its first two calls per task; MicroProfile Fault Tolerance retries it within one attempt. */
@ApplicationScoped
@TaskType("it.ft-retry")
public class FaultToleranceRetryHandler implements TaskHandler {

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    @Override
    @Retry(maxRetries = 3, delay = 10)
    public Object handle(TaskContext context) {
        int call = calls.computeIfAbsent(context.id().value(), id -> new AtomicInteger())
                .incrementAndGet();
        if (call < 3) {
            throw new IllegalStateException("call " + call + " fails");
        }
        return call;
    }
}
