package io.tideflow.queue.enqueue;

import io.tideflow.queue.api.TaskId;
import java.time.Clock;
import java.util.List;

/** Task ids as the engine makes them, each one recorded as a step of the flow. */
final class RecordingIds extends TaskIdGenerator {
    private final List<String> steps;

    RecordingIds(Clock clock, List<String> steps) {
        super(clock);
        this.steps = steps;
    }

    @Override
    public TaskId next() {
        steps.add("assign-id");
        return super.next();
    }
}
