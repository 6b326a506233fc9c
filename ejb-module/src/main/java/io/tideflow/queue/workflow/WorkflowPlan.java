package io.tideflow.queue.workflow;

import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskRequest;
import io.tideflow.queue.api.workflow.OnPredecessorFailure;
import io.tideflow.queue.api.workflow.WorkflowRequest;
import io.tideflow.queue.api.workflow.WorkflowStep;
import io.tideflow.queue.api.workflow.Workflows;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A workflow submission checked and resolved: every step named once, every predecessor a step of the workflow (by name
 * or by {@code prefix*}) or a task that exists, no cycle. A refusal names the step and the field, as in
 * {@code steps[3].after[0]}.
 *
 * @param steps the steps in the order they were given
 */
record WorkflowPlan(String name, List<PlannedStep> steps) {

    static final Pattern STEP_NAME = Pattern.compile("[A-Za-z0-9._/-]{1,100}");

    /**
     * A step with its predecessors resolved.
     *
     * @param afterSteps the steps of this workflow it waits for
     * @param afterTasks the tasks submitted before that it waits for
     */
    record PlannedStep(
            String step,
            TaskRequest task,
            Set<String> afterSteps,
            Set<TaskId> afterTasks,
            OnPredecessorFailure onFailure) {

        boolean waits() {
            return !afterSteps.isEmpty() || !afterTasks.isEmpty();
        }
    }

