package io.tideflow.queue.store;

import static io.tideflow.queue.store.TaskFixtures.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.admin.BatchExecutionRecord;
import io.tideflow.queue.api.admin.BatchTaskView;
import io.tideflow.queue.api.worker.LeasedTask;
import io.tideflow.queue.store.batch.BatchExecutionLog;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Tideflow's records of batch executions: newest first and paged, the tasks each claimed once each, and the executions
 * JBeret's repository (its own tables, as WildFly creates them) says are running although no node runs them, marked
 * failed only while it still says so.
 */
abstract class BatchExecutionLogContract extends DatabaseContract {

    private static final Instant T = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void executionsAreReadNewestFirstBelowAnIdAndOneByOne() {
        BatchExecutionRecord restart = record(5, "node-a", T.plusSeconds(5), 3L, "alice");
        inLog(log -> {
            log.started(record(3, "node-a", T, null, "(application)"));
            log.started(record(7, "node-b", T.plusSeconds(7), null, "(application)"));
            log.started(restart);
            return null;
        });

        assertThat(this.<List<BatchExecutionRecord>>inLog(log -> log.newest(null, 10)))
                .extracting(BatchExecutionRecord::executionId)
                .containsExactly(7L, 5L, 3L);
        assertThat(this.<List<BatchExecutionRecord>>inLog(log -> log.newest(7L, 10)))
                .extracting(BatchExecutionRecord::executionId)
                .containsExactly(5L, 3L);
        assertThat(this.<List<BatchExecutionRecord>>inLog(log -> log.newest(null, 2)))
                .hasSize(2);
        assertThat(this.<java.util.Optional<BatchExecutionRecord>>inLog(log -> log.find(5)))
                .contains(restart);
        assertThat(inLog(log -> log.find(3)).orElseThrow().restartOf()).isNull();
        assertThat(this.<java.util.Optional<BatchExecutionRecord>>inLog(log -> log.find(99)))
                .isEmpty();
    }

    @Test
    void anExecutionListsEachTaskItClaimedOnceWithItsStateNow() {
        for (int i = 0; i < 3; i++) {
            db.inTransaction(em -> {
                db.store(em, "loader").insert(aTask().inGroup("bulk").build());
                return null;
            });
        }
        List<LeasedTask> claimed = db.inTransaction(
                em -> db.store(em, "node-a").claimDueInGroup("bulk", null, 2, T, Duration.ofMinutes(1)));
        inLog(log -> {
            log.claimed(11, claimed, T);
            // given back by a rolled-back chunk and claimed again by the same execution
            log.claimed(11, claimed.subList(0, 1), T.plusSeconds(1));
            return null;
        });

        List<BatchTaskView> tasks = inLog(log -> log.tasksOf(11, 10));
        assertThat(tasks)
                .extracting(BatchTaskView::taskId)
                .containsExactlyInAnyOrder(
                        claimed.get(0).id().value(), claimed.get(1).id().value());
        assertThat(tasks).allSatisfy(task -> {
            assertThat(task.state()).isEqualTo("RUNNING");
            assertThat(task.type()).isEqualTo("test.noop");
            assertThat(task.firstClaimedAt()).isEqualTo(T);
        });
        assertThat(tasks)
                .filteredOn(task -> task.taskId().equals(claimed.get(0).id().value()))
                .singleElement()
                .extracting(BatchTaskView::claims)
                .isEqualTo(2);
        assertThat(this.<List<BatchTaskView>>inLog(log -> log.tasksOf(11, 1))).hasSize(1);
        assertThat(this.<List<BatchTaskView>>inLog(log -> log.tasksOf(12, 10))).isEmpty();
    }

