package io.tideflow.queue.health;

import io.tideflow.queue.config.EngineSettings;
import io.tideflow.queue.dispatch.TaskDispatcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive unless the dispatcher is stuck: its fallback poll has not run for ten poll intervals (at least 30 s), or one
 * dispatch pass has been running for over a minute (a claim waiting on a lock that is never released, say).
 */
@Liveness
@ApplicationScoped
public class EngineLiveness implements HealthCheck {

    private static final Duration MIN_POLL_SILENCE = Duration.ofSeconds(30);
    private static final Duration MAX_PASS = Duration.ofMinutes(1);

    @Inject
    TaskDispatcher dispatcher;

    @Inject
    EngineSettings settings;

    @Inject
    Clock clock;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("tideflow-live").withData("node", settings.nodeId());
        Optional<TaskDispatcher.Vitals> vitals = dispatcher.vitals();
        if (vitals.isEmpty()) {
            // a submit-only node, or one still starting: nothing that could be stuck
            return response.up().build();
        }
        Duration silence = Duration.between(vitals.get().lastPoll(), clock.instant());
        Duration allowedSilence = max(settings.pollInterval().multipliedBy(10), MIN_POLL_SILENCE);
        Duration pass = vitals.get().currentPass();
        response.withData("lastPoll", vitals.get().lastPoll().toString())
                .withData("currentPassMillis", pass.toMillis());
        return response.status(silence.compareTo(allowedSilence) <= 0 && pass.compareTo(MAX_PASS) <= 0)
                .build();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
