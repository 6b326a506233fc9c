package io.tideflow.it;

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
