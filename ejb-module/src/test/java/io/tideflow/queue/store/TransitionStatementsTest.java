package io.tideflow.queue.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideflow.queue.model.Transition;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TransitionStatementsTest {

    @ParameterizedTest
    @EnumSource(
            value = Transition.class,
            mode = EnumSource.Mode.EXCLUDE,
            names = {"ENQUEUE", "CLAIM"})
    void eachUpdateSetsItsTargetStateAndIsConditionalOnItsSourceState(Transition transition) {
        String sql = TransitionStatements.update(transition);
        assertThat(sql)
                .startsWith("UPDATE tasks SET state = '" + transition.to() + "', ")
                .contains(" WHERE id = ? AND state = '" + transition.from() + "'");
        assertThat(sql.contains("lease_token = ?"))
                .as("fenced by the lease token")
                .isEqualTo(transition.isFenced());
    }

    @Test
    void everyTransitionButTheClaimAndTheEnqueueHasASingleTaskUpdate() {
        assertThat(TransitionStatements.defined())
                .containsExactlyInAnyOrderElementsOf(
                        EnumSet.complementOf(EnumSet.of(Transition.ENQUEUE, Transition.CLAIM)));
        assertThatThrownBy(() -> TransitionStatements.update(Transition.CLAIM))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CLAIM");
    }

    @Test
    void theClaimIsMadeFromItsTransitionToo() {
        assertThat(ClaimStatement.SET).startsWith("UPDATE tasks SET state = 'RUNNING', ");
        assertThat(ClaimStatement.DUE).startsWith("state = 'PENDING' ");
    }
}