    /**
     * @param existing which of the given ids are tasks (asked once, for every id the steps name)
     */
    static WorkflowPlan of(WorkflowRequest request, Function<List<TaskId>, List<TaskId>> existing) {
        if (request == null) {
            throw new InvalidTaskRequestException("request", "is missing");
        }
        String name = request.name();
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidTaskRequestException("name", "must be 1 to 200 characters");
        }
        List<WorkflowStep> steps = request.steps();
        if (steps.isEmpty() || steps.size() > Workflows.MAX_STEPS) {
            throw new InvalidTaskRequestException(
                    "steps", "must hold 1 to " + Workflows.MAX_STEPS + " steps, got " + steps.size());
        }
        Map<String, Integer> index = namesOf(steps);
        List<PlannedStep> planned = new ArrayList<>(steps.size());
        Map<TaskId, String> outside = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            planned.add(resolve(steps.get(i), i, index, outside));
        }
        requireExisting(outside, existing);
        refuseCycles(planned, index);
        return new WorkflowPlan(name, planned);
    }

    private static Map<String, Integer> namesOf(List<WorkflowStep> steps) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            WorkflowStep step = steps.get(i);
            if (step == null) {
                throw new InvalidTaskRequestException("steps[" + i + "]", "is missing");
            }
            if (step.step() == null || !STEP_NAME.matcher(step.step()).matches()) {
                throw new InvalidTaskRequestException(
                        "steps[" + i + "].step", "must be 1 to 100 letters, digits, '.', '-', '_' or '/'");
            }
            Integer first = index.putIfAbsent(step.step(), i);
            if (first != null) {
                throw new InvalidTaskRequestException(
                        "steps[" + i + "].step", "'" + step.step() + "' is also the name of steps[" + first + "]");
            }
            if (step.task() == null) {
                throw new InvalidTaskRequestException("steps[" + i + "].task", "is missing");
            }
            if (step.task().idempotencyKey() != null) {
                throw new InvalidTaskRequestException(
                        "steps[" + i + "].task.idempotencyKey",
                        "a workflow's steps take no idempotency key: the workflow is submitted as one");
            }
        }
        return index;
    }

    private static PlannedStep resolve(
            WorkflowStep step, int i, Map<String, Integer> index, Map<TaskId, String> outside) {
        Set<String> afterSteps = new LinkedHashSet<>();
        Set<TaskId> afterTasks = new LinkedHashSet<>();
        for (int j = 0; j < step.after().size(); j++) {
            String field = "steps[" + i + "].after[" + j + "]";
            String after = step.after().get(j);
            if (after == null || after.isBlank()) {
                throw new InvalidTaskRequestException(field, "is empty");
            }
            if (after.endsWith("*")) {
                String prefix = after.substring(0, after.length() - 1);
                List<String> matched = index.keySet().stream()
                        .filter(other -> other.startsWith(prefix) && !other.equals(step.step()))
                        .sorted()
                        .toList();
                if (matched.isEmpty()) {
                    throw new InvalidTaskRequestException(
                            field, "'" + after + "' matches no other step of this workflow");
                }
                afterSteps.addAll(matched);
            } else if (index.containsKey(after)) {
                afterSteps.add(after);
            } else {
                TaskId task = taskIdOrNull(after);
                if (task == null) {
                    throw new InvalidTaskRequestException(
                            field, "'" + after + "' is neither a step of this workflow nor a task id");
                }
                afterTasks.add(task);
                outside.putIfAbsent(task, field);
            }
        }
        OnPredecessorFailure onFailure = step.onFailure() == null ? OnPredecessorFailure.CANCEL : step.onFailure();
        return new PlannedStep(step.step(), step.task(), afterSteps, afterTasks, onFailure);
    }

    private static TaskId taskIdOrNull(String text) {
        try {
            return TaskId.of(text);
        } catch (RuntimeException notAnId) {
            return null;
        }
    }

    private static void requireExisting(Map<TaskId, String> outside, Function<List<TaskId>, List<TaskId>> existing) {
        if (outside.isEmpty()) {
            return;
        }
        Set<TaskId> found = new HashSet<>(existing.apply(List.copyOf(outside.keySet())));
        for (Map.Entry<TaskId, String> named : outside.entrySet()) {
            if (!found.contains(named.getKey())) {
                throw new InvalidTaskRequestException(named.getValue(), "no task has the id " + named.getKey());
            }
        }
    }

    /** Kahn's algorithm: the steps it cannot order are on a cycle, or wait for one; the refusal names one cycle. */
    private static void refuseCycles(List<PlannedStep> steps, Map<String, Integer> index) {
        Map<String, Integer> waitingFor = new HashMap<>();
        Map<String, List<String>> dependants = new HashMap<>();
        for (PlannedStep step : steps) {
            waitingFor.put(step.step(), step.afterSteps().size());
            for (String predecessor : step.afterSteps()) {
                dependants.computeIfAbsent(predecessor, p -> new ArrayList<>()).add(step.step());
            }
        }
        Deque<String> ready = new ArrayDeque<>();
        waitingFor.forEach((step, count) -> {
            if (count == 0) {
                ready.add(step);
            }
        });
        int ordered = 0;
        while (!ready.isEmpty()) {
            String step = ready.poll();
            ordered++;
            for (String dependant : dependants.getOrDefault(step, List.of())) {
                if (waitingFor.merge(dependant, -1, Integer::sum) == 0) {
                    ready.add(dependant);
                }
            }
        }
        if (ordered == steps.size()) {
            return;
        }
        List<String> cycle = aCycle(steps, waitingFor, index);
        int at = index.get(cycle.get(0));
        throw new InvalidTaskRequestException(
                "steps[" + at + "].after", "the steps wait for each other in a cycle: " + String.join(" -> ", cycle));
    }

    /** Follows unfinished predecessors from an unordered step until a step repeats: that loop is a cycle. */
    private static List<String> aCycle(
            List<PlannedStep> steps, Map<String, Integer> waitingFor, Map<String, Integer> index) {
        Map<String, PlannedStep> byName = new TreeMap<>();
        steps.forEach(step -> byName.put(step.step(), step));
        String current = byName.keySet().stream()
                .filter(step -> waitingFor.get(step) > 0)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no unordered step; this indicates a bug"));
        List<String> path = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        while (!seen.containsKey(current)) {
            seen.put(current, path.size());
            path.add(current);
            current = byName.get(current).afterSteps().stream()
                    .filter(predecessor -> waitingFor.get(predecessor) > 0)
                    .findFirst()
                    .orElseThrow(
                            () -> new IllegalStateException("an unordered step without one; this indicates a bug"));
        }
        List<String> cycle = new ArrayList<>(path.subList(seen.get(current), path.size()));
        cycle.add(current);
        Collections.reverse(cycle);
        return cycle;
    }
}
