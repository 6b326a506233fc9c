package io.tideflow.queue.model;

import static io.tideflow.queue.api.TaskState.ARCHIVED;
import static io.tideflow.queue.api.TaskState.CANCELLED;
import static io.tideflow.queue.api.TaskState.COMPLETED;
import static io.tideflow.queue.api.TaskState.DEAD_LETTER;
import static io.tideflow.queue.api.TaskState.FAILED;
import static io.tideflow.queue.api.TaskState.PENDING;
import static io.tideflow.queue.api.TaskState.RUNNING;
import static io.tideflow.queue.api.TaskState.WAITING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideflow.queue.api.IllegalTransitionException;
import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskState;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class TaskTransitionsTest {

    /** The design's table, written out independently of the production table. */
    private static final Set<String> DESIGN = Set.of(
            "PENDING>RUNNING",
            "PENDING>CANCELLED",
            "RUNNING>COMPLETED",
            "RUNNING>FAILED",
            "COMPLETED>ARCHIVED",
            "FAILED>PENDING",
            "FAILED>DEAD_LETTER",
            "CANCELLED>ARCHIVED");

    /** The edges the engine takes beyond the design, each documented in docs/how-it-works.md. */
    private static final Set<String> EXTENSIONS = Set.of(
            "RUNNING>PENDING",
            "RUNNING>CANCELLED",
            "FAILED>CANCELLED",
            // workflows: a step waits for its predecessors
            "WAITING>PENDING",
            "WAITING>CANCELLED");

    static Stream<Arguments> everyPairOfStates() {
        return Stream.of(TaskState.values())
                .flatMap(from -> Stream.of(TaskState.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPairOfStates")
    void everyPairIsAllowedExactlyWhenTheDesignOrADocumentedExtensionAllowsIt(TaskState from, TaskState to) {
        boolean expected = DESIGN.contains(from + ">" + to) || EXTENSIONS.contains(from + ">" + to);
        assertThat(TaskTransitions.isAllowed(from, to)).isEqualTo(expected);
        TaskId id = TaskId.of("01a22059-3c17-7000-9c96-93f097f659f3");
        if (expected) {
            assertThatCode(() -> TaskTransitions.requireAllowed(id, "t", from, to))
                    .doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> TaskTransitions.requireAllowed(id, "t", from, to))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessageContaining(id.value())
                    .hasMessageContaining("'t'")
                    .hasMessageContaining(from + " to " + to);
        }
    }

    @ParameterizedTest
    @MethodSource("terminalStates")
    void terminalStatesHaveNoWayOut(TaskState state) {
        assertThat(state.isTerminal()).isTrue();
        assertThat(TaskTransitions.targetsOf(state)).isEmpty();
    }

    static Stream<TaskState> terminalStates() {
        return Stream.of(ARCHIVED, DEAD_LETTER);
    }

    @ParameterizedTest
    @MethodSource("liveStates")
    void everyOtherStateHasAWayOut(TaskState state) {
        assertThat(state.isTerminal()).isFalse();
        assertThat(TaskTransitions.targetsOf(state)).isNotEmpty();
    }

    static Stream<TaskState> liveStates() {
        return Stream.of(WAITING, PENDING, RUNNING, COMPLETED, FAILED, CANCELLED);
    }

    @ParameterizedTest
    @EnumSource(Transition.class)
    void aTransitionIsMarkedDesignedExactlyWhenTheDesignHasItsEdge(Transition transition) {
        String edge = transition.from() + ">" + transition.to();
        if (transition == Transition.ENQUEUE) {
            assertThat(transition.from()).isNull();
            assertThat(transition.isDesigned()).isTrue();
        } else if (transition == Transition.ENQUEUE_WAITING) {
            // workflows: a step with predecessors is written WAITING, an extension of the design's enqueue
            assertThat(transition.from()).isNull();
            assertThat(transition.isDesigned()).isFalse();
        } else {
            assertThat(transition.isDesigned()).as(edge).isEqualTo(DESIGN.contains(edge));
            assertThat(DESIGN.contains(edge) || EXTENSIONS.contains(edge))
                    .as(edge)
                    .isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Transition.class,
            names = {"COMPLETE", "FAIL", "RESCUE", "RELEASE", "DEFER", "CANCEL_RUNNING"})
    void everyChangeOfARunningTaskIsFencedByItsLeaseToken(Transition transition) {
        assertThat(transition.from()).isEqualTo(RUNNING);
        assertThat(transition.isFenced()).isTrue();
    }
}
