package io.tideflow.admin.demo;

import io.tideflow.queue.api.EnabledByConfig;
import io.tideflow.queue.api.TaskContext;
import io.tideflow.queue.api.TaskHandler;
import io.tideflow.queue.api.TaskType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonValue;

/** {@code demo.echo}: returns its payload as the result. */
@ApplicationScoped
@TaskType("demo.echo")
@EnabledByConfig("tideflow.demo.enabled")
public class EchoHandler implements TaskHandler {

    @Override
    public Object handle(TaskContext context) {
        return context.payload(JsonValue.class);
    }
}
