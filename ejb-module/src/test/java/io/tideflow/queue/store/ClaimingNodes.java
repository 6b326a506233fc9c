package io.tideflow.queue.store;

import io.tideflow.queue.api.worker.LeasedTask;
import io.tideflow.queue.dispatch.DispatchLoop;
import io.tideflow.queue.dispatch.GroupAwareClaimer;
import io.tideflow.queue.dispatch.RestrictedGroupClaim;
import io.tideflow.queue.model.BreakerSettings;
import io.tideflow.queue.store.groups.BreakerStore;
import io.tideflow.queue.store.groups.GroupRow;
import io.tideflow.queue.store.groups.GroupStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Nodes of a cluster for {@link GroupClaimContract}: each an engine {@link DispatchLoop} with group-aware claims in
 * real transactions of one test database, running its tasks (a sleep for the handler's time) and completing them. They
 * keep the order tasks started in and the most that ran at once, per group and per node and group.
 */
final class ClaimingNodes implements AutoCloseable {

    private final TestDatabase db;
    private final Duration lease;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, AtomicInteger> runningNow = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> mostAtOnce = new ConcurrentHashMap<>();
    private final List<DispatchLoop> loops = new CopyOnWriteArrayList<>();
    private final Map<String, BreakerSettings> breakers = new ConcurrentHashMap<>();
    private final List<String> startOrder = new CopyOnWriteArrayList<>();
    private final List<GroupAwareClaimer> claimers = new CopyOnWriteArrayList<>();

    ClaimingNodes(TestDatabase db, Duration lease) {
        this.db = db;
        this.lease = lease;
    }

    /** The breaker settings the nodes apply to the group's claims (as the engine's configuration would). */
    void breakerSettings(String group, BreakerSettings settings) {
        breakers.put(group, settings);
    }

    /** The ids of the tasks the nodes started, in the order they started (live). */
    List<String> startOrder() {
        return startOrder;
    }

    /** The most tasks that ran at once under {@code key}: a group, or {@code node/group}. */
    int mostAtOnce(String key) {
        return mostAtOnce.get(key).get();
    }

    void wakeAll() {
        loops.forEach(DispatchLoop::wake);
    }

    /** Tells every node that tasks were committed to the group, as the engine's wake-up line does. */
    void enqueuedIn(String group) {
        claimers.forEach(claimer -> claimer.enqueuedIn(group));
    }

    void stopAll() {
        loops.forEach(DispatchLoop::stop);
    }

    void stopAllAndAwaitIdle() {
        stopAll();
        loops.forEach(loop -> loop.awaitIdle(Duration.ofSeconds(30)));
    }

    @Override
    public void close() throws InterruptedException {
        stopAllAndAwaitIdle();
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Starts a node whose handlers take {@code handlerMillis}, with 8 workers claiming up to 16 ahead. */
    void start(String node, long handlerMillis) {
        DispatchLoop[] self = new DispatchLoop[1];
        GroupAwareClaimer claimer = new GroupAwareClaimer(
                claims(node),
                () -> db.inTransaction(em -> new GroupStore(em, db.dialect()).all()).stream()
                        .filter(GroupRow::restricted)
                        .toList(),
                group -> self[0].heldIn(group),
                group -> 1,
                Clock.systemUTC());
        claimers.add(claimer);
        DispatchLoop loop = new DispatchLoop(
                threads,
                8,
                16,
                lease,
                Clock.systemUTC(),
                claimer,
                task -> run(node, task, handlerMillis),
                task -> db.inTransaction(em -> db.store(em, node).release(task, Instant.now(), "test")));
        self[0] = loop;
        loops.add(loop);
        loop.wake();
        // the engine's fallback poll: a pass that failed (a Derby deadlock victim, say) is retried
        threads.execute(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    claimer.lookForGroups();
                } catch (RuntimeException e) {
                    // as the engine's poll: tried again at the next
                }
                loop.wake();
            }
        });
    }

    private GroupAwareClaimer.Claims claims(String node) {
        return new GroupAwareClaimer.Claims() {
            @Override
            public List<LeasedTask> unrestricted(int limit) {
                return db.inTransaction(
                        em -> db.store(em, node).claimDue(limit, Instant.now(), lease, TaskFixtures.TYPES));
            }

            @Override
            public RestrictedGroupClaim.Result inGroup(String group, int wanted, int heldHere) {
                return db.inTransaction(em -> RestrictedGroupClaim.claim(
                        db.store(em, node),
                        new GroupStore(em, db.dialect()),
                        new BreakerStore(em, db.dialect()),
                        group,
                        TaskFixtures.TYPES,
                        wanted,
                        heldHere,
                        breakers.get(group),
                        Instant.now(),
                        lease));
            }

            @Override
            public List<LeasedTask> fromGroups(Map<String, Integer> wantedByGroup) {
                return db.inTransaction(em ->
                        db.store(em, node).claimDueFromGroups(wantedByGroup, TaskFixtures.TYPES, Instant.now(), lease));
            }

            @Override
            public Set<String> withDueTasks(List<String> groups) {
                return db.inTransaction(em -> db.store(em, node).groupsWithDueTasks(groups, Instant.now()));
            }

            @Override
            public List<String> groupsDue() {
                return db.inTransaction(em -> db.store(em, node).groupsDue(Instant.now(), 20_000));
            }
        };
    }

    private void run(String node, LeasedTask task, long handlerMillis) {
        startOrder.add(task.id().value());
        List<String> keys = List.of(task.group(), node + "/" + task.group());
        for (String key : keys) {
            int now = runningNow.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            mostAtOnce.computeIfAbsent(key, k -> new AtomicInteger()).accumulateAndGet(now, Math::max);
        }
        try {
            if (handlerMillis > 0) {
                Thread.sleep(handlerMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            keys.forEach(key -> runningNow.get(key).decrementAndGet());
        }
        db.inTransaction(em -> db.store(em, node).markSucceeded(task, null, handlerMillis, Instant.now()));
    }

    /**
     * Samples the group's RUNNING rows every few milliseconds until the test ends; returns the most seen. Only where a
     * count is a snapshot ({@link TestDatabase#countsSnapshots()}); elsewhere the handlers' own count stands alone.
     */
    Optional<AtomicInteger> sampleRunning(String group) {
        if (!db.countsSnapshots()) {
            return Optional.empty();
        }
        AtomicInteger most = new AtomicInteger();
        threads.execute(() -> {
            try (Connection connection = db.dataSource().getConnection();
                    PreparedStatement count = connection.prepareStatement(
                            "SELECT COUNT(*) FROM tasks WHERE state = 'RUNNING' AND resource_group = ?")) {
                count.setString(1, group);
                while (!Thread.currentThread().isInterrupted()) {
                    try (ResultSet rows = count.executeQuery()) {
                        rows.next();
                        most.accumulateAndGet(rows.getInt(1), Math::max);
                    }
                }
            } catch (SQLException stopped) {
                // the database closes when the test ends
            }
        });
        return Optional.of(most);
    }
}
