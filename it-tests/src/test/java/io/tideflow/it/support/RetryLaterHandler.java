package io.tideflow.it.support;

import io.tideflow.queue.api.RetryTaskAt;
import io.tideflow.queue.api.TaskContext;
import io.tideflow.queue.api.TaskHandler;
import io.tideflow.queue.api.TaskType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** A business decision: the first attempt asks to be tried again in two seconds; the second succeeds. */
@ApplicationScoped
@TaskType("it.retry-later")
public class RetryLaterHandler implements TaskHandler {

    @Override
    public Object handle(TaskContext context) {
        if (context.attempt() == 1) {
            throw RetryTaskAt.after(Duration.ofSeconds(2), "the partner asked to be called back later");
        }
        return context.attempt();
    }
}
