package io.tideflow.queue.store;

import static io.tideflow.queue.store.TaskFixtures.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.worker.LeasedTask;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The claim across groups in priority order when the first tasks in that order cannot be claimed: not yet due, of a
 * type this node does not run, or in a paused group. More of them than a claim looks at before it asks the database's
 * own plan (Derby walks its claim index a few hundred rows first).
 */
abstract class ClaimBehindABacklogContract extends DatabaseContract {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final int AHEAD = 600;

    @Test
    void dueTasksBehindManyNotYetDueAreClaimedInOrder() {
        claimsTheDueOnesBehind(i -> aTask().withPriority(9).dueAt(NOW.plus(Duration.ofDays(1))));
    }

    @Test
    void dueTasksBehindAPausedGroupsBacklogAreClaimedInOrder() {
        db.execute("INSERT INTO resource_groups (name, paused, updated_at) VALUES ('held', 1, 0)");
        claimsTheDueOnesBehind(i -> aTask().withPriority(9).inGroup("held").dueAt(NOW));
    }

    @Test
    void dueTasksBehindTypesThisNodeDoesNotRunAreClaimedInOrder() {
        claimsTheDueOnesBehind(
                i -> aTask().withPriority(9).ofType("report.render").dueAt(NOW));
    }

    @Test
    void aClaimAmongFewBlockersTakesTheFirstDueOnesInOrder() {
        TaskFixtures.insertInChunks(db, 50, i -> aTask().withPriority(9).dueAt(NOW.plus(Duration.ofDays(1))));
        List<TaskId> due = insertDue(40);

        assertThat(claim(8)).extracting(LeasedTask::id).containsExactlyElementsOf(due.subList(0, 8));
        assertThat(claim(100)).extracting(LeasedTask::id).containsExactlyElementsOf(due.subList(8, 40));
    }

    private void claimsTheDueOnesBehind(IntFunction<TaskFixtures> blocker) {
        TaskFixtures.insertInChunks(db, AHEAD, blocker);
        List<TaskId> due = insertDue(3);

        assertThat(claim(8)).extracting(LeasedTask::id).containsExactlyElementsOf(due);
    }

    /** Due tasks of priority 1, oldest first: the claim order among them. */
    private List<TaskId> insertDue(int count) {
        List<TaskId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            NewTask task = aTask().withPriority(1).dueAt(NOW.minusSeconds(60)).build();
            db.inTransaction(em -> {
                db.store(em, "loader").insert(task);
                return null;
            });
            ids.add(task.id());
        }
        return ids;
    }

    private List<LeasedTask> claim(int limit) {
        return db.inTransaction(
                em -> db.store(em, "node-a").claimDue(limit, NOW, Duration.ofSeconds(30), TaskFixtures.TYPES));
    }
}
