package io.tideflow.it.support;

import io.tideflow.queue.api.TaskContext;
import io.tideflow.queue.api.TaskHandler;
import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.TaskType;
import io.tideflow.queue.api.workflow.PredecessorView;
import io.tideflow.queue.api.workflow.Workflows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * {@code it.fan-in}: the step after a fan-out, as docs/recurring-and-workflows.md shows it: reads its predecessors and
 * returns how many there were, how many completed, and the sum of their results' {@code n}; records an effect per run
 * (marker: its task id), so that a test sees it ran once.
 */
@ApplicationScoped
@TaskType("it.fan-in")
public class FanInHandler implements TaskHandler {

    @Inject
    Workflows workflows;

    @Inject
    EffectsTable effects;

    @Override
    public Object handle(TaskContext context) throws Exception {
        List<PredecessorView> predecessors = workflows.predecessorsOf(context.id());
        long completed = predecessors.stream()
                .filter(p -> p.state() == TaskState.COMPLETED)
                .count();
        long sum = predecessors.stream()
                .filter(p -> p.resultJson() != null && p.resultJson().contains("\"n\""))
                .mapToLong(p -> Long.parseLong(p.resultJson().replaceAll(".*\"n\"\\s*:\\s*(\\d+).*", "$1")))
                .sum();
        effects.write(context.id().value(), context.attempt());
        return Map.of("predecessors", predecessors.size(), "completed", completed, "sum", sum);
    }
}
