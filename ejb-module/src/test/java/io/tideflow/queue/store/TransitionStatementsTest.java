package io.tideflow.queue.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideflow.queue.model.Transition;
import io.tideflow.queue.schema.DatabaseDialect;
import io.tideflow.queue.sql.SqlCatalog;
import io.tideflow.queue.sql.SqlStatement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TransitionStatementsTest {

    @ParameterizedTest
    @EnumSource(DatabaseDialect.class)
    void everyCatalogAgreesWithTheTransitionModel(DatabaseDialect database) {
        // StoreDialect.of refuses a catalog that disagrees; building it is the check
        StoreDialect dialect = StoreDialect.of(database);
        List<String> claims = database == DatabaseDialect.DERBY
                ? List.of("claim.take")
                : List.of("claim.due", "claim.dueInGroup", "claim.dueOfTypesInGroup");
        assertThat(TransitionStatements.disagreements(dialect.statements(), claims))
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DatabaseDialect.class)
    void everyTransitionButTheClaimAndTheEnqueuesHasASingleTaskUpdate(DatabaseDialect database) {
        SqlCatalog catalog = SqlCatalog.of(database.folder());
        assertThat(TransitionStatements.singleTask())
                .containsExactlyInAnyOrderElementsOf(EnumSet.complementOf(
                        EnumSet.of(Transition.ENQUEUE, Transition.ENQUEUE_WAITING, Transition.CLAIM)));
        for (Transition transition : TransitionStatements.singleTask()) {
            assertThat(catalog.get(TransitionStatements.nameOf(transition)).sql())
                    .startsWith("UPDATE tasks SET state = '" + transition.to() + "'");
        }
        assertThat(TransitionStatements.nameOf(Transition.DEAD_LETTER_FAILED)).isEqualTo("transition.deadLetterFailed");
    }

    @ParameterizedTest
    @EnumSource(
            value = Transition.class,
            names = {"COMPLETE", "PROMOTE"})
    void aStatementThatDisagreesWithItsTransitionIsNamedWithEveryProblem(Transition transition) {
        // the wrong target, the wrong source, and the fencing turned around
        SqlStatement wrong = new SqlStatement(
                "transition.broken",
                "UPDATE tasks SET state = 'ARCHIVED', updated_at = ? WHERE id = ? AND state = 'ARCHIVED'"
                        + (transition.isFenced() ? "" : " AND lease_token = ?"),
                transition.isFenced() ? 2 : 3,
                0);
        List<String> problems = new ArrayList<>();
        TransitionStatements.check(wrong, transition, problems);
        assertThat(problems)
                .hasSize(3)
                .allMatch(problem -> problem.startsWith("transition.broken ") && problem.contains(transition.name()));
    }

    @ParameterizedTest
    @EnumSource(DatabaseDialect.class)
    void anUnknownStatementNameIsABugThatNamesTheCatalog(DatabaseDialect database) {
        assertThatThrownBy(() -> SqlCatalog.of(database.folder()).get("task.nothing"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("task.nothing")
                .hasMessageContaining(database.folder() + ".sql");
    }
}
