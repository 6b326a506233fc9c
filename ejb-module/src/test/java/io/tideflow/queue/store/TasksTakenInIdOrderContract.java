package io.tideflow.queue.store;

import static io.tideflow.queue.store.TaskFixtures.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tideflow.queue.api.worker.LeasedTask;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every writer of several tasks in one transaction takes their rows in id order, the order a claim takes its own, so
 * no two wait on each other in a cycle. The cycle CI met on Derby: a promotion of due retries read two, promoted the
 * later id first (it was due earlier) and waited for the earlier id, which a second dispatcher had promoted and a claim
 * had taken; the claim waited for the later id, which the promotion held. Derby breaks such a cycle after 20 s, in
 * which the claim, and with it the dispatcher, stands still. Each test has a transaction hold the earlier id against
 * change, waits until the writer waits for it, then has that transaction change the later id: a writer that took the
 * later id first deadlocks with it.
 */
abstract class TasksTakenInIdOrderContract extends DatabaseContract {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void aPromotionOfDueRetriesWaitingForARowHoldsNoOtherRow() throws Exception {
        List<String> ids = twoTasks("retries");
        // the later id is due first, so a promotion in due order takes it first
        failDue(ids.get(1), NOW.minusSeconds(20));
        failDue(ids.get(0), NOW.minusSeconds(10));

        int promoted = whileTheEarlierIdIsHeld(
                ids, () -> db.inTransaction(em -> db.store(em, "node-b").promoteDueRetries(NOW, 10)));

        assertThat(promoted).isEqualTo(2);
        assertThat(db.count("SELECT COUNT(*) FROM tasks WHERE state = 'PENDING'"))
                .isEqualTo(2);
    }

    @Test
    void batchedCompletionsWaitingForARowHoldNoOtherRow() throws Exception {
        List<LeasedTask> laterFirst = twoClaimedLaterIdFirst("done");
        List<String> ids = idsInOrder(laterFirst);
        List<CompletionWriter.Completion> arrived = laterFirst.stream()
                .map(task -> new CompletionWriter.Completion(task, null, 1, NOW))
                .toList();

        List<CompletionWriter.Completion> stale = whileTheEarlierIdIsHeld(
                ids, () -> db.inTransaction(em -> new CompletionWriter(em, "node-a", db.dialect()).writeAll(arrived)));

        assertThat(stale).isEmpty();
        assertThat(db.count("SELECT COUNT(*) FROM tasks WHERE state = 'COMPLETED'"))
                .isEqualTo(2);
    }

    @Test
    void heartbeatsWaitingForARowHoldNoOtherRow() throws Exception {
        List<LeasedTask> laterFirst = twoClaimedLaterIdFirst("beating");
        List<String> ids = idsInOrder(laterFirst);

        List<LeasedTask> lost = whileTheEarlierIdIsHeld(
                ids,
                () -> db.inTransaction(
                        em -> db.leases(em, "node-a").heartbeatAll(laterFirst, NOW.plus(Duration.ofMinutes(10)))));

        assertThat(lost).isEmpty();
        assertThat(db.count("SELECT COUNT(*) FROM tasks WHERE lease_expires_at = "
                        + NOW.plus(Duration.ofMinutes(10)).toEpochMilli()))
                .isEqualTo(2);
    }

    @Test
    void expiredLeasesAreTheOldestExpiriesHandedOverInIdOrder() {
        List<String> ids = idsInOrder(twoClaimedLaterIdFirst("expired"));
        expireAt(ids.get(1), NOW.minusSeconds(20));
        expireAt(ids.get(0), NOW.minusSeconds(10));

        assertThat(db.<List<RescueCandidate>>inTransaction(
                        em -> db.leases(em, "node-b").expiredLeases(NOW, 10)))
                .extracting(candidate -> candidate.id().value())
                .containsExactly(ids.get(0), ids.get(1));
        assertThat(db.<List<RescueCandidate>>inTransaction(
                        em -> db.leases(em, "node-b").expiredLeases(NOW, 1)))
                .as("the oldest expiry")
                .extracting(candidate -> candidate.id().value())
                .containsExactly(ids.get(1));
        assertThat(db.<List<RescueCandidate>>inTransaction(
                        em -> db.leases(em, "node-b").heldBy("node-a")))
                .extracting(candidate -> candidate.id().value())
                .containsExactly(ids.get(0), ids.get(1));
    }

