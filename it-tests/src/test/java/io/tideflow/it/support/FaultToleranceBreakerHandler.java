package io.tideflow.it.support;

import io.tideflow.queue.api.TaskContext;
import io.tideflow.queue.api.TaskHandler;
import io.tideflow.queue.api.TaskType;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/** Calls a relay that is down, behind its own circuit breaker, which opens after two failures for a minute. */
@ApplicationScoped
@TaskType("it.ft-breaker")
public class FaultToleranceBreakerHandler implements TaskHandler {

    @Override
    @CircuitBreaker(requestVolumeThreshold = 2, failureRatio = 1.0, delay = 60_000)
    public Object handle(TaskContext context) throws IOException {
        throw new IOException("relay down");
    }
}
