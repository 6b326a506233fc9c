package io.tideflow.queue.groups;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.config.ConfiguredGroup;
import io.tideflow.queue.config.ConfiguredGroups;
import io.tideflow.queue.model.GroupLimits;
import io.tideflow.queue.store.DerbyTestDatabase;
import io.tideflow.queue.store.NewTask;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The group cap against a real database: what holds tasks there counts, what the configuration defines is free. */
class GroupCensusTest {

    private static final Instant START = Instant.parse("2026-12-03T20:00:00Z");

    private final DerbyTestDatabase db = new DerbyTestDatabase();
    private final GroupCensus census = new GroupCensus();

    GroupCensusTest() {
        census.configured = new ConfiguredGroups(
                Map.of("declared", new ConfiguredGroup(new GroupLimits(null, null, null, null), null, 1)), 3);
        census.clock = Clock.fixed(START, ZoneOffset.UTC);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void newGroupsAreAdmittedUntilTheCapAndGroupsThatHoldTasksOrAreDefinedAlways() {
        insertTaskIn("a");
        insertTaskIn("b");
        assertThat(admit(List.of("c"))).isEmpty();
        Optional<GroupCensus.Refusal> refused = admit(List.of("d"));
        assertThat(refused).isPresent();
        assertThat(refused.get().group()).isEqualTo("d");
        assertThat(refused.get().problem())
                .contains("3 groups hold tasks already")
                .contains("tideflow.groups.max allows 3");
        assertThat(admit(List.of("a", "b", "declared"))).isEmpty();
    }

    @Test
    void aBatchIsRefusedAtItsFirstGroupBeyondTheCap() {
        insertTaskIn("a");
        assertThat(admit(List.of("a", "x", "y", "z", "w")))
                .map(GroupCensus.Refusal::group)
                .contains("z");
        assertThat(admit(List.of("x", "y")))
                .as("the refused batch admitted nothing")
                .isEmpty();
    }

    @Test
    void aGroupNewToTheCensusIsAdmittedWithoutAReadUntilTheCensusIsAMinuteOld() {
        insertTaskIn("a");
        assertThat(admit(List.of("b"))).isEmpty();
        insertTaskIn("c");
        insertTaskIn("e");

        census.store = null;
        assertThat(census.admit(List.of("d")))
                .as("admitted from the census of a moment ago, without a read (there is no store to read): it knows a"
                        + " and b only, so d finds room, and another node's c and e are unseen")
                .isEmpty();

        at(START.plus(GroupCensus.RETAKEN_FOR_NEW_GROUPS_AFTER).plusSeconds(1));
        assertThat(admit(List.of("f")))
                .as("a minute later the census is taken again: a, c and e hold tasks (b and d never committed any)")
                .map(GroupCensus.Refusal::problem)
                .hasValueSatisfying(problem -> assertThat(problem).contains("3 groups hold tasks already"));
        assertThat(admit(List.of("a", "c", "e"))).isEmpty();
    }

    @Test
    void aCensusTakenAtStartAdmitsTheFirstNewGroupWithoutARead() {
        insertTaskIn("a");
        insertTaskIn("b");
        db.inTransaction(em -> {
            census.store = db.store(em, "node-a");
            census.takeUnlessTaken();
            return null;
        });

        census.store = null;
        census.takeUnlessTaken();
        assertThat(census.admit(List.of("c")))
                .as("a and b counted at start, so c finds the last place without a read")
                .isEmpty();
        assertThat(census.admit(List.of("d")))
                .map(GroupCensus.Refusal::problem)
                .hasValueSatisfying(problem -> assertThat(problem).contains("3 groups hold tasks already"));
    }

    @Test
    void aRefusalCountsWhatTheDatabaseHoldsAtMostASecondAgo() {
        insertTaskIn("a");
        insertTaskIn("b");
        insertTaskIn("c");
        assertThat(admit(List.of("x"))).isPresent();
        db.inTransaction(em -> em.createNativeQuery("DELETE FROM tasks WHERE resource_group = 'c'")
                .executeUpdate());

        assertThat(admit(List.of("x")))
                .as("within the second the census stands: c's tasks are gone unseen")
                .isPresent();
        at(START.plus(GroupCensus.RETAKEN_BEFORE_A_REFUSAL_AFTER).plusMillis(1));
        assertThat(admit(List.of("x")))
                .as("before refusing again the census is taken: two groups hold tasks, so x finds room")
                .isEmpty();
    }

    @Test
    void concurrentSubmissionsOfNewGroupsAdmitNoMoreThanTheRoom() throws Exception {
        census.configured = new ConfiguredGroups(Map.of(), 20);
        insertTaskIn("a");
        assertThat(admit(List.of("b"))).isEmpty();
        // the census is fresh: neither an admission nor a refusal reads the database
        census.store = null;
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> admitted = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                String prefix = "t" + thread + "-";
                admitted.add(pool.submit(() -> {
                    start.await();
                    int count = 0;
                    for (int group = 0; group < 10; group++) {
                        if (census.admit(List.of(prefix + group, "a", "b")).isEmpty()) {
                            count++;
                        }
                    }
                    return count;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> each : admitted) {
                total += each.get(30, TimeUnit.SECONDS);
            }
            assertThat(total).as("20 allowed, a and b hold their places").isEqualTo(18);
        } finally {
            pool.shutdownNow();
        }
    }

    private void at(Instant now) {
        census.clock = Clock.fixed(now, ZoneOffset.UTC);
    }

    private Optional<GroupCensus.Refusal> admit(List<String> groups) {
        return db.inTransaction(em -> {
            census.store = db.store(em, "node-a");
            return census.admit(groups);
        });
    }

    private void insertTaskIn(String group) {
        Instant now = Instant.now();
        db.inTransaction(em -> db.store(em, "node-a")
                .insert(new NewTask(
                        TaskId.of(UUID.randomUUID().toString()),
                        "test.noop",
                        group,
                        5,
                        "{}",
                        3,
                        now,
                        now,
                        null,
                        null)));
    }
}
