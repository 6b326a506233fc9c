package io.tideflow.queue.store;

import io.tideflow.queue.schema.DatabaseDialect;
import io.tideflow.queue.schema.SchemaMigrator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * A fresh database with the real migrations applied (and JBeret's job repository tables, as WildFly adds them), and the store's persistence unit on top of it. Each
 * {@link #inTransaction} call gets its own entity manager, as a JTA transaction-scoped one would be. The store
 * contract tests run once per subclass: Derby embedded and PostgreSQL.
 */
public abstract class TestDatabase implements AutoCloseable {

    private final DataSource dataSource;
    private final DatabaseDialect dialect;
    /** Made once, as the server's producer makes it: making one parses the catalog and checks it against the model. */
    private final StoreDialect storeDialect;

    private final EntityManagerFactory emf;

    /**
     * @param unitProperties how the persistence unit connects: a datasource, or JDBC settings for EclipseLink's own
     *                       connection pool where opening a connection is expensive (PostgreSQL)
     */
    protected TestDatabase(DataSource dataSource, Map<String, Object> unitProperties) {
        this.dataSource = dataSource;
        this.dialect = DatabaseDialect.of(dataSource);
        this.storeDialect = StoreDialect.of(dialect);
        new SchemaMigrator(dataSource, TestDatabase.class.getClassLoader(), Clock.systemUTC()).migrate();
        JBeretTables.create(dataSource, dialect);
        emf = Persistence.createEntityManagerFactory("tideflow-store-test", unitProperties);
    }

    /**
     * True when a count sees one instant (PostgreSQL's MVCC). Derby's read-committed count locks row by row and can see
     * a row that just left a state together with one that just entered it; a serializable one deadlocks with the
     * writers it counts.
     */
    public boolean countsSnapshots() {
        return dialect == DatabaseDialect.POSTGRESQL;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The store's view of this database: its claim and its SQL catalog. */
    public StoreDialect dialect() {
        return storeDialect;
    }

    public TaskStore store(EntityManager em, String node) {
        return new TaskStore(em, node, dialect());
    }

    public LeaseStore leases(EntityManager em, String node) {
        return new LeaseStore(em, node, dialect());
    }

    /**
     * Whether a failure is the database choosing this transaction as a deadlock's victim (SQLSTATE 40001 on Derby,
     * 40P01 on PostgreSQL): the engine treats it as a failed attempt or retries the claim, and so must a test's
     * simulation of it.
     */
    public static boolean isDeadlockVictim(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
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
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public long count(String sql) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        emf.close();
        drop();
    }

    protected abstract void drop();
}
