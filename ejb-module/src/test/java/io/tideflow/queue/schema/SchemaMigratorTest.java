package io.tideflow.queue.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideflow.queue.api.TideflowException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigratorTest {

    private final EmbeddedDataSource dataSource = new EmbeddedDataSource();

    SchemaMigratorTest() {
        dataSource.setDatabaseName("memory:migrator-" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
    }

    @Test
    void migrationsApplyOnceAndASecondRunAppliesNothing() {
        SchemaMigrator migrator = new SchemaMigrator(dataSource, getClass().getClassLoader(), Clock.systemUTC());
        assertThat(migrator.migrate())
                .containsExactly(
                        "V001__create_tasks.sql",
                        "V002__task_events_and_cancel_requests.sql",
                        "V003__nodes.sql",
                        "V004__resource_groups.sql",
                        "V005__circuit_breakers.sql",
                        "V006__metric_history.sql",
                        "V007__alerts.sql",
                        "V008__one_requeue_per_dead_letter.sql",
                        "V009__alert_deliveries.sql",
                        "V010__group_claim_index.sql",
                        "V011__group_actions.sql",
                        "V012__node_workers.sql",
                        "V013__task_state_updated_index.sql",
                        "V014__state_indexes_carry_the_group.sql",
                        "V015__batch_executions.sql",
                        "V016__recurring_schedules.sql",
                        "V017__workflows.sql",
                        "V018__metric_minutes_name_their_writer.sql",
                        "V019__insights.sql",
                        "V020__running_tasks_found_through_the_state.sql",
                        "V021__a_result_row_only_for_a_result.sql",
                        "V022__history_without_a_foreign_key.sql");
        assertThat(migrator.migrate()).isEmpty();
    }

    @Test
    void aMigrationEditedAfterItWasAppliedStopsTheDeployment(@TempDir Path dir) throws Exception {
        new SchemaMigrator(dataSource, getClass().getClassLoader(), Clock.systemUTC()).migrate();
        Path folder = Files.createDirectories(dir.resolve("META-INF/tideflow/schema/derby"));
        Files.writeString(folder.resolve("index.list"), "V001__create_tasks.sql\n");
        Files.writeString(folder.resolve("V001__create_tasks.sql"), "CREATE TABLE edited (id INT);\n");
        try (URLClassLoader edited = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> new SchemaMigrator(dataSource, edited, Clock.systemUTC()).migrate())
                    .isInstanceOf(TideflowException.class)
                    .hasMessageContaining("V001__create_tasks.sql was changed after it was applied");
        }
    }

    @Test
    void statementsSplitAtSemicolonsEndingALineAndSkipComments() {
        assertThat(Migration.statementsOf("-- a comment\nCREATE TABLE a (x INT);\n\nCREATE INDEX i\n ON a (x);\n"))
                .containsExactly("CREATE TABLE a (x INT)", "CREATE INDEX i\n ON a (x)");
        assertThatThrownBy(() -> Migration.statementsOf("CREATE TABLE a (x INT)"))
                .hasMessageContaining("ends without ';'");
        assertThatThrownBy(() -> Migration.versionOf("create.sql")).hasMessageContaining("V<number>__");
    }

    @Test
    void onlyDerbyAndPostgresqlAreKnown() {
        assertThat(DatabaseDialect.of("Apache Derby")).isEqualTo(DatabaseDialect.DERBY);
        assertThat(DatabaseDialect.of("PostgreSQL")).isEqualTo(DatabaseDialect.POSTGRESQL);
        assertThatThrownBy(() -> DatabaseDialect.of("MySQL")).hasMessageContaining("'MySQL' is not supported");
    }
}
