package io.tideflow.queue.store;

import static io.tideflow.queue.store.TaskFixtures.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.model.GroupLimits;
import io.tideflow.queue.store.groups.GroupStore;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Writes that a unique key decides, raced by eight transactions that start together and hold their insert open for
 * a moment, so that the others run into it: every one ends normally, one row is written, and the losers learn the
 * winner's id. Before, the losers failed with the database's unique key violation (a 500 to a REST client).
 */
abstract class DuplicateInsertContract extends DatabaseContract {

    private static final int RACERS = 8;
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void racingSubmissionsOfOneIdempotencyKeyMakeOneTaskAndAllLearnItsId() throws Exception {
        List<NewTask> racers = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            racers.add(aTask().withIdempotencyKey("order-42").build());
        }

        List<Optional<TaskId>> holders =
                race(i -> em -> db.store(em, "node-" + i).insert(racers.get(i)));

        List<TaskId> winners = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            if (holders.get(i).isEmpty()) {
                winners.add(racers.get(i).id());
            }
        }
        assertThat(winners).hasSize(1);
        assertThat(holders)
                .allSatisfy(holder -> holder.ifPresent(id -> assertThat(id).isEqualTo(winners.get(0))));
        assertThat(db.count("SELECT COUNT(*) FROM tasks WHERE idempotency_key = 'order-42'"))
                .isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM task_events"))
                .as("history rows")
                .isEqualTo(1);
    }

    @Test
    void aBulkInsertWhoseKeyARacerHoldsInsertsTheRestAndNamesTheHolder() throws Exception {
        List<Map<String, TaskId>> held = race(i -> em -> db.store(em, "node-" + i)
                .insertAll(List.of(
                        aTask().build(), aTask().withIdempotencyKey("shared").build(), aTask().build())));

        assertThat(db.count("SELECT COUNT(*) FROM tasks WHERE idempotency_key = 'shared'"))
                .isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM tasks")).isEqualTo(1 + 2L * RACERS);
        assertThat(db.count("SELECT COUNT(*) FROM task_events")).isEqualTo(1 + 2L * RACERS);
        assertThat(held.stream().filter(Map::isEmpty)).hasSize(1);
        TaskId holder = db.inTransaction(em -> db.store(em, "reader").findIdByIdempotencyKey("shared"))
                .orElseThrow();
        assertThat(held).allSatisfy(map -> assertThat(map).isIn(Map.of(), Map.of("shared", holder)));
    }

    @Test
    void bulksOfKeyedTasksInsertEveryFreeKeyAndNameTheHoldersOfTheRest() throws Exception {
        // PostgreSQL sends a bulk's keyed tasks in one batch and reads back who holds the keys
        List<Map<String, TaskId>> held = race(i -> em -> db.store(em, "node-" + i)
                .insertAll(List.of(
                        aTask().withIdempotencyKey("shared-1").build(),
                        aTask().withIdempotencyKey("own-" + i).build(),
                        aTask().withIdempotencyKey("shared-2").build(),
                        aTask().build())));

        assertThat(db.count("SELECT COUNT(*) FROM tasks WHERE idempotency_key LIKE 'shared-%'"))
                .isEqualTo(2);
        assertThat(db.count("SELECT COUNT(*) FROM tasks WHERE idempotency_key LIKE 'own-%'"))
                .isEqualTo(RACERS);
        assertThat(db.count("SELECT COUNT(*) FROM tasks")).isEqualTo(2 + 2L * RACERS);
        assertThat(db.count("SELECT COUNT(*) FROM task_events")).isEqualTo(2 + 2L * RACERS);
        TaskId first = db.inTransaction(em -> db.store(em, "reader").findIdByIdempotencyKey("shared-1"))
                .orElseThrow();
        TaskId second = db.inTransaction(em -> db.store(em, "reader").findIdByIdempotencyKey("shared-2"))
                .orElseThrow();
        // every racer meets the first shared key in the same place, so the one that wins it wins the second too
        assertThat(held.stream().filter(Map::isEmpty)).hasSize(1);
        assertThat(held)
                .allSatisfy(map -> assertThat(map).isIn(Map.of(), Map.of("shared-1", first, "shared-2", second)));
    }

    @Test
    void racingRequeuesOfOneDeadLetterMakeOneCopy() throws Exception {
        TaskId deadLetter = TaskId.of("00000000-0000-7000-8000-000000000001");

        List<Optional<TaskId>> holders = race(i -> em ->
                db.store(em, "node-" + i).insert(aTask().requeuing(deadLetter).build()));

        assertThat(holders.stream().filter(Optional::isEmpty)).hasSize(1);
        assertThat(db.count("SELECT COUNT(*) FROM tasks")).isEqualTo(1);
        String copy = db.inTransaction(em -> new TaskReader(em, db.dialect())
                .list(io.tideflow.queue.api.admin.TaskFilter.all(), 1)
                .items()
                .get(0)
                .id()
                .value());
        assertThat(holders)
                .allSatisfy(
                        holder -> holder.ifPresent(id -> assertThat(id.value()).isEqualTo(copy)));
    }

    @Test
    void racingFirstPausesAndLimitsOfANewGroupAllTakeEffect() throws Exception {
        GroupLimits limits = new GroupLimits(3, null, null, null);

        // even racers pause the group, odd ones set its limits: whichever creates the row, the others apply theirs
        List<Boolean> changed = race(i -> em -> i % 2 == 0
                ? new GroupStore(em, db.dialect()).setPaused("fresh", true, NOW)
                : new GroupStore(em, db.dialect()).setLimits("fresh", limits, true, NOW));

        List<Boolean> pauses = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            if (i % 2 == 0) {
                pauses.add(changed.get(i));
            } else {
                assertThat(changed.get(i)).as("limits of racer %d applied", i).isTrue();
            }
        }
        assertThat(pauses.stream().filter(Boolean::booleanValue))
                .as("pauses that changed the group")
                .hasSize(1);
        assertThat(
                        db.count(
                                "SELECT COUNT(*) FROM resource_groups WHERE name = 'fresh' AND paused = 1 AND max_concurrent = 3"))
                .isEqualTo(1);
    }

    @Test
    void racingFirstLimitsOfANewGroupAllApply() throws Exception {
        GroupLimits limits = new GroupLimits(3, null, null, null);

        List<Boolean> applied = race(i -> em -> new GroupStore(em, db.dialect()).setLimits("fresh", limits, true, NOW));

        assertThat(applied).containsOnly(true);
        assertThat(db.count("SELECT COUNT(*) FROM resource_groups WHERE name = 'fresh' AND max_concurrent = 3"))
                .isEqualTo(1);
    }

    /**
     * Runs racer {@code i}'s write in its own transaction on its own thread; all start together and each keeps its
     * transaction open a moment after writing, so the others meet its row uncommitted.
     */
    private <T> List<T> race(Function<Integer, Function<EntityManager, T>> write) throws Exception {
        CyclicBarrier start = new CyclicBarrier(RACERS);
        ExecutorService threads = Executors.newFixedThreadPool(RACERS);
        try {
            List<Future<T>> results = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                Function<EntityManager, T> racer = write.apply(i);
                results.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return db.inTransaction(em -> {
                        T result = racer.apply(em);
                        pause();
                        return result;
                    });
                }));
            }
            List<T> outcomes = new ArrayList<>();
            for (Future<T> result : results) {
                outcomes.add(result.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
