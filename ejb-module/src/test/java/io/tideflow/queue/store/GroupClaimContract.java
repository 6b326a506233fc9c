package io.tideflow.queue.store;

import static io.tideflow.queue.store.TaskFixtures.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tideflow.queue.api.BreakerState;
import io.tideflow.queue.model.Breaker;
import io.tideflow.queue.model.BreakerSettings;
import io.tideflow.queue.model.GroupLimits;
import io.tideflow.queue.store.groups.BreakerStore;
import io.tideflow.queue.store.groups.GroupStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Resource groups under the engine's own dispatch loop and group-aware claims, with real transactions: a paused group
 * is skipped while others flow, concurrency limits hold per node and across two dispatchers, and a rate holds over
 * seconds.
 */
abstract class GroupClaimContract {

    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final int GROUPS = 3_000;

    private final TestDatabase db = newDatabase();
    private final ClaimingNodes nodes = new ClaimingNodes(db, LEASE);

    abstract TestDatabase newDatabase();

    @AfterEach
    void stop() throws InterruptedException {
        nodes.close();
        db.close();
    }

    @Test
    void aPausedGroupIsSkippedWhileTheOthersFlowAndRunsOnceResumed() {
        insert(20, "mail");
        insert(20, "default");
        db.inTransaction(em -> new GroupStore(em, db.dialect()).setPaused("mail", true, Instant.now()));

        nodes.start("node-a", 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> completedIn("default") == 20);
        assertThat(completedIn("mail")).isZero();
        assertThat(db.count("SELECT COUNT(*) FROM tasks WHERE resource_group = 'mail' AND state = 'PENDING'"))
                .isEqualTo(20);

        db.inTransaction(em -> new GroupStore(em, db.dialect()).setPaused("mail", false, Instant.now()));
        nodes.wakeAll();
        await().atMost(Duration.ofSeconds(30)).until(() -> completedIn("mail") == 20);
    }

    @Test
    void aClusterLimitOfThreeHoldsAcrossTwoDispatchersAndAnUnlimitedGroupFlowsBeside() {
        insert(150, "limited");
        insert(150, "free");
        db.inTransaction(em -> new GroupStore(em, db.dialect())
                .setLimits("limited", new GroupLimits(null, 3, null, null), false, Instant.now()));
        Optional<AtomicInteger> mostRunningInDatabase = nodes.sampleRunning("limited");

        nodes.start("node-a", 5);
        nodes.start("node-b", 5);
        await().atMost(Duration.ofMinutes(2)).until(() -> completedIn("limited") == 150 && completedIn("free") == 150);

        System.out.printf(
                "GroupClaimContract: cluster limit 3, two dispatchers of 8 workers: at most %d handlers at"
                        + " once (database: %s); the unlimited group beside: %d%n",
                nodes.mostAtOnce("limited"),
                mostRunningInDatabase.map(most -> most.get() + " RUNNING rows").orElse("not sampled"),
                nodes.mostAtOnce("free"));
        assertThat(nodes.mostAtOnce("limited"))
                .as("handlers of the group running at once")
                .isBetween(1, 3);
        mostRunningInDatabase.ifPresent(most ->
                assertThat(most.get()).as("RUNNING rows of the group at once").isBetween(1, 3));
        assertThat(nodes.mostAtOnce("free"))
                .as("the unlimited group is not held to the limit")
                .isGreaterThan(3);
    }

