package io.tideflow.queue.store;

import static io.tideflow.queue.store.TaskFixtures.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.ErrorClass;
import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.admin.TaskEventView;
import io.tideflow.queue.api.worker.FailureVerdict;
import io.tideflow.queue.api.worker.LeasedTask;
import io.tideflow.queue.failure.RetryDecider;
import io.tideflow.queue.model.RetryDecision;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

abstract class LeaseStoreContract extends DatabaseContract {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private final Instant claimedAt = Instant.parse("2026-06-01T12:00:00Z");
    private final Instant afterExpiry = claimedAt.plus(LEASE).plusMillis(1);

    @Test
    void theDatabasesClockIsReadWhereItIsNotThisNodes() {
        java.util.Optional<Instant> databaseTime =
                db.inTransaction(em -> db.leases(em, "node-a").databaseTime());

        if (db.dialect().sharesThisNodesClock()) {
            assertThat(databaseTime).isEmpty();
        } else {
            // the local PostgreSQL shares this machine's clock
            assertThat(databaseTime)
                    .hasValueSatisfying(time -> assertThat(
                                    Duration.between(time, Instant.now()).abs())
                            .isLessThan(Duration.ofSeconds(1)));
        }
    }

    @Test
    void aHeartbeatExtendsTheLeaseOnlyWithTheCurrentToken() {
        insert(aTask());
        LeasedTask attempt = claim("node-a").get(0);
        Instant later = claimedAt.plus(LEASE.multipliedBy(2));
        assertThat(db.<Boolean>inTransaction(em -> leases(em, "node-a").heartbeat(attempt, later)))
                .isTrue();
        assertThat(db.<List<RescueCandidate>>inTransaction(em -> leases(em, "x").expiredLeases(afterExpiry, 10)))
                .as("extended past the first expiry")
                .isEmpty();

        LeasedTask stale = new LeasedTask(
                attempt.id(),
                attempt.type(),
                attempt.group(),
                attempt.payloadJson(),
                attempt.attempt(),
                attempt.maxAttempts(),
                "00000000-0000-0000-0000-000000000000",
                later,
                attempt.dueAt());
        assertThat(db.<Boolean>inTransaction(em -> leases(em, "node-a").heartbeat(stale, later)))
                .isFalse();
    }

    @Test
    void theRescuerTakesBackOnlyExpiredLeasesAndSchedulesARetry() {
        NewTask expired = insert(aTask());
        claim("node-a");
        NewTask fresh = insert(aTask());
        List<LeasedTask> freshAttempt = db.inTransaction(
                em -> db.store(em, "node-b").claimDue(1, claimedAt.plusSeconds(20), LEASE, TaskFixtures.TYPES));
        assertThat(freshAttempt).extracting(LeasedTask::id).containsExactly(fresh.id());

        List<RescueCandidate> due = db.inTransaction(em -> leases(em, "node-c").expiredLeases(afterExpiry, 10));
        assertThat(due).extracting(RescueCandidate::id).containsExactly(expired.id());
        Instant retryAt = afterExpiry.plusSeconds(1);
        assertThat(db.<FailureVerdict>inTransaction(em ->
                        leases(em, "node-c").rescueExpired(due.get(0), decisionFor(due.get(0)), retryAt, afterExpiry)))
                .isEqualTo(FailureVerdict.RETRY_SCHEDULED);
        assertThat(stateOf(expired.id())).isEqualTo(TaskState.FAILED);
        assertThat(stateOf(fresh.id())).isEqualTo(TaskState.RUNNING);
        TaskEventView rescue = history(expired.id()).get(2);
        assertThat(rescue.to()).isEqualTo(TaskState.FAILED);
        assertThat(rescue.node()).isEqualTo("node-c");
        assertThat(rescue.detail()).isEqualTo("lease expired (held by node-a)");

        assertThat(db.<FailureVerdict>inTransaction(em ->
                        leases(em, "node-d").rescueExpired(due.get(0), decisionFor(due.get(0)), retryAt, afterExpiry)))
                .as("a second rescuer with the same candidate")
                .isEqualTo(FailureVerdict.STALE_LEASE);
    }

