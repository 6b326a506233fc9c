package io.tideflow.queue.store;

import static io.tideflow.queue.store.TaskFixtures.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.worker.LeasedTask;
import io.tideflow.queue.store.groups.GroupStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Claims by task type: a node claims only the types it has handlers for (two applications on one database leave each
 * other's tasks alone), and a worker that runs similar tasks together claims one type of one group.
 */
abstract class TypedClaimContract {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private final Instant now = Instant.parse("2026-06-01T12:00:00Z");
    private final TestDatabase db = newDatabase();

    abstract TestDatabase newDatabase();

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void aTypedClaimTakesOnlyThatTypeOfThatGroupInPriorityOrder() {
        NewTask low = insert(aTask().ofType("mail.send").inGroup("mail").withPriority(1));
        NewTask high = insert(aTask().ofType("mail.send").inGroup("mail").withPriority(9));
        NewTask otherType = insert(aTask().ofType("mail.bounce").inGroup("mail"));
        NewTask otherGroup = insert(aTask().ofType("mail.send").inGroup("sms"));

        List<LeasedTask> claimed = db.inTransaction(
                em -> db.store(em, "node-a").claimDueInGroup("mail", List.of("mail.send"), 10, now, LEASE));

        assertThat(claimed).extracting(LeasedTask::id).containsExactly(high.id(), low.id());
        assertThat(claimed)
                .extracting(LeasedTask::leaseToken)
                .doesNotContainNull()
                .containsOnly(claimed.get(0).leaseToken());
        assertThat(stateOf(otherType)).isEqualTo("PENDING");
        assertThat(stateOf(otherGroup)).isEqualTo("PENDING");
    }

    @Test
    void aTypedClaimTakesNothingTwiceAndRespectsItsLimit() {
        for (int i = 0; i < 5; i++) {
            insert(aTask().ofType("mail.send").inGroup("mail"));
        }
        List<LeasedTask> first = db.inTransaction(
                em -> db.store(em, "node-a").claimDueInGroup("mail", List.of("mail.send"), 3, now, LEASE));
        List<LeasedTask> second = db.inTransaction(
                em -> db.store(em, "node-b").claimDueInGroup("mail", List.of("mail.send"), 3, now, LEASE));

        assertThat(first).hasSize(3);
        assertThat(second).hasSize(2);
        assertThat(second)
                .extracting(LeasedTask::id)
                .doesNotContainAnyElementsOf(first.stream().map(LeasedTask::id).toList());
        assertThat(db.count("SELECT COUNT(*) FROM tasks WHERE state = 'RUNNING'"))
                .isEqualTo(5);
    }

    @Test
    void aNodeClaimsOnlyTheTypesItRunsAndLeavesTheOthersToTheirNodes() {
        NewTask ours = insert(aTask().ofType("mail.send").withPriority(1));
        NewTask theirs = insert(aTask().ofType("mail.bounce").withPriority(9));

        List<LeasedTask> claimed = db.inTransaction(
                em -> db.store(em, "node-a").claimDue(10, now, LEASE, List.of("mail.send", "sms.send")));
        List<LeasedTask> nothingToRun =
                db.inTransaction(em -> db.store(em, "node-a").claimDue(10, now, LEASE, List.of()));

        assertThat(claimed).extracting(LeasedTask::id).containsExactly(ours.id());
        assertThat(nothingToRun).isEmpty();
        assertThat(stateOf(theirs)).isEqualTo("PENDING");

        List<LeasedTask> theirNode =
                db.inTransaction(em -> db.store(em, "node-b").claimDue(10, now, LEASE, List.of("mail.bounce")));
        assertThat(theirNode).extracting(LeasedTask::id).containsExactly(theirs.id());
    }

    @Test
    void theGroupsWhereABatchableTypeHasWorkLeavePausedGroupsOut() {
        insert(aTask().ofType("mail.send").inGroup("mail"));
        insert(aTask().ofType("mail.send").inGroup("held"));
        insert(aTask().ofType("mail.bounce").inGroup("bounces"));
        db.inTransaction(em -> new GroupStore(em, db.dialect()).setPaused("held", true, now));

        assertThat(db.<Set<String>>inTransaction(
                        em -> db.store(em, "node-a").groupsWithDueTasksOfType("mail.send", now)))
                .containsExactly("mail");

        db.inTransaction(em -> new GroupStore(em, db.dialect()).setPaused("held", false, now));
        assertThat(db.<Set<String>>inTransaction(
                        em -> db.store(em, "node-a").groupsWithDueTasksOfType("mail.send", now)))
                .containsExactlyInAnyOrder("mail", "held");
    }

    private NewTask insert(TaskFixtures task) {
        NewTask built = task.dueAt(now.minusSeconds(1)).build();
        db.inTransaction(em -> {
            db.store(em, "loader").insert(built);
            return null;
        });
        return built;
    }

    private String stateOf(NewTask task) {
        return db.<String>inTransaction(
                em -> db.store(em, "x").stateOf(task.id()).orElseThrow().name());
    }
}