    @Test
    void aNodeLimitHoldsOnEachNode() {
        insert(120, "per-node");
        db.inTransaction(em -> new GroupStore(em, db.dialect())
                .setLimits("per-node", new GroupLimits(2, null, null, null), false, Instant.now()));
        Optional<AtomicInteger> mostRunningInDatabase = nodes.sampleRunning("per-node");

        nodes.start("node-a", 5);
        nodes.start("node-b", 5);
        await().atMost(Duration.ofMinutes(2)).until(() -> completedIn("per-node") == 120);

        System.out.printf(
                "GroupClaimContract: node limit 2, two dispatchers: at most %d and %d handlers at once"
                        + " (database: %s)%n",
                nodes.mostAtOnce("node-a/per-node"),
                nodes.mostAtOnce("node-b/per-node"),
                mostRunningInDatabase.map(most -> most.get() + " RUNNING rows").orElse("not sampled"));
        assertThat(nodes.mostAtOnce("node-a/per-node"))
                .as("handlers at once on node-a")
                .isBetween(1, 2);
        assertThat(nodes.mostAtOnce("node-b/per-node"))
                .as("handlers at once on node-b")
                .isBetween(1, 2);
        mostRunningInDatabase.ifPresent(
                most -> assertThat(most.get()).as("two per node, two nodes").isBetween(1, 4));
        assertThat(db.count("SELECT COUNT(DISTINCT node) FROM task_events e JOIN tasks t ON t.id = e.task_id"
                        + " WHERE t.resource_group = 'per-node' AND e.to_state = 'RUNNING'"))
                .isEqualTo(2);
    }

