package io.tideflow.queue.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.store.PostgresTestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Schema V021 moves the execution time onto the task and keeps a result row only for a result: a database written by
 * the schema before it keeps every figure it held, on Derby and on PostgreSQL.
 */
class ResultRowMigrationTest {

    private static final String BEFORE = "V020";
    private static final String WITH_RESULT = "00000000-0000-0000-0000-000000000001";
    private static final String WITHOUT_RESULT = "00000000-0000-0000-0000-000000000002";
    private static final String PENDING = "00000000-0000-0000-0000-000000000003";

    @TempDir
    Path dir;

    @Test
    void aDerbyDatabaseOfTheSchemaBeforeKeepsItsResultsAndExecutionTimes() throws Exception {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName("memory:result-rows-" + UUID.randomUUID());
        derby.setCreateDatabase("create");
        migratesKeepingEveryFigure(derby, "derby");
    }

    @Test
    void aPostgresqlDatabaseOfTheSchemaBeforeKeepsItsResultsAndExecutionTimes() throws Exception {
        String schema = "tideflow_migration_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection admin = PostgresTestDatabase.server().getConnection();
                Statement create = admin.createStatement()) {
            create.execute("CREATE SCHEMA " + schema);
        }
        try {
            PGSimpleDataSource postgres = PostgresTestDatabase.server();
            postgres.setCurrentSchema(schema);
            migratesKeepingEveryFigure(postgres, "postgresql");
        } finally {
            try (Connection admin = PostgresTestDatabase.server().getConnection();
                    Statement drop = admin.createStatement()) {
                drop.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private void migratesKeepingEveryFigure(DataSource dataSource, String folder) throws Exception {
        try (URLClassLoader before = schemaUpTo(folder, BEFORE)) {
            new SchemaMigrator(dataSource, before, Clock.systemUTC()).migrate();
        }
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            for (String id : List.of(WITH_RESULT, WITHOUT_RESULT)) {
                s.executeUpdate(insertTask(id, "COMPLETED"));
            }
            s.executeUpdate(insertTask(PENDING, "PENDING"));
            s.executeUpdate("INSERT INTO task_results (task_id, result, execution_ms, created_at) VALUES ('"
                    + WITH_RESULT + "', '{\"sum\":3}', 41, 2)");
            s.executeUpdate("INSERT INTO task_results (task_id, result, execution_ms, created_at) VALUES ('"
                    + WITHOUT_RESULT + "', NULL, 7, 2)");
        }

        assertThat(new SchemaMigrator(dataSource, getClass().getClassLoader(), Clock.systemUTC()).migrate())
                .contains("V021__a_result_row_only_for_a_result.sql");

        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            assertThat(executionMsOf(s, WITH_RESULT)).isEqualTo(41L);
            assertThat(executionMsOf(s, WITHOUT_RESULT)).isEqualTo(7L);
            assertThat(executionMsOf(s, PENDING)).isNull();
            try (ResultSet rows = s.executeQuery("SELECT task_id, result FROM task_results")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo(WITH_RESULT);
                assertThat(rows.getString(2)).isEqualTo("{\"sum\":3}");
                assertThat(rows.next())
                        .as("the row that held no result is gone")
                        .isFalse();
            }
        }
    }

    private static String insertTask(String id, String state) {
        return "INSERT INTO tasks (id, type, resource_group, payload, state, priority, run_at, created_at, updated_at,"
                + " attempts, max_attempts) VALUES ('" + id + "', 'demo.echo', 'default', '{}', '" + state
                + "', 5, 0, 0, 1, 1, 3)";
    }

    private static Long executionMsOf(Statement s, String id) throws SQLException {
        try (ResultSet row = s.executeQuery("SELECT execution_ms FROM tasks WHERE id = '" + id + "'")) {
            assertThat(row.next()).isTrue();
            long value = row.getLong(1);
            return row.wasNull() ? null : value;
        }
    }

    /** The migrations of {@code folder} as the releases before {@code version} shipped them. */
    private URLClassLoader schemaUpTo(String folder, String version) throws IOException {
        Path copy = Files.createDirectories(dir.resolve("META-INF/tideflow/schema/" + folder));
        StringBuilder index = new StringBuilder();
        for (String script : read(folder, "index.list").split("\n")) {
            if (script.isBlank() || script.startsWith("#")) {
                continue;
            }
            Files.writeString(copy.resolve(script), read(folder, script));
            index.append(script).append('\n');
            if (script.startsWith(version + "__")) {
                break;
            }
        }
        Files.writeString(copy.resolve("index.list"), index);
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, null);
    }

    private String read(String folder, String name) throws IOException {
        try (InputStream in =
                getClass().getClassLoader().getResourceAsStream("META-INF/tideflow/schema/" + folder + "/" + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " of " + folder + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