    @Test
    void executionsLeftRunningAreARestartedNodesEarlierOnesAndThoseOfSilentNodes() throws SQLException {
        join("node-a", T, T);
        join("node-b", T.minusSeconds(600), T);
        join("node-c", T.minusSeconds(600), T.minusSeconds(60));
        long beforeRestart = execution("node-a", T.minusSeconds(10), "STARTED");
        long sinceRestart = execution("node-a", T.plusSeconds(1), "STARTED");
        long onAliveNode = execution("node-b", T.minusSeconds(10), "STARTED");
        long onSilentNode = execution("node-c", T.minusSeconds(70), "STARTED");
        long endedOnSilentNode = execution("node-c", T.minusSeconds(90), "COMPLETED");
        long onForgottenNode = execution("node-d", T.minusSeconds(900), "STARTING");
        assertThat(this.<Boolean>inLog(BatchExecutionLog::holdsJobRepository)).isTrue();

        assertThat(this.<List<Long>>inLog(log -> log.leftRunning("node-a", T, T.minusSeconds(30))))
                .containsExactly(beforeRestart, onSilentNode, onForgottenNode);

        assertThat(this.<Boolean>inLog(log -> log.failLeftRunning(beforeRestart, "left running by node-a")))
                .isTrue();
        assertThat(this.<Boolean>inLog(log -> log.failLeftRunning(beforeRestart, "again")))
                .isFalse();
        assertThat(this.<Boolean>inLog(log -> log.failLeftRunning(endedOnSilentNode, "ended")))
                .isFalse();
        assertThat(status("JOB_EXECUTION", beforeRestart)).isEqualTo("FAILED/left running by node-a");
        assertThat(status("STEP_EXECUTION", beforeRestart)).isEqualTo("FAILED/left running by node-a");
        assertThat(status("JOB_EXECUTION", endedOnSilentNode)).isEqualTo("COMPLETED/null");
        assertThat(status("JOB_EXECUTION", sinceRestart)).isEqualTo("STARTED/null");
        assertThat(status("JOB_EXECUTION", onAliveNode)).isEqualTo("STARTED/null");
        assertThat(this.<List<Long>>inLog(log -> log.leftRunning("node-a", T, T.minusSeconds(30))))
                .containsExactly(onSilentNode, onForgottenNode);
    }

    @Test
    void endedExecutionsAreForgottenWithTheirTasksAndRepositoryRowsButARunningOneIsNot() throws SQLException {
        long ended = execution("node-a", T.minusSeconds(3_600), "COMPLETED");
        long running = execution("node-a", T.minusSeconds(3_000), "STARTED");
        long recent = execution("node-a", T, "COMPLETED");
        db.inTransaction(em -> {
            db.store(em, "loader").insert(aTask().inGroup("old").build());
            return null;
        });
        List<LeasedTask> claimed = db.inTransaction(
                em -> db.store(em, "node-a").claimDueInGroup("old", null, 1, T, Duration.ofMinutes(1)));
        inLog(log -> {
            log.claimed(ended, claimed, T.minusSeconds(3_600));
            return null;
        });

        assertThat(this.<List<Long>>inLog(log -> log.startedBefore(T.minusSeconds(60), 10)))
                .containsExactly(ended, running);
        assertThat(this.<List<Long>>inLog(log -> log.startedBefore(T.minusSeconds(60), 1)))
                .containsExactly(ended);

        assertThat(this.<Boolean>inLog(log -> log.forget(ended, true))).isTrue();
        assertThat(this.<Boolean>inLog(log -> log.forget(running, true)))
                .as("the repository says it runs")
                .isFalse();

        assertThat(this.<java.util.Optional<BatchExecutionRecord>>inLog(log -> log.find(ended)))
                .isEmpty();
        assertThat(this.<List<BatchTaskView>>inLog(log -> log.tasksOf(ended, 10)))
                .isEmpty();
        assertThat(rows("SELECT COUNT(*) FROM JOB_EXECUTION WHERE JOBEXECUTIONID = " + ended))
                .isZero();
        assertThat(rows("SELECT COUNT(*) FROM STEP_EXECUTION WHERE JOBEXECUTIONID = " + ended))
                .isZero();
        assertThat(this.<java.util.Optional<BatchExecutionRecord>>inLog(log -> log.find(running)))
                .isPresent();
        assertThat(rows("SELECT COUNT(*) FROM JOB_EXECUTION WHERE JOBEXECUTIONID = " + running))
                .isOne();
        assertThat(this.<java.util.Optional<BatchExecutionRecord>>inLog(log -> log.find(recent)))
                .isPresent();
        assertThat(this.<List<Long>>inLog(log -> log.startedBefore(T.minusSeconds(60), 10)))
                .containsExactly(running);
        // where the repository is elsewhere, only Tideflow's record goes
        assertThat(this.<Boolean>inLog(log -> log.forget(recent, false))).isTrue();
        assertThat(rows("SELECT COUNT(*) FROM JOB_EXECUTION WHERE JOBEXECUTIONID = " + recent))
                .isOne();
    }