    @Test
    void aRescueThatLosesTheRaceToACompletionNeverResurrectsTheTask() {
        NewTask task = insert(aTask());
        LeasedTask attempt = claim("node-a").get(0);
        // the rescuer reads its candidate, then the slow worker completes, then the rescuer acts on what it read
        RescueCandidate read = db.inTransaction(em -> leases(em, "node-b").expiredLeases(afterExpiry, 10))
                .get(0);
        assertThat(db.<Boolean>inTransaction(em -> db.store(em, "node-a").markSucceeded(attempt, "{}", 5, afterExpiry)))
                .isTrue();
        assertThat(db.<FailureVerdict>inTransaction(
                        em -> leases(em, "node-b").rescueExpired(read, decisionFor(read), afterExpiry, afterExpiry)))
                .isEqualTo(FailureVerdict.STALE_LEASE);
        assertThat(stateOf(task.id())).isEqualTo(TaskState.COMPLETED);
    }

    @Test
    void aCompletionThatLosesTheRaceToARescueIsRefused() {
        NewTask task = insert(aTask());
        LeasedTask attempt = claim("node-a").get(0);
        RescueCandidate read = db.inTransaction(em -> leases(em, "node-b").expiredLeases(afterExpiry, 10))
                .get(0);
        db.inTransaction(em -> leases(em, "node-b").rescueExpired(read, decisionFor(read), afterExpiry, afterExpiry));
        assertThat(db.<Boolean>inTransaction(em -> db.store(em, "node-a").markSucceeded(attempt, "{}", 5, afterExpiry)))
                .isFalse();
        assertThat(stateOf(task.id())).isEqualTo(TaskState.FAILED);
    }

    @Test
    void aHeartbeatThatCameFirstStopsTheRescue() {
        NewTask task = insert(aTask());
        LeasedTask attempt = claim("node-a").get(0);
        RescueCandidate read = db.inTransaction(em -> leases(em, "node-b").expiredLeases(afterExpiry, 10))
                .get(0);
        db.inTransaction(em -> leases(em, "node-a").heartbeat(attempt, afterExpiry.plus(LEASE)));
        assertThat(db.<FailureVerdict>inTransaction(
                        em -> leases(em, "node-b").rescueExpired(read, decisionFor(read), afterExpiry, afterExpiry)))
                .isEqualTo(FailureVerdict.STALE_LEASE);
        assertThat(stateOf(task.id())).isEqualTo(TaskState.RUNNING);
    }

    @Test
    void anExpiredTaskWithoutAttemptsLeftIsDeadLettered() {
        NewTask task = insert(aTask().withMaxAttempts(1));
        claim("node-a");
        RescueCandidate read = db.inTransaction(em -> leases(em, "node-b").expiredLeases(afterExpiry, 10))
                .get(0);
        assertThat(db.<FailureVerdict>inTransaction(
                        em -> leases(em, "node-b").rescueExpired(read, decisionFor(read), afterExpiry, afterExpiry)))
                .isEqualTo(FailureVerdict.DEAD_LETTERED);
        assertThat(stateOf(task.id())).isEqualTo(TaskState.DEAD_LETTER);
    }

    @Test
    void afterARestartANodeRescuesItsOwnTasksWithoutWaitingForTheirLeases() {
        NewTask mine = insert(aTask());
        claim("node-a");
        NewTask theirs = insert(aTask());
        claim("node-b");

        List<RescueCandidate> orphans =
                db.inTransaction(em -> leases(em, "node-a").heldBy("node-a"));
        assertThat(orphans).extracting(RescueCandidate::id).containsExactly(mine.id());
        Instant justAfterRestart = claimedAt.plusSeconds(1);
        assertThat(db.<FailureVerdict>inTransaction(em -> leases(em, "node-a")
                        .rescueOrphan(orphans.get(0), decisionFor(orphans.get(0)), justAfterRestart, justAfterRestart)))
                .isEqualTo(FailureVerdict.RETRY_SCHEDULED);
        assertThat(stateOf(mine.id())).isEqualTo(TaskState.FAILED);
        assertThat(stateOf(theirs.id())).isEqualTo(TaskState.RUNNING);
        assertThat(history(mine.id()).get(2).detail()).isEqualTo("node node-a restarted while running it");
    }

