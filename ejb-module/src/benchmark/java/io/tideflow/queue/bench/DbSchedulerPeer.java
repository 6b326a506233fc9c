package io.tideflow.queue.bench;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * db-scheduler 16.7.1, the peer, on the same database as Tideflow's run: its own table in the same schema, a HikariCP
 * pool of its own, 8 threads. PostgreSQL polls with lock-and-fetch ({@code UPDATE ... RETURNING} of a batch, its
 * fastest strategy); Derby, which has no {@code SKIP LOCKED}, with fetch-and-lock-on-execute, its default.
 */
final class DbSchedulerPeer implements AutoCloseable {

    private static final int THREADS = 8;

    private final HikariDataSource pool;
    private final boolean postgres;
    private final BlockingQueue<Started> started = new LinkedBlockingQueue<>();

    private record Started(String id, long nanos) {}

    DbSchedulerPeer(DataSource database, boolean postgres) throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setDataSource(database);
        config.setMaximumPoolSize(THREADS + 4);
        config.setAutoCommit(true);
        this.pool = new HikariDataSource(config);
        this.postgres = postgres;
        createTable();
    }

    /** One {@code schedule} per task from one thread, each its own statement in auto-commit, as its client does. */
    double enqueuePerSecond(int tasks) throws SQLException {
        OneTimeTask<Void> task = Tasks.oneTime("peer-noop").execute((instance, context) -> {});
        SchedulerClient client = SchedulerClient.Builder.create(pool, task).build();
        long begin = System.nanoTime();
        for (int i = 0; i < tasks; i++) {
            client.schedule(task.instance("enqueue-" + i), Instant.now());
        }
        double rate = tasks / ((System.nanoTime() - begin) / 1e9);
        execute("DELETE FROM scheduled_tasks");
        return rate;
    }

    /**
     * Schedules {@code tasks} due executions, then starts a scheduler and times it until the table is empty.
     *
     * @param writeRow whether the handler writes one row of its own (its own auto-committed statement: db-scheduler
     *                 does not share a transaction with the handler)
     */
    double drainPerSecond(int tasks, boolean writeRow) throws Exception {
        OneTimeTask<Void> task = Tasks.oneTime("peer-drain").execute((instance, context) -> {
            if (writeRow) {
                writeSideEffect(instance.getId());
            }
        });
        SchedulerClient client = SchedulerClient.Builder.create(pool, task).build();
        Instant due = Instant.now().minusSeconds(1);
        for (int i = 0; i < tasks; i++) {
            client.schedule(task.instance("drain-" + i), due);
        }
        Scheduler scheduler = scheduler(task).build();
        long begin = System.nanoTime();
        scheduler.start();
        try {
            while (count("SELECT COUNT(*) FROM scheduled_tasks") > 0) {
                Thread.sleep(10);
            }
            return tasks / ((System.nanoTime() - begin) / 1e9);
        } finally {
            scheduler.stop();
        }
    }

    /**
     * Idle enqueue-to-start: one execution at a time scheduled for now on a running scheduler with immediate execution
     * (the same node wakes at once, its best case), from before the schedule call to the handler's start.
     *
     * @return the latencies in microseconds, sorted
     */
    long[] idleLatencyMicros(int tasks) throws Exception {
        OneTimeTask<Void> task = Tasks.oneTime("peer-latency")
                .execute((instance, context) -> started.add(new Started(instance.getId(), System.nanoTime())));
        Scheduler scheduler = scheduler(task).enableImmediateExecution().build();
        scheduler.start();
        try {
            long[] micros = new long[tasks];
            for (int i = 0; i < tasks; i++) {
                String id = "latency-" + i;
                long begin = System.nanoTime();
                scheduler.schedule(task.instance(id), Instant.now());
                Started start = started.poll(30, TimeUnit.SECONDS);
                if (start == null || !start.id().equals(id)) {
                    throw new IllegalStateException("db-scheduler did not start " + id + " within 30 s: " + start);
                }
                micros[i] = (start.nanos() - begin) / 1_000;
                Thread.sleep(5);
            }
            Arrays.sort(micros);
            return micros;
        } finally {
            scheduler.stop();
        }
    }

    private SchedulerBuilder scheduler(OneTimeTask<Void> task) {
        SchedulerBuilder builder = Scheduler.create(pool, task).threads(THREADS).pollingInterval(Duration.ofSeconds(1));
        return postgres ? builder.pollUsingLockAndFetch(0.5, 1.0) : builder.pollUsingFetchAndLockOnExecute(0.5, 3.0);
    }

    private void writeSideEffect(String id) {
        try (Connection c = pool.getConnection();
                PreparedStatement insert =
                        c.prepareStatement("INSERT INTO bench_peer_effects (id, written_at) VALUES (?, ?)")) {
            insert.setString(1, id);
            insert.setLong(2, System.currentTimeMillis());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The table its documentation gives for each database, and a table for the handlers' own rows. */
    private void createTable() throws SQLException {
        if (postgres) {
            execute("CREATE TABLE scheduled_tasks (task_name TEXT NOT NULL, task_instance TEXT NOT NULL,"
                    + " task_data BYTEA, execution_time TIMESTAMP WITH TIME ZONE NOT NULL, picked BOOLEAN NOT NULL,"
                    + " picked_by TEXT, last_success TIMESTAMP WITH TIME ZONE, last_failure TIMESTAMP WITH TIME ZONE,"
                    + " consecutive_failures INT, last_heartbeat TIMESTAMP WITH TIME ZONE, version BIGINT NOT NULL,"
                    + " priority SMALLINT, PRIMARY KEY (task_name, task_instance))");
        } else {
            execute("CREATE TABLE scheduled_tasks (task_name VARCHAR(100) NOT NULL,"
                    + " task_instance VARCHAR(100) NOT NULL, task_data BLOB, execution_time TIMESTAMP NOT NULL,"
                    + " picked BOOLEAN NOT NULL, picked_by VARCHAR(50), last_success TIMESTAMP,"
                    + " last_failure TIMESTAMP, consecutive_failures INT, last_heartbeat TIMESTAMP,"
                    + " version BIGINT NOT NULL, priority SMALLINT, PRIMARY KEY (task_name, task_instance))");
        }
        execute("CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time)");
        execute("CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat)");
        execute("CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time)");
        execute("CREATE TABLE bench_peer_effects (id VARCHAR(100) NOT NULL PRIMARY KEY, written_at BIGINT NOT NULL)");
    }

    private void execute(String statement) throws SQLException {
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private long count(String query) throws SQLException {
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
