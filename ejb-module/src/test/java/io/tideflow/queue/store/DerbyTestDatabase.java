package io.tideflow.queue.store;

import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.apache.derby.jdbc.EmbeddedDataSource;

/** A fresh in-memory Derby database, dropped on close. */
public final class DerbyTestDatabase extends TestDatabase {

    private final String name;

    public DerbyTestDatabase() {
        this("tideflow-" + UUID.randomUUID());
    }

    private DerbyTestDatabase(String name) {
        this(name, inMemory(name));
    }

    private DerbyTestDatabase(String name, EmbeddedDataSource dataSource) {
        // the persistence unit pools its connections, as the server's datasource does: a transaction that opened a
        // connection of its own would pay Derby's login each time (and a thread of its own, once a pool beside it has
        // set the datasource's login timeout)
        super(
                dataSource,
                Map.of(
                        "jakarta.persistence.jdbc.driver",
                        "org.apache.derby.iapi.jdbc.AutoloadedDriver",
                        "jakarta.persistence.jdbc.url",
                        "jdbc:derby:memory:" + name,
                        "eclipselink.connection-pool.default.initial",
                        "4",
                        "eclipselink.connection-pool.default.max",
                        "40"));
        this.name = name;
    }

    private static EmbeddedDataSource inMemory(String name) {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:" + name);
        dataSource.setCreateDatabase("create");
        return dataSource;
    }

    @Override
    protected void drop() {
        EmbeddedDataSource drop = new EmbeddedDataSource();
        drop.setDatabaseName("memory:" + name);
        drop.setConnectionAttributes("drop=true");
        try {
            drop.getConnection().close();
        } catch (SQLException expected) {
            // Derby reports a successful drop as the exception 08006
        }
    }
}
