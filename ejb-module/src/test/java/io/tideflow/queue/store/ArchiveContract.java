package io.tideflow.queue.store;

import static io.tideflow.queue.store.TaskFixtures.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.admin.TaskEventView;
import io.tideflow.queue.api.worker.LeasedTask;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Archiving moves finished tasks once, conditionally on their state, and records the move. */
abstract class ArchiveContract extends DatabaseContract {

    private static final Instant T = Instant.parse("2026-06-01T12:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);

    @Test
    void onlyTasksFinishedBeforeTheCutoffAreArchivedWithTheirHistory() {
        TaskId oldCompleted = completedAt(T);
        TaskId oldCancelled = cancelledAt(T);
        TaskId recent = completedAt(T.plus(Duration.ofDays(2)));
        TaskId waiting = insert(T);

        List<ArchivedTask> archived = archive(T.plus(Duration.ofDays(1)), 100);

        assertThat(archived).extracting(ArchivedTask::id).containsExactlyInAnyOrder(oldCompleted, oldCancelled);
        assertThat(archived)
                .filteredOn(task -> task.id().equals(oldCancelled))
                .singleElement()
                .satisfies(task -> assertThat(task.from()).isEqualTo(TaskState.CANCELLED));
        assertThat(stateOf(oldCompleted)).isEqualTo("ARCHIVED");
        assertThat(stateOf(recent)).isEqualTo("COMPLETED");
        assertThat(stateOf(waiting)).isEqualTo("PENDING");
        List<TaskEventView> history =
                db.inTransaction(em -> new TaskHistory(em, "reader", db.dialect()).of(oldCompleted));
        assertThat(history.get(history.size() - 1)).satisfies(last -> {
            assertThat(last.from()).isEqualTo(TaskState.COMPLETED);
            assertThat(last.to()).isEqualTo(TaskState.ARCHIVED);
        });
        assertThat(archive(T.plus(Duration.ofDays(1)), 100))
                .as("nothing left to archive")
                .isEmpty();
    }

    @Test
    void archiversRunningAtOnceMoveEachTaskOnce() throws Exception {
        List<TaskId> finished = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            finished.add(completedAt(T));
        }
        int archivers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(archivers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> moved = new ArrayList<>();
            for (int i = 0; i < archivers; i++) {
                moved.add(pool.submit((Callable<Integer>) () -> {
                    go.await();
                    int total = 0;
                    List<ArchivedTask> batch;
                    do {
                        batch = archive(T.plusSeconds(1), 25);
                        total += batch.size();
                    } while (!batch.isEmpty());
                    return total;
                }));
            }
            go.countDown();
            int total = 0;
            for (Future<Integer> count : moved) {
                total += count.get();
            }
            assertThat(total).isEqualTo(finished.size());
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.count("SELECT COUNT(*) FROM tasks WHERE state = 'ARCHIVED'"))
                .isEqualTo(finished.size());
        assertThat(db.count("SELECT COUNT(*) FROM task_events WHERE to_state = 'ARCHIVED'"))
                .as("one history row per move")
                .isEqualTo(finished.size());
    }

    @Test
    void thePurgeDeletesTasksPastTheirRetentionWithTheirHistoryAndResultAndNothingElse() {
        TaskId archived = completedAt(T);
        archive(T.plusSeconds(1), 100); // archived at T + 30 days
        TaskId dead = deadLetterAt(T);
        TaskId completed = completedAt(T);
        Instant archivedAt = T.plus(Duration.ofDays(30));

        assertThat(purge(TaskState.ARCHIVED, archivedAt, 100))
                .as("archived at the cutoff, not before")
                .isZero();
        assertThat(purge(TaskState.ARCHIVED, archivedAt.plusMillis(1), 100)).isEqualTo(1);
        assertThat(purge(TaskState.DEAD_LETTER, T.plusMillis(1), 100)).isEqualTo(1);

        for (TaskId gone : List.of(archived, dead)) {
            assertThat(db.count("SELECT COUNT(*) FROM tasks WHERE id = '" + gone.value() + "'"))
                    .isZero();
            assertThat(db.count("SELECT COUNT(*) FROM task_events WHERE task_id = '" + gone.value() + "'"))
                    .isZero();
        }
        assertThat(db.count("SELECT COUNT(*) FROM task_results WHERE task_id = '" + archived.value() + "'"))
                .isZero();
        assertThat(stateOf(completed))
                .as("a finished task is archived first, never purged")
                .isEqualTo("COMPLETED");
        assertThat(db.count("SELECT COUNT(*) FROM task_results WHERE task_id = '" + completed.value() + "'"))
                .isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM task_events WHERE task_id = '" + completed.value() + "'"))
                .as("the history of a task that stays")
                .isEqualTo(3);
    }

    @Test
    void thePurgeWorksOffABacklogInBoundedBatches() {
        for (int i = 0; i < 70; i++) {
            deadLetterAt(T);
        }
        assertThat(purge(TaskState.DEAD_LETTER, T.plusSeconds(1), 50)).isEqualTo(50);
        assertThat(purge(TaskState.DEAD_LETTER, T.plusSeconds(1), 50)).isEqualTo(20);
        assertThat(db.count("SELECT COUNT(*) FROM tasks")).isZero();
    }

    private int purge(TaskState state, Instant before, int limit) {
        return db.inTransaction(em -> new TaskArchive(em, db.dialect(), new TaskHistory(em, "archiver", db.dialect()))
                .purge(state, before, limit));
    }

    private TaskId deadLetterAt(Instant at) {
        TaskId id = insert(at);
        LeasedTask claimed = db.inTransaction(em -> db.store(em, "node-a").claimDue(1, at, LEASE, TaskFixtures.TYPES))
                .get(0);
        db.inTransaction(em -> db.store(em, "node-a")
                .recordFailure(claimed, "boom", io.tideflow.queue.model.RetryDecision.DEAD_LETTER, at, at));
        return id;
    }

    private List<ArchivedTask> archive(Instant before, int limit) {
        return db.inTransaction(em -> new TaskArchive(em, db.dialect(), new TaskHistory(em, "archiver", db.dialect()))
                .archiveFinishedBefore(before, limit, T.plus(Duration.ofDays(30))));
    }

    private TaskId insert(Instant at) {
        NewTask task = aTask().dueAt(at).build();
        db.inTransaction(em -> {
            db.store(em, "loader").insert(task);
            return null;
        });
        return task.id();
    }

    private TaskId completedAt(Instant at) {
        TaskId id = insert(at);
        LeasedTask claimed = db.inTransaction(em -> db.store(em, "node-a").claimDue(1, at, LEASE, TaskFixtures.TYPES))
                .get(0);
        assertThat(claimed.id()).isEqualTo(id);
        db.inTransaction(
                em -> db.store(em, "node-a").markSucceeded(claimed, "{\"archived\":\"with its result\"}", 5, at));
        return id;
    }

    private TaskId cancelledAt(Instant at) {
        TaskId id = insert(at);
        db.inTransaction(em -> db.store(em, "node-a").cancel(id, at, null));
        return id;
    }

    private String stateOf(TaskId id) {
        return db.inTransaction(em -> (String) em.createNativeQuery("SELECT state FROM tasks WHERE id = ?1")
                        .setParameter(1, id.value())
                        .getSingleResult())
                .trim();
    }
}
