package io.tideflow.queue.store;

import static io.tideflow.queue.store.TaskFixtures.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The promotion of due retries takes its rows in the order a claim takes its own, by id, so the two never wait on each
 * other in a cycle. The cycle CI met on Derby: a promotion read two due retries, promoted the later id first (it was
 * due earlier), and waited for the earlier id, which a second dispatcher had promoted and a claim had taken; the claim
 * waited for the later id, which the promotion held. Derby breaks such a cycle after 20 s, in which the claim, and
 * with it the dispatcher, stands still.
 */
abstract class PromotionBesideClaimContract extends DatabaseContract {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final String TOUCH = "UPDATE tasks SET updated_at = updated_at WHERE id = ?";

    @Test
    void aPromotionWaitingForARowHoldsNoOtherRowATransactionTakingRowsByIdNeeds() throws Exception {
        List<String> ids = Stream.of(insertTask(), insertTask()).sorted().toList();
        String earlier = ids.get(0);
        String later = ids.get(1);
        // the later id is due first, so a promotion in due order takes it first
        failDue(later, NOW.minusSeconds(20));
        failDue(earlier, NOW.minusSeconds(10));

        try (Connection claim = db.dataSource().getConnection()) {
            claim.setAutoCommit(false);
            holdForReading(claim, earlier);
            CompletableFuture<Integer> promotion = CompletableFuture.supplyAsync(
                    () -> db.inTransaction(em -> db.store(em, "node-b").promoteDueRetries(NOW, 10)));
            try {
                await().atMost(Duration.ofSeconds(10))
                        .pollInterval(Duration.ofMillis(20))
                        .until(this::transactionsWaitingForALock, waiting -> waiting > 0);

                CompletableFuture<Void> next = CompletableFuture.runAsync(() -> touch(claim, later));
                next.get(10, TimeUnit.SECONDS);
                claim.commit();
            } finally {
                claim.rollback();
            }
            assertThat(promotion.get(30, TimeUnit.SECONDS)).isEqualTo(2);
        }
        assertThat(db.count("SELECT COUNT(*) FROM tasks WHERE state = 'PENDING'"))
                .isEqualTo(2);
    }

    private String insertTask() {
        NewTask task = aTask().build();
        db.inTransaction(em -> {
            db.store(em, "loader").insert(task);
            return null;
        });
        return task.id().value();
    }

    private void failDue(String id, Instant runAt) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement fail = c.prepareStatement(
                        "UPDATE tasks SET state = 'FAILED', attempts = 1, run_at = ? WHERE id = ?")) {
            fail.setLong(1, runAt.toEpochMilli());
            fail.setString(2, id);
            assertThat(fail.executeUpdate()).isOne();
        }
    }

    /**
     * A lock on the row until the transaction ends that lets others read it but not change it: so the promotion reads
     * both rows and then waits when it comes to change this one.
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
        try (PreparedStatement touch = c.prepareStatement(TOUCH)) {
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
