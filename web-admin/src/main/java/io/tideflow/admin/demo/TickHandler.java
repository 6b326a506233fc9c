package io.tideflow.admin.demo;

import io.tideflow.queue.api.EnabledByConfig;
import io.tideflow.queue.api.TaskContext;
import io.tideflow.queue.api.TaskHandler;
import io.tideflow.queue.api.TaskType;
import io.tideflow.queue.api.recurring.Recurring;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;

/**
 * {@code demo.tick}: the quickstart's recurring schedule, once a minute, that says when it ran. Turned on by
 * {@code tideflow.demo.schedule.enabled}, which {@code quickstart.sh} sets, so that servers provisioned alike for other
 * purposes (the integration tests) get no task they did not ask for.
 */
@ApplicationScoped
@TaskType("demo.tick")
@Recurring(name = "demo.every-minute", cron = "* * * * *", payload = "{\"note\": \"once a minute\"}")
@EnabledByConfig("tideflow.demo.schedule.enabled")
public class TickHandler implements TaskHandler {

    @Override
    public Object handle(TaskContext context) {
        return Map.of("tickedAt", Instant.now().toString());
    }
}