    /**
     * Runs the writer while another transaction holds the earlier of the two ids against change; once the writer waits
     * for it, that transaction changes the later id and commits. Returns what the writer returned.
     */
    private <T> T whileTheEarlierIdIsHeld(List<String> ids, Supplier<T> writer) throws Exception {
        CompletableFuture<T> writing;
        try (Connection other = db.dataSource().getConnection()) {
            other.setAutoCommit(false);
            holdForReading(other, ids.get(0));
            writing = CompletableFuture.supplyAsync(writer);
            try {
                await().atMost(Duration.ofSeconds(10))
                        .pollInterval(Duration.ofMillis(20))
                        .until(this::transactionsWaitingForALock, waiting -> waiting > 0);
                CompletableFuture.runAsync(() -> touch(other, ids.get(1))).get(10, TimeUnit.SECONDS);
                other.commit();
            } finally {
                other.rollback();
            }
        }
        return writing.get(30, TimeUnit.SECONDS);
    }

    /** Two tasks of a group of their own claimed by node-a, the later id first. */
    private List<LeasedTask> twoClaimedLaterIdFirst(String group) {
        twoTasks(group);
        List<LeasedTask> claimed = db.inTransaction(
                em -> db.store(em, "node-a").claimDueInGroup(group, null, 2, NOW, Duration.ofMinutes(5)));
        return claimed.stream()
                .sorted(Comparator.comparing((LeasedTask task) -> task.id().value())
                        .reversed())
                .toList();
    }

    private static List<String> idsInOrder(List<LeasedTask> tasks) {
        return tasks.stream().map(task -> task.id().value()).sorted().toList();
    }

    /** Two tasks of a group of their own, their ids in order. */
    private List<String> twoTasks(String group) {
        return Stream.of(insertTask(group), insertTask(group)).sorted().toList();
    }

    private String insertTask(String group) {
        NewTask task = aTask().inGroup(group).build();
        db.inTransaction(em -> {
            db.store(em, "loader").insert(task);
            return null;
        });
        return task.id().value();
    }

    private void failDue(String id, Instant runAt) throws SQLException {
        update("UPDATE tasks SET state = 'FAILED', attempts = 1, run_at = ? WHERE id = ?", runAt, id);
    }

    private void expireAt(String id, Instant expiry) {
        try {
            update("UPDATE tasks SET lease_expires_at = ? WHERE id = ?", expiry, id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void update(String statement, Instant time, String id) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement update = c.prepareStatement(statement)) {
            update.setLong(1, time.toEpochMilli());
            update.setString(2, id);
            assertThat(update.executeUpdate()).isOne();
        }
    }

    /**
     * A lock on the row until the transaction ends that lets others read it but not change it: the writer reads both
     * rows and waits when it comes to change this one.
     */
    private void holdForReading(Connection c, String id) throws SQLException {
        boolean postgresql = postgresql();
        if (!postgresql) {
            // Derby keeps a read row's shared lock to the end of a repeatable-read transaction
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        }
        try (PreparedStatement read = c.prepareStatement(
                postgresql ? "SELECT id FROM tasks WHERE id = ? FOR SHARE" : "SELECT id FROM tasks WHERE id = ?")) {
            read.setString(1, id);
            try (ResultSet row = read.executeQuery()) {
                assertThat(row.next()).isTrue();
            }
        }
    }

    private static void touch(Connection c, String id) {
        try (PreparedStatement touch = c.prepareStatement("UPDATE tasks SET updated_at = updated_at WHERE id = ?")) {
            touch.setString(1, id);
            assertThat(touch.executeUpdate()).isOne();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long transactionsWaitingForALock() {
        return postgresql()
                ? db.count("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                        + " AND datname = current_database()")
                : db.count("SELECT COUNT(*) FROM SYSCS_DIAG.LOCK_TABLE WHERE STATE = 'WAIT'");
    }

    private boolean postgresql() {
        return db.dialect().statements().database().equals("postgresql");
    }
}
