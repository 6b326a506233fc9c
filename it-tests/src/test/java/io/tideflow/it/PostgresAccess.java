package io.tideflow.it;

import java.util.List;
import org.postgresql.ds.PGSimpleDataSource;

/** The local PostgreSQL the suites use (trust authentication), overridable with -Dtideflow.test.pg.*. */
final class PostgresAccess {

    private PostgresAccess() {}

    static PGSimpleDataSource dataSource(String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {host()});
        dataSource.setPortNumbers(new int[] {port()});
        dataSource.setDatabaseName(database);
        dataSource.setUser(user());
        dataSource.setPassword(System.getProperty("tideflow.test.pg.password", ""));
        return dataSource;
    }

    /** What a WildFly node configured with standalone-postgresql.xml needs to use {@code database}. */
    static List<String> nodeOptions(String database) {
        return List.of(
                "-Dtideflow.pg.url=jdbc:postgresql://" + host() + ":" + port() + "/" + database,
                "-Dtideflow.pg.user=" + user(),
                // the datasource refuses an empty password; with trust authentication any one is accepted
                "-Dtideflow.pg.password=" + System.getProperty("tideflow.test.pg.password", "trust"));
    }

    static String host() {
        return System.getProperty("tideflow.test.pg.host", "127.0.0.1");
    }

    static int port() {
        return Integer.getInteger("tideflow.test.pg.port", 5432);
    }

    static String user() {
        return System.getProperty("tideflow.test.pg.user", "postgres");
    }
}