    @Test
    void aRateOfTenPerSecondStartsTenPerSecondOverTenSecondsAfterItsFirstBurst() throws InterruptedException {
        insert(300, "rated");
        db.inTransaction(em -> new GroupStore(em, db.dialect())
                .setLimits("rated", new GroupLimits(null, null, 10, 1_000L), false, Instant.now()));

        long started = System.nanoTime();
        nodes.start("node-a", 0);
        nodes.start("node-b", 0);
        // the dispatchers of the engine are woken by their poll; these by this loop
        long deadline = started + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Thread.sleep(50);
            nodes.wakeAll();
        }
        nodes.stopAll();
        double seconds = (System.nanoTime() - started) / 1e9;
        long startedTasks = db.count("SELECT COUNT(*) FROM task_events e JOIN tasks t ON t.id = e.task_id"
                + " WHERE t.resource_group = 'rated' AND e.to_state = 'RUNNING'");
        // a full bucket (10) at once, then 10 per second
        double expected = 10 + 10 * seconds;
        System.out.printf(
                "GroupClaimContract: rate 10/s over %.2f s on two dispatchers: %d starts, expected %.0f"
                        + " (%+.1f %%)%n",
                seconds, startedTasks, expected, 100 * (startedTasks - expected) / expected);
        assertThat((double) startedTasks).isBetween(expected * 0.9, expected * 1.1);
    }

    @Test
    void anOpenBreakerHoldsItsGroupWithoutBurningAttemptsAndHalfOpenLetsOnlyTheProbesThroughOnAnyNode()
            throws InterruptedException {
        BreakerSettings settings = new BreakerSettings(0.5, 4, Duration.ofMinutes(1), Duration.ofSeconds(3), 2);
        nodes.breakerSettings("flaky", settings);
        db.inTransaction(em -> {
            new GroupStore(em, db.dialect()).setBreaker("flaky", true, Instant.now());
            new BreakerStore(em, db.dialect()).createIfMissing("flaky", System.currentTimeMillis());
            return null;
        });
        recordOutcomes("flaky", 0, 4, settings);
        assertThat(breaker("flaky").state()).isEqualTo(BreakerState.OPEN);
        insert(10, "flaky");
        insert(10, "default");

        nodes.start("node-a", 0);
        nodes.start("node-b", 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> completedIn("default") == 10);
        assertThat(breaker("flaky").state())
                .as("the other group drained within the open delay")
                .isEqualTo(BreakerState.OPEN);
        assertThat(db.count("SELECT COUNT(*) FROM tasks WHERE resource_group = 'flaky' AND attempts > 0"))
                .as("no attempt burned while OPEN")
                .isZero();

        // after the delay: HALF_OPEN, two probes on whichever nodes, and nothing more until they are counted
        await().atMost(Duration.ofSeconds(15)).until(() -> completedIn("flaky") == 2);
        Thread.sleep(500);
        assertThat(completedIn("flaky")).isEqualTo(2);
        assertThat(breaker("flaky").state()).isEqualTo(BreakerState.HALF_OPEN);
        assertThat(breaker("flaky").probesStarted()).isEqualTo(2);

        recordOutcomes("flaky", 2, 0, settings);
        assertThat(breaker("flaky").state()).isEqualTo(BreakerState.CLOSED);
        await().atMost(Duration.ofSeconds(30)).until(() -> completedIn("flaky") == 10);
    }

    @Test
    void withinAGroupHigherPriorityStartsFirstThenTheOldestAcrossAThousandTasks() {
        List<io.tideflow.queue.store.NewTask> tasks = new ArrayList<>();
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 1_000; i++) {
            tasks.add(aTask().inGroup("ordered")
                    .withPriority(random.nextInt(10))
                    .dueAt(Instant.now().minusSeconds(1))
                    .build());
        }
        db.inTransaction(em -> {
            db.store(em, "submitter").insertAll(tasks);
            return new GroupStore(em, db.dialect())
                    .setLimits("ordered", new GroupLimits(null, 1, null, null), false, Instant.now());
        });
        List<String> expected = tasks.stream()
                .sorted(java.util.Comparator.comparingInt((io.tideflow.queue.store.NewTask t) -> -t.priority())
                        .thenComparing(t -> t.id().value()))
                .map(t -> t.id().value())
                .toList();

        nodes.start("node-a", 0);
        await().atMost(Duration.ofMinutes(2)).until(() -> completedIn("ordered") == 1_000);

        assertThat(nodes.startOrder())
                .as("one at a time, so the start order is the claim order")
                .containsExactlyElementsOf(expected);
    }

    @Test
    void aGroupPostedAfterFiftyThousandHigherPriorityTasksOfAnotherStartsAtOnceAndTakesTurns() {
        insertMany(50_000, "flood", 9);
        nodes.start("node-a", 0);
        await().atMost(Duration.ofMinutes(2)).until(() -> nodes.startOrder().size() >= 500);

        List<io.tideflow.queue.store.NewTask> trickle = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            trickle.add(aTask().inGroup("trickle")
                    .withPriority(1)
                    .dueAt(Instant.now().minusSeconds(1))
                    .build());
        }
        db.inTransaction(em -> db.store(em, "submitter").insertAll(trickle));
        int startsBefore = nodes.startOrder().size();
        long posted = System.nanoTime();
        // what the engine does after an enqueue commits: the dispatcher learns the group and looks
        nodes.enqueuedIn("trickle");
        nodes.wakeAll();
        Set<String> trickleIds = new java.util.HashSet<>(
                trickle.stream().map(t -> t.id().value()).toList());
        await().atMost(Duration.ofMinutes(1))
                .until(() ->
                        nodes.startOrder().stream().filter(trickleIds::contains).count() == 100);

        // a copy: the flood keeps starting while this is read, and a view of a list that changes cannot be read
        List<String> started = List.copyOf(nodes.startOrder());
        List<String> since = started.subList(startsBefore, started.size());
        int lastTrickle = 0;
        for (int i = 0; i < since.size(); i++) {
            if (trickleIds.contains(since.get(i))) {
                lastTrickle = i;
            }
        }
        long floodBetween = since.subList(0, lastTrickle + 1).stream()
                .filter(id -> !trickleIds.contains(id))
                .count();
        System.out.printf(
                "GroupClaimContract: 100 priority-1 tasks posted behind 100,000 priority-9 tasks of another group all"
                        + " started within %d ms, while %d of the other group's started (8 workers, 16 claimed"
                        + " ahead)%n",
                (System.nanoTime() - posted) / 1_000_000, floodBetween);
        // one each in turn, after what was claimed ahead before the post: a worker's batch and the ready queue
        assertThat(floodBetween)
                .as("tasks of the flooding group started meanwhile")
                .isBetween(50L, 100L + 2 * 24);
        assertThat(db.count("SELECT COUNT(*) FROM tasks WHERE resource_group = 'flood' AND state = 'PENDING'"))
                .as("the flood is still far from drained")
                .isGreaterThan(40_000);
    }

    /** Enough groups that the dispatcher takes thousands of turns; the drain rates are printed, not asserted. */
    @Test
    void threeThousandGroupsOfOneTaskEachDrainWithEveryTaskStartedOnce() {
        List<io.tideflow.queue.store.NewTask> tasks = new ArrayList<>();
        Instant due = Instant.now().minusSeconds(1);
        for (int i = 0; i < GROUPS; i++) {
            tasks.add(aTask().inGroup("tenant-" + i)
                    .withPriority(i % 10)
                    .dueAt(due)
                    .build());
        }
        for (int from = 0; from < tasks.size(); from += 1_000) {
            List<io.tideflow.queue.store.NewTask> chunk = tasks.subList(from, from + 1_000);
            db.inTransaction(em -> db.store(em, "submitter").insertAll(chunk));
        }
        long manyStarted = System.nanoTime();
        nodes.start("node-a", 0);
        await().atMost(Duration.ofMinutes(3)).until(() -> completedAmong("tenant-%") == GROUPS);
        long manyMs = (System.nanoTime() - manyStarted) / 1_000_000;
        nodes.stopAllAndAwaitIdle();

        insertMany(GROUPS, "one-group", 5);
        long oneStarted = System.nanoTime();
        nodes.start("node-b", 0);
        await().atMost(Duration.ofMinutes(3)).until(() -> completedIn("one-group") == GROUPS);
        long oneMs = (System.nanoTime() - oneStarted) / 1_000_000;

        System.out.printf(
                "GroupClaimContract: %,d tasks in %,d groups drained in %d ms (%.0f tasks/s); %,d in one"
                        + " group in %d ms (%.0f tasks/s): %.2f of one group's rate%n",
                GROUPS,
                GROUPS,
                manyMs,
                GROUPS * 1_000.0 / manyMs,
                GROUPS,
                oneMs,
                GROUPS * 1_000.0 / oneMs,
                (double) oneMs / manyMs);
        assertThat(nodes.startOrder()).hasSize(2 * GROUPS).doesNotHaveDuplicates();
        assertThat(db.count("SELECT COUNT(*) FROM tasks WHERE state <> 'COMPLETED'"))
                .isZero();
    }

    private long completedAmong(String groupPattern) {
        try (Connection connection = db.dataSource().getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "SELECT COUNT(*) FROM tasks WHERE state = 'COMPLETED' AND resource_group LIKE ?")) {
            count.setString(1, groupPattern);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void insertMany(int count, String group, int priority) {
        Instant due = Instant.now().minusSeconds(1);
        for (int done = 0; done < count; done += 5_000) {
            List<io.tideflow.queue.store.NewTask> tasks = new ArrayList<>();
            for (int i = 0; i < Math.min(5_000, count - done); i++) {
                tasks.add(
                        aTask().inGroup(group).withPriority(priority).dueAt(due).build());
            }
            db.inTransaction(em -> db.store(em, "submitter").insertAll(tasks));
        }
    }

    private void recordOutcomes(String group, int successes, int failures, BreakerSettings settings) {
        db.inTransaction(em -> {
            BreakerStore store = new BreakerStore(em, db.dialect());
            Breaker read = store.lock(group).orElseThrow();
            return store.replace(read, read.withOutcomes(successes, failures, System.currentTimeMillis(), settings));
        });
    }

    private Breaker breaker(String group) {
        return db.inTransaction(em -> new BreakerStore(em, db.dialect()).find(group))
                .orElseThrow();
    }

    private long completedIn(String group) {
        return db.count("SELECT COUNT(*) FROM tasks WHERE state = 'COMPLETED' AND resource_group = '" + group + "'");
    }

    private void insert(int count, String group) {
        List<io.tideflow.queue.store.NewTask> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tasks.add(
                    aTask().inGroup(group).dueAt(Instant.now().minusSeconds(1)).build());
        }
        db.inTransaction(em -> {
            db.store(em, "submitter").insertAll(tasks);
            return null;
        });
    }
}
