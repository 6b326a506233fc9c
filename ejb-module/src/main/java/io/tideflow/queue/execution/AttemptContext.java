package io.tideflow.queue.execution;

import io.tideflow.queue.api.TaskContext;
import jakarta.json.bind.Jsonb;
import java.time.Instant;

/** The {@link TaskContext} of one running attempt. */
final class AttemptContext extends LeasedTaskContext {

    private final RunningAttempt attempt;

    AttemptContext(RunningAttempt attempt, Jsonb jsonb) {
        super(attempt.task(), jsonb);
        this.attempt = attempt;
    }

    @Override
    public Instant deadline() {
        return attempt.deadline();
    }

    @Override
    public boolean isCancellationRequested() {
        return attempt.isCancelRequested() || attempt.isStoppingForShutdown();
    }
}