    @Test
    void cancelRequestsAreSeenAmongRunningTasks() {
        NewTask asked = insert(aTask());
        NewTask left = insert(aTask());
        claim("node-a");
        claim("node-a");
        db.inTransaction(em -> db.store(em, "op").cancel(asked.id(), claimedAt, null));
        assertThat(db.<java.util.Set<String>>inTransaction(em -> leases(em, "node-a")
                        .cancelRequestedAmong(
                                List.of(asked.id().value(), left.id().value()))))
                .containsExactly(asked.id().value());
    }

    @Test
    void nodesAreListedAliveWhileTheyBeatAndGoneWhenTheyStop() {
        Instant started = claimedAt.minusSeconds(60);
        db.inTransaction(em -> {
            new NodeRegistry(em, db.dialect()).beat("node-a", started, claimedAt, 3, 8);
            new NodeRegistry(em, db.dialect()).beat("node-b", started, claimedAt, 0, 0);
            return null;
        });
        db.inTransaction(em -> {
            new NodeRegistry(em, db.dialect()).beat("node-a", started, claimedAt.plusSeconds(20), 1, 8);
            return null;
        });
        List<io.tideflow.queue.api.admin.NodeView> nodes = db.inTransaction(
                em -> new NodeRegistry(em, db.dialect()).all(claimedAt.plusSeconds(25), Duration.ofSeconds(10)));
        assertThat(nodes).extracting(io.tideflow.queue.api.admin.NodeView::id).containsExactly("node-a", "node-b");
        assertThat(nodes)
                .extracting(io.tideflow.queue.api.admin.NodeView::alive)
                .containsExactly(true, false);
        assertThat(nodes.get(0).running()).isEqualTo(1);
        assertThat(nodes)
                .extracting(io.tideflow.queue.api.admin.NodeView::workers)
                .containsExactly(8, 0);
        assertThat(nodes.get(0).lastSeen()).isEqualTo(claimedAt.plusSeconds(20));

        db.inTransaction(em -> {
            new NodeRegistry(em, db.dialect()).leave("node-a");
            return null;
        });
        List<io.tideflow.queue.api.admin.NodeView> afterLeaving = db.inTransaction(
                em -> new NodeRegistry(em, db.dialect()).all(claimedAt.plusSeconds(25), Duration.ofSeconds(10)));
        assertThat(afterLeaving)
                .as("a node that stopped normally is gone; the one that stopped beating stays, not alive")
                .extracting(io.tideflow.queue.api.admin.NodeView::id)
                .containsExactly("node-b");
    }

    private LeaseStore leases(jakarta.persistence.EntityManager em, String node) {
        return db.leases(em, node);
    }

    private NewTask insert(TaskFixtures fixture) {
        NewTask task = fixture.build();
        db.inTransaction(em -> {
            db.store(em, "loader").insert(task);
            return null;
        });
        return task;
    }

    private List<LeasedTask> claim(String node) {
        return db.inTransaction(em -> db.store(em, node).claimDue(1, claimedAt, LEASE, TaskFixtures.TYPES));
    }

    private TaskState stateOf(TaskId id) {
        return db.inTransaction(em -> db.store(em, "x").stateOf(id)).orElseThrow();
    }

    private List<TaskEventView> history(TaskId id) {
        return db.inTransaction(em -> new TaskHistory(em, "x", db.dialect()).of(id));
    }

    private static RetryDecision decisionFor(RescueCandidate task) {
        return RetryDecider.decide(task.attempts(), task.maxAttempts(), ErrorClass.TRANSIENT);
    }
}