    @Test
    void aJobInstanceGoesOnlyWithItsLastExecution() throws SQLException {
        long first = execution("node-a", T.minusSeconds(3_600), "FAILED");
        long instance = rows("SELECT JOBINSTANCEID FROM JOB_EXECUTION WHERE JOBEXECUTIONID = " + first);
        long restart;
        try (Connection c = db.dataSource().getConnection()) {
            restart = insert(
                    c,
                    "INSERT INTO JOB_EXECUTION (JOBINSTANCEID, VERSION, BATCHSTATUS) VALUES (" + instance
                            + ", 1, 'COMPLETED')");
        }
        inLog(log -> {
            log.started(record(restart, "node-a", T.minusSeconds(3_500), first, "alice"));
            return null;
        });

        assertThat(this.<Boolean>inLog(log -> log.forget(first, true))).isTrue();
        assertThat(rows("SELECT COUNT(*) FROM JOB_INSTANCE WHERE JOBINSTANCEID = " + instance))
                .as("its restart is still there")
                .isOne();
        assertThat(this.<Boolean>inLog(log -> log.forget(restart, true))).isTrue();
        assertThat(rows("SELECT COUNT(*) FROM JOB_INSTANCE WHERE JOBINSTANCEID = " + instance))
                .isZero();
    }

    @Test
    void theRepositorysForeignKeysAreIndexedOnceWhereTheDatabaseDoesNotDoItItself() throws SQLException {
        boolean postgresql = db.dialect().statements().database().equals("postgresql");
        assertThat(this.<Integer>inLog(BatchExecutionLog::indexJobRepository)).isEqualTo(postgresql ? 3 : 0);
        // again: nothing changes, nothing fails
        assertThat(this.<Integer>inLog(BatchExecutionLog::indexJobRepository)).isEqualTo(postgresql ? 3 : 0);
        if (postgresql) {
            assertThat(rows("SELECT COUNT(*) FROM pg_indexes WHERE indexname IN ('tideflow_job_execution_instance_ix',"
                            + " 'tideflow_step_execution_execution_ix', 'tideflow_partition_execution_step_ix')"))
                    .isEqualTo(3);
        }
    }

    private long rows(String query) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement statement = c.createStatement();
                ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    private void join(String node, Instant startedAt, Instant lastSeen) {
        db.inTransaction(em -> {
            db.dialect().on(em).update("node.join", node, startedAt.toEpochMilli(), lastSeen.toEpochMilli(), 0, 8);
            return null;
        });
    }

    /** A job execution with one step in JBeret's tables, and Tideflow's record of it. */
    private long execution(String node, Instant startedAt, String status) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            long instance = insert(
                    c, "INSERT INTO JOB_INSTANCE (JOBNAME, APPLICATIONNAME) VALUES ('tideflow-chunks', 'tideflow')");
            long execution = insert(
                    c,
                    "INSERT INTO JOB_EXECUTION (JOBINSTANCEID, VERSION, BATCHSTATUS) VALUES (" + instance + ", 1, '"
                            + status + "')");
            insert(
                    c,
                    "INSERT INTO STEP_EXECUTION (JOBEXECUTIONID, VERSION, STEPNAME, BATCHSTATUS) VALUES (" + execution
                            + ", 1, 'run-chunks', '" + status + "')");
            inLog(log -> {
                log.started(record(execution, node, startedAt, null, "(application)"));
                return null;
            });
            return execution;
        }
    }

    private static long insert(Connection c, String sql) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.executeUpdate(sql, Statement.RETURN_GENERATED_KEYS);
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private String status(String table, long execution) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement query = c.prepareStatement(
                        "SELECT BATCHSTATUS, EXITSTATUS FROM " + table + " WHERE JOBEXECUTIONID = ?")) {
            query.setLong(1, execution);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1) + "/" + row.getString(2);
            }
        }
    }

    private static BatchExecutionRecord record(
            long id, String node, Instant startedAt, Long restartOf, String startedBy) {
        return new BatchExecutionRecord(
                id, "tideflow-chunks", "it.type", "bulk", node, startedAt, restartOf, startedBy);
    }

    private <R> R inLog(Function<BatchExecutionLog, R> work) {
        return db.inTransaction((EntityManager em) -> work.apply(new BatchExecutionLog(em, db.dialect())));
    }
}
