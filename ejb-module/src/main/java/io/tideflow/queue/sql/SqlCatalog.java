package io.tideflow.queue.sql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Every statement Tideflow runs on one database, by name: {@code META-INF/tideflow/sql/common.sql} holds those that
 * are the same everywhere, {@code <database>.sql} those that differ and may replace a common one of the same name.
 * Read once per database and class loader; a malformed file fails the first use, naming the file and the line.
 */
public final class SqlCatalog {

    static final String ROOT = "META-INF/tideflow/sql/";
    private static final String COMMON = "common";
    private static final ConcurrentMap<String, SqlCatalog> LOADED = new ConcurrentHashMap<>();

    private final String database;
    private final Map<String, SqlStatement> statements;

    private SqlCatalog(String database, Map<String, SqlStatement> statements) {
        this.database = database;
        this.statements = Collections.unmodifiableMap(statements);
    }

    /** The catalog of {@code database} ("derby", "postgresql"), from this module's own resources. */
    public static SqlCatalog of(String database) {
        return LOADED.computeIfAbsent(database, name -> load(SqlCatalog.class.getClassLoader(), name));
    }

    static SqlCatalog load(ClassLoader resources, String database) {
        Map<String, SqlStatement> statements = new LinkedHashMap<>();
        statements.putAll(SqlCatalogFile.parse(ROOT + COMMON + ".sql", read(resources, ROOT + COMMON + ".sql")));
        String own = ROOT + database + ".sql";
        statements.putAll(SqlCatalogFile.parse(own, read(resources, own)));
        return new SqlCatalog(database, statements);
    }

    /** A catalog of the statements in {@code text} alone (the format of the catalog files), for tests. */
    static SqlCatalog parsed(String database, String text) {
        return new SqlCatalog(database, SqlCatalogFile.parse(database + ".sql", text));
    }

    /** The statement called {@code name}. */
    public SqlStatement get(String name) {
        SqlStatement statement = statements.get(name);
        if (statement == null) {
            throw new IllegalStateException("no SQL statement '" + name + "' for " + database + " in " + ROOT + COMMON
                    + ".sql or " + ROOT + database + ".sql; this indicates a bug");
        }
        return statement;
    }

    public Collection<SqlStatement> all() {
        return statements.values();
    }

    public String database() {
        return database;
    }

    private static String read(ClassLoader resources, String resource) {
        try (InputStream in = resources.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("SQL resource " + resource + " is missing from the deployment");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read SQL resource " + resource, e);
        }
    }
}
