package io.tideflow.queue.store;

import io.tideflow.queue.schema.SchemaMigrator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import org.apache.derby.jdbc.EmbeddedDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * A fresh in-memory Derby database with the real migrations applied, and the store's persistence unit on top of it.
 * Each {@link #inTransaction} call gets its own entity manager, as a JTA transaction-scoped one would be.
 */
public final class DerbyTestDatabase implements AutoCloseable {

    private final String name = "tideflow-" + UUID.randomUUID();
    private final EmbeddedDataSource dataSource = new EmbeddedDataSource();
    private final EntityManagerFactory emf;

    public DerbyTestDatabase() {
        dataSource.setDatabaseName("memory:" + name);
        dataSource.setCreateDatabase("create");
        new SchemaMigrator(dataSource, DerbyTestDatabase.class.getClassLoader(), Clock.systemUTC()).migrate();
        emf = Persistence.createEntityManagerFactory("tideflow-store-test",
                Map.of("jakarta.persistence.nonJtaDataSource", dataSource));
    }

    public EmbeddedDataSource dataSource() {
        return dataSource;
    }

    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    public void execute(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        emf.close();
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
