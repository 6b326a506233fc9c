package io.tideflow.queue.recurring;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.TaskRequest;
import io.tideflow.queue.api.recurring.MisfirePolicy;
import io.tideflow.queue.api.recurring.ScheduleOrigin;
import io.tideflow.queue.enqueue.TaskIdGenerator;
import io.tideflow.queue.store.NewTask;
import io.tideflow.queue.store.TestDatabase;
import io.tideflow.queue.store.recurring.Firing;
import io.tideflow.queue.store.recurring.ScheduleDefinition;
import io.tideflow.queue.store.recurring.ScheduleRow;
import io.tideflow.queue.store.recurring.ScheduleStore;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Schedules on a real database: every write fenced on what its writer read, and, with simulated nodes firing the same
 * per-second schedule at once (some dying mid-firing, their transaction rolled back), one task per slot.
 */
abstract class ScheduleFiringContract {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final TaskIdGenerator IDS = new TaskIdGenerator(Clock.systemUTC());

    final TestDatabase db = newDatabase();

    abstract TestDatabase newDatabase();

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private static ScheduleDefinition everySecond(String name, ScheduleOrigin origin) {
        return new ScheduleDefinition(
                name, "test.noop", "{}", null, null, "* * * * * *", "UTC", MisfirePolicy.RUN_ONCE, 10, origin);
    }

    private ScheduleStore store(EntityManager em) {
        return new ScheduleStore(em, db.dialect());
    }

    private boolean did(Function<ScheduleStore, Boolean> write) {
        return db.inTransaction(em -> write.apply(store(em)));
    }

    private <T> T reading(Function<ScheduleStore, T> read) {
        return db.inTransaction(em -> read.apply(store(em)));
    }

    private ScheduleRow read(String name) {
        return db.inTransaction(em -> store(em).find(name).orElseThrow());
    }

    @Test
    void aScheduleIsCreatedOnceAndReadBack() {
        ScheduleDefinition definition = new ScheduleDefinition(
                "report",
                "test.noop",
                "{\"a\":1}",
                "reports",
                7,
                "0 2 * * *",
                "Europe/Berlin",
                MisfirePolicy.CATCH_UP,
                3,
                ScheduleOrigin.API);

        assertThat(did(store -> store.insertIfAbsent(definition, T0, T0))).isTrue();
        assertThat(did(store -> store.insertIfAbsent(everySecond("report", ScheduleOrigin.API), T0, T0)))
                .isFalse();

        ScheduleRow row = read("report");
        assertThat(row.definition()).isEqualTo(definition);
        assertThat(row.paused()).isFalse();
        assertThat(row.nextFireAt()).isEqualTo(T0);
        assertThat(row.lastSlot()).isNull();
        assertThat(row.firedCount()).isZero();
        assertThat(row.version()).isEqualTo(1);
        assertThat(this.<List<ScheduleRow>>reading(ScheduleStore::all))
                .extracting(ScheduleRow::name)
                .containsExactly("report");
    }

    @Test
    void theDueReadSkipsPausedSchedulesAndThoseNotYetDue() {
        db.inTransaction(em -> {
            ScheduleStore store = store(em);
            store.insertIfAbsent(everySecond("due", ScheduleOrigin.API), T0, T0);
            store.insertIfAbsent(everySecond("later", ScheduleOrigin.API), T0.plusSeconds(5), T0);
            store.insertIfAbsent(everySecond("paused", ScheduleOrigin.API), T0, T0);
            return store.setPaused("paused", true, T0, T0);
        });

        assertThat(this.<List<String>>reading(store -> store.dueNames(T0))).containsExactly("due");
        assertThat(did(store -> store.setPaused("paused", true, T0, T0))).isFalse();
        assertThat(this.<List<String>>reading(store -> store.dueNames(T0.plusSeconds(5))))
                .containsExactly("due", "later");
    }

