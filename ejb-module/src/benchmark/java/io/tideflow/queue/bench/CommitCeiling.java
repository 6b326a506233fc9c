package io.tideflow.queue.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * The machine's commit limit, as pgbench measures it: each connection updates a row of its own and commits, in a loop,
 * for a fixed time. Every other figure of the comparison reads as a fraction of this one.
 */
final class CommitCeiling {

    private static final long MEASURE_NANOS = 3_000_000_000L;

    private final DataSource dataSource;

    CommitCeiling(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Creates the table the loops update, one row per connection. */
    void prepare(int connections) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bench_ceiling (id INTEGER NOT NULL PRIMARY KEY, n BIGINT NOT NULL)");
            for (int id = 0; id < connections; id++) {
                s.execute("INSERT INTO bench_ceiling (id, n) VALUES (" + id + ", 0)");
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    /** @return commits per second over all connections */
    double commitsPerSecond(int connections) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<Future<Long>> loops = new ArrayList<>();
            long until = System.nanoTime() + MEASURE_NANOS;
            long started = System.nanoTime();
            for (int id = 0; id < connections; id++) {
                int row = id;
                loops.add(pool.submit(() -> updateUntil(row, until)));
            }
            long commits = 0;
            for (Future<Long> loop : loops) {
                commits += loop.get();
            }
            return commits / ((System.nanoTime() - started) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    private long updateUntil(int row, long until) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement("UPDATE bench_ceiling SET n = n + 1 WHERE id = ?")) {
            c.setAutoCommit(false);
            long commits = 0;
            while (System.nanoTime() < until) {
                update.setInt(1, row);
                update.executeUpdate();
                c.commit();
                commits++;
            }
            return commits;
        }
    }
}
