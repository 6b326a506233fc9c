package io.tideflow.queue.schema;

import io.tideflow.queue.api.TideflowException;
import io.tideflow.queue.sql.SqlCatalog;
import io.tideflow.queue.sql.SqlRunner;
import io.tideflow.queue.sql.SqlStatementException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Applies the migrations listed in {@code META-INF/tideflow/schema/<database>/index.list}, in order, each once, and
 * records them in {@code tideflow_schema_history} with a checksum. The history table is locked for the whole run,
 * so nodes that start together apply each migration once; an edited migration that was already applied stops the
 * deployment instead of leaving two schemas in the field.
 */
public final class SchemaMigrator {

    private static final String ROOT = "META-INF/tideflow/schema/";

    private final DataSource dataSource;
    private final ClassLoader resources;
    private final Clock clock;

    public SchemaMigrator(DataSource dataSource, ClassLoader resources, Clock clock) {
        this.dataSource = dataSource;
        this.resources = resources;
        this.clock = clock;
    }

    /** Brings the schema up to date and returns the scripts it applied (empty when it already was). */
    public List<String> migrate() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            DatabaseDialect dialect =
                    DatabaseDialect.of(connection.getMetaData().getDatabaseProductName());
            SqlRunner sql = new SqlRunner(SqlCatalog.of(dialect.folder()), () -> connection);
            ensureHistoryTable(connection, sql);
            sql.execute("schema.lockHistory");
            Map<Integer, String> applied = new LinkedHashMap<>();
            sql.list(
                            "schema.applied",
                            row -> Map.entry(row.getInt(1), row.getString(2).trim()))
                    .forEach(row -> applied.put(row.getKey(), row.getValue()));
            List<String> appliedNow = new ArrayList<>();
            for (Migration migration : migrationsOf(dialect)) {
                String known = applied.get(migration.version());
                if (known == null) {
                    apply(sql, migration);
                    appliedNow.add(migration.script());
                } else if (!known.equals(migration.checksum())) {
                    throw new TideflowException("schema migration " + migration.script() + " was changed after it"
                            + " was applied (checksum " + known + " in tideflow_schema_history)");
                }
            }
            connection.commit();
            return appliedNow;
        } catch (SQLException | SqlStatementException e) {
            throw new TideflowException("schema migration failed: " + e.getMessage(), e);
        }
    }

    private static void ensureHistoryTable(Connection connection, SqlRunner sql) throws SQLException {
        try {
            sql.execute("schema.createHistory");
            connection.commit();
        } catch (SqlStatementException alreadyThere) {
            // created before, or by a node starting at the same moment; the lock below orders the rest
            connection.rollback();
        }
    }

    private void apply(SqlRunner sql, Migration migration) {
        for (String statement : migration.statements()) {
            sql.executeScript(migration.script(), statement);
        }
        sql.update(
                "schema.recordApplied", migration.version(), migration.script(), migration.checksum(), clock.millis());
    }

    List<Migration> migrationsOf(DatabaseDialect dialect) {
        String folder = ROOT + dialect.folder() + "/";
        List<Migration> migrations = new ArrayList<>();
        for (String line : read(folder + "index.list").split("\n")) {
            String script = line.trim();
            if (!script.isEmpty() && !script.startsWith("#")) {
                String text = read(folder + script);
                migrations.add(
                        new Migration(Migration.versionOf(script), script, sha256(text), Migration.statementsOf(text)));
            }
        }
        return migrations;
    }

    private String read(String resource) {
        try (InputStream in = resources.getResourceAsStream(resource)) {
            if (in == null) {
                throw new TideflowException("schema resource " + resource + " is missing from the deployment");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TideflowException("cannot read schema resource " + resource, e);
        }
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM; this indicates a broken runtime", e);
        }
    }
}
