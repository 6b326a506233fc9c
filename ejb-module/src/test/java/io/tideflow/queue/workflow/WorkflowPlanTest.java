package io.tideflow.queue.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskRequest;
import io.tideflow.queue.api.workflow.OnPredecessorFailure;
import io.tideflow.queue.api.workflow.WorkflowRequest;
import io.tideflow.queue.api.workflow.WorkflowStep;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A submission's steps checked and their predecessors resolved; every refusal names the step and the field. */
class WorkflowPlanTest {

    private static final TaskId KNOWN = TaskId.of("01a22059-3c17-7000-9c96-93f097f659f3");
    private static final TaskId UNKNOWN = TaskId.of("01a22059-3c17-7000-9c96-93f097f659f4");
    private static final Function<List<TaskId>, List<TaskId>> STORE =
            ids -> ids.stream().filter(KNOWN::equals).toList();

    private static TaskRequest echo() {
        return TaskRequest.ofType("demo.echo").build();
    }

    private static WorkflowPlan plan(WorkflowStep... steps) {
        return WorkflowPlan.of(new WorkflowRequest("test", List.of(steps)), STORE);
    }

    private static void refused(String field, String problem, WorkflowStep... steps) {
        assertThatThrownBy(() -> plan(steps))
                .isInstanceOfSatisfying(
                        InvalidTaskRequestException.class,
                        e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining(problem);
    }

    @Test
    void aChainResolvesEachStepToItsPredecessor() {
        WorkflowPlan plan = plan(
                WorkflowStep.of("a", echo()),
                WorkflowStep.after("b", echo(), "a"),
                WorkflowStep.after("c", echo(), "b", KNOWN.value()));

        assertThat(plan.steps().get(0).waits()).isFalse();
        assertThat(plan.steps().get(1).afterSteps()).containsExactly("a");
        assertThat(plan.steps().get(2).afterSteps()).containsExactly("b");
        assertThat(plan.steps().get(2).afterTasks()).containsExactly(KNOWN);
        assertThat(plan.steps().get(2).onFailure()).isEqualTo(OnPredecessorFailure.CANCEL);
    }

    @Test
    void aPrefixWildcardIsAFanInOverEveryOtherStepItNames() {
        List<WorkflowStep> steps = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            steps.add(WorkflowStep.of("part/" + i, echo()));
        }
        steps.add(new WorkflowStep("part/join", echo(), List.of("part/*"), OnPredecessorFailure.RUN));

        WorkflowPlan plan = WorkflowPlan.of(new WorkflowRequest("fan", steps), STORE);

        WorkflowPlan.PlannedStep join = plan.steps().get(1_000);
        assertThat(join.afterSteps()).hasSize(1_000).doesNotContain("part/join");
        assertThat(join.onFailure()).isEqualTo(OnPredecessorFailure.RUN);
    }

    @Test
    void aCycleIsRefusedNamingItsSteps() {
        refused(
                "steps[1].after",
                "b -> c -> b",
                WorkflowStep.of("a", echo()),
                WorkflowStep.after("b", echo(), "a", "c"),
                WorkflowStep.after("c", echo(), "b"));
        refused("steps[0].after", "a -> a", WorkflowStep.after("a", echo(), "a"));
    }

    @Test
    void unknownPredecessorsAreRefusedNamingTheEntry() {
        refused(
                "steps[1].after[0]",
                "'x' is neither a step of this workflow nor a task id",
                WorkflowStep.of("a", echo()),
                WorkflowStep.after("b", echo(), "x"));
        refused(
                "steps[1].after[1]",
                "no task has the id " + UNKNOWN,
                WorkflowStep.of("a", echo()),
                WorkflowStep.after("b", echo(), "a", UNKNOWN.value()));
        refused(
                "steps[1].after[0]",
                "matches no other step",
                WorkflowStep.of("a", echo()),
                WorkflowStep.after("b", echo(), "z*"));
    }

    @Test
    void badStepsAreRefusedNamingTheStep() {
        refused(
                "steps[1].step",
                "is also the name of steps[0]",
                WorkflowStep.of("a", echo()),
                WorkflowStep.of("a", echo()));
        refused("steps[0].step", "must be 1 to 100", WorkflowStep.of("a b", echo()));
        refused("steps[0].task", "is missing", WorkflowStep.of("a", null));
        refused(
                "steps[0].task.idempotencyKey",
                "take no idempotency key",
                WorkflowStep.of(
                        "a", TaskRequest.ofType("demo.echo").idempotencyKey("k").build()));
        assertThatThrownBy(() ->
                        WorkflowPlan.of(new WorkflowRequest(" ", List.of(WorkflowStep.of("a", echo()))), STORE))
                .isInstanceOfSatisfying(
                        InvalidTaskRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> WorkflowPlan.of(new WorkflowRequest("empty", List.of()), STORE))
                .isInstanceOfSatisfying(
                        InvalidTaskRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("steps"));
    }
}