    @Test
    void anAdvanceFromAStaleVersionOrOfAPausedScheduleChangesNothing() {
        db.inTransaction(em -> store(em).insertIfAbsent(everySecond("s", ScheduleOrigin.API), T0, T0));
        ScheduleRow read = read("s");

        assertThat(did(store -> store.advance(new Firing("s", T0.plusSeconds(1), T0, null), read.version(), T0)))
                .isTrue();
        assertThat(did(store -> store.advance(new Firing("s", T0.plusSeconds(9), T0, null), read.version(), T0)))
                .isFalse();
        ScheduleRow advanced = read("s");
        db.inTransaction(em -> store(em).setPaused("s", true, advanced.nextFireAt(), T0));
        assertThat(did(store -> store.advance(
                        new Firing("s", T0.plusSeconds(9), T0, null), read("s").version(), T0)))
                .isFalse();
        assertThat(read("s").nextFireAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(read("s").lastSlot()).isEqualTo(T0);
    }

    @Test
    void aRedefinitionWinsOverAFiringThatReadTheRowBeforeIt() {
        db.inTransaction(em -> store(em).insertIfAbsent(everySecond("s", ScheduleOrigin.API), T0, T0));
        ScheduleRow readByFiring = read("s");
        ScheduleDefinition yearly = new ScheduleDefinition(
                "s", "test.noop", "{}", null, null, "0 0 1 1 *", "UTC", MisfirePolicy.RUN_ONCE, 10, ScheduleOrigin.API);
        Instant newYear = Instant.parse("2027-01-01T00:00:00Z");

        assertThat(did(store ->
                        store.advance(new Firing("s", T0.plusSeconds(1), T0, null), readByFiring.version(), T0)))
                .isTrue();
        assertThat(did(store -> store.redefine(yearly, newYear, ScheduleOrigin.API, T0)))
                .isTrue();
        assertThat(did(store -> store.advance(
                        new Firing("s", T0.plusSeconds(2), T0.plusSeconds(1), null), readByFiring.version() + 1, T0)))
                .isFalse();
        assertThat(read("s").definition()).isEqualTo(yearly);
        assertThat(read("s").nextFireAt()).isEqualTo(newYear);
        assertThat(did(store ->
                        store.redefine(everySecond("s", ScheduleOrigin.DECLARED), T0, ScheduleOrigin.DECLARED, T0)))
                .isFalse();
        assertThat(did(store -> store.redefine(everySecond("gone", ScheduleOrigin.API), T0, ScheduleOrigin.API, T0)))
                .isFalse();
        assertThat(read("s").definition()).isEqualTo(yearly);
    }

    @Test
    void aDeclaredScheduleIsNotDeletedAsAnApiOne() {
        db.inTransaction(em -> store(em).insertIfAbsent(everySecond("declared", ScheduleOrigin.DECLARED), T0, T0));

        assertThat(did(store -> store.delete("declared", ScheduleOrigin.API))).isFalse();
        assertThat(did(store -> store.delete("declared", ScheduleOrigin.DECLARED)))
                .isTrue();
        assertThat(this.<List<ScheduleRow>>reading(ScheduleStore::all)).isEmpty();
    }

    @Test
    void anIdlePollIsOneIndexedReadHoweverManySchedulesWait() {
        db.inTransaction(em -> {
            ScheduleStore store = store(em);
            for (int i = 0; i < 500; i++) {
                store.insertIfAbsent(everySecond("waiting-" + i, ScheduleOrigin.API), T0.plusSeconds(3_600 + i), T0);
            }
            return null;
        });
        for (int i = 0; i < 50; i++) {
            reading(store -> store.dueNames(T0));
        }
        int polls = 500;
        long started = System.nanoTime();
        for (int i = 0; i < polls; i++) {
            assertThat(this.<List<String>>reading(store -> store.dueNames(T0))).isEmpty();
        }
        double micros = (System.nanoTime() - started) / 1_000.0 / polls;
        System.out.printf(
                "ScheduleFiringContract: an idle poll over 500 waiting schedules takes %.0f us (one read in its own"
                        + " transaction); at one poll a second per node, %.3f%% of a core%n",
                micros, micros / 10_000.0);
    }

    @Test
    void nodesFiringOneSchedulePollAfterPollMakeOneTaskPerSlotEvenWhenSomeDieMidFiring() throws Exception {
        db.inTransaction(em -> store(em).insertIfAbsent(everySecond("tick", ScheduleOrigin.DECLARED), T0, T0));
        int nodes = 4;
        AtomicInteger died = new AtomicInteger();
        AtomicInteger lostRaces = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        List<Future<?>> polls = new ArrayList<>();
        for (int node = 0; node < nodes; node++) {
            boolean dies = node % 2 == 0;
            polls.add(pool.submit(() -> pollFor60Seconds(dies, died, lostRaces)));
        }
        for (Future<?> poll : polls) {
            poll.get();
        }
        pool.shutdown();

        long tasks = db.count("SELECT COUNT(*) FROM tasks WHERE idempotency_key LIKE 'schedule:tick@%'");
        long slots = db.count("SELECT COUNT(DISTINCT run_at) FROM tasks");
        long first = db.count("SELECT MIN(run_at) FROM tasks");
        long last = db.count("SELECT MAX(run_at) FROM tasks");
        ScheduleRow row = read("tick");
        System.out.printf(
                "ScheduleFiringContract: %d nodes, 60 s of per-second slots: %d tasks for %d slots; %d firings died"
                        + " mid-way, %d polls found a due slot taken by another node%n",
                nodes, tasks, slots, died.get(), lostRaces.get());
        assertThat(first).isEqualTo(T0.toEpochMilli());
        assertThat(last).isEqualTo(T0.plusSeconds(60).toEpochMilli());
        assertThat(tasks).isEqualTo(61).isEqualTo(slots);
        assertThat(row.firedCount()).isEqualTo(61);
        assertThat(row.nextFireAt()).isEqualTo(T0.plusSeconds(61));
        assertThat(died.get()).isPositive();
    }

    /**
     * One node's polls, every 200 ms of simulated time from T0 to T0 + 60.2 s, each firing in its own transaction. A
     * node that dies does so at every other firing it wins (the first, the third...): decided by what it won, not by
     * chance, so that a run where the other nodes win most slots still has deaths.
     */
    private void pollFor60Seconds(boolean dies, AtomicInteger died, AtomicInteger lostRaces) {
        AtomicInteger won = new AtomicInteger();
        for (int step = 0; step <= 301; step++) {
            Instant now = T0.plusMillis(step * 200L);
            boolean dueBefore = !read("tick").nextFireAt().isAfter(now);
            try {
                int fired = db.inTransaction(em -> {
                    SlotFiring firing =
                            new SlotFiring(store(em), Duration.ofMinutes(1), requests -> insert(em, requests, now));
                    int created = firing.fire("tick", now);
                    if (dies && created > 0 && won.getAndIncrement() % 2 == 0) {
                        throw new NodeDied();
                    }
                    return created;
                });
                if (fired == 0 && dueBefore) {
                    lostRaces.incrementAndGet();
                }
            } catch (NodeDied e) {
                died.incrementAndGet();
            } catch (RuntimeException e) {
                if (!TestDatabase.isDeadlockVictim(e)) {
                    throw e;
                }
            }
        }
    }

    private int insert(EntityManager em, List<TaskRequest> requests, Instant now) {
        List<NewTask> tasks = new ArrayList<>();
        for (TaskRequest request : requests) {
            tasks.add(new NewTask(
                    IDS.next(),
                    request.type(),
                    "default",
                    5,
                    request.payloadJson(),
                    3,
                    request.runAt(),
                    now,
                    request.idempotencyKey(),
                    null));
        }
        return tasks.size() - db.store(em, "scheduler").insertAll(tasks).size();
    }

    /** A node killed between its writes and its commit: the transaction rolls back. */
    private static final class NodeDied extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
