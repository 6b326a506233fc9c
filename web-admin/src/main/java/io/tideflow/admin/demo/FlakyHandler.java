package io.tideflow.admin.demo;

import io.tideflow.queue.api.EnabledByConfig;
import io.tideflow.queue.api.TaskContext;
import io.tideflow.queue.api.TaskHandler;
import io.tideflow.queue.api.TaskType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.spi.JsonProvider;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * {@code demo.flaky}: calls a pretend downstream system that is down for the first {@value #DOWN_SECONDS} seconds of
 * every minute. Submitted in the group {@code demo-flaky} (a rate limit and a breaker, see {@link DemoConfigSource}),
 * a stream of these tasks opens the group's breaker while the downstream is down and closes it once a probe succeeds.
 */
@ApplicationScoped
@TaskType("demo.flaky")
@EnabledByConfig("tideflow.demo.enabled")
public class FlakyHandler implements TaskHandler {

    // jakarta.json.Json's factories look the provider up through the ServiceLoader on every call
    private static final JsonProvider JSON = JsonProvider.provider();

    static final int DOWN_SECONDS = 20;
    private final Clock clock = Clock.system(ZoneOffset.UTC);

    @Override
    public Object handle(TaskContext context) {
        int second = LocalTime.now(clock).getSecond();
        if (second < DOWN_SECONDS) {
            throw new FailHandler.DemoFailure("demo.flaky: the downstream is down (second " + second
                    + " of the minute; it is down for the first " + DOWN_SECONDS + ")");
        }
        return JSON.createObjectBuilder().add("servedAtSecond", second).build();
    }
}
