package io.tideflow.it.support;

import io.tideflow.queue.api.TaskContext;
import io.tideflow.queue.api.TaskHandler;
import io.tideflow.queue.api.TaskType;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Timeout;

/** Takes five seconds where its own timeout allows 200 ms. */
@ApplicationScoped
@TaskType("it.ft-timeout")
public class FaultToleranceTimeoutHandler implements TaskHandler {

    @Override
    @Timeout(200)
    public Object handle(TaskContext context) throws InterruptedException {
        Thread.sleep(5_000);
        return null;
    }
}
