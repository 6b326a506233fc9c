package io.tideflow.queue.store;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.enqueue.TaskIdGenerator;
import java.time.Clock;
import java.time.Instant;

/** Builds tasks for store tests: {@code aTask().withPriority(7).at(t).build()}. */
final class TaskFixtures {

    /** Every task type the store tests enqueue: what a node that runs them all claims. */
    static final java.util.List<String> TYPES = java.util.List.of("test.noop", "mail.send", "mail.bounce");

    private static final TaskIdGenerator IDS = new TaskIdGenerator(Clock.systemUTC());

    private String type = "test.noop";
    private String group = "default";
    private int priority = 5;
    private int maxAttempts = 3;
    private Instant runAt = Instant.parse("2026-01-01T00:00:00Z");
    private String payload = "{}";
    private String idempotencyKey;
    private TaskId requeuedFrom;

    /** Inserts {@code count} tasks, a few hundred per transaction (one huge persistence context flushes slowly). */
    static void insertInChunks(TestDatabase db, int count, java.util.function.IntFunction<TaskFixtures> task) {
        for (int from = 0; from < count; from += 500) {
            int start = from;
            db.inTransaction(em -> {
                TaskStore store = db.store(em, "loader");
                for (int i = start; i < Math.min(count, start + 500); i++) {
                    store.insert(task.apply(i).build());
                }
                return null;
            });
        }
    }

    static TaskFixtures aTask() {
        return new TaskFixtures();
    }

    TaskFixtures withPriority(int priority) {
        this.priority = priority;
        return this;
    }

    TaskFixtures withMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
        return this;
    }

    TaskFixtures dueAt(Instant runAt) {
        this.runAt = runAt;
        return this;
    }

    TaskFixtures inGroup(String group) {
        this.group = group;
        return this;
    }

    TaskFixtures ofType(String type) {
        this.type = type;
        return this;
    }

    TaskFixtures withPayload(String payload) {
        this.payload = payload;
        return this;
    }

    TaskFixtures withIdempotencyKey(String key) {
        this.idempotencyKey = key;
        return this;
    }

    TaskFixtures requeuing(TaskId deadLetter) {
        this.requeuedFrom = deadLetter;
        return this;
    }

    NewTask build() {
        TaskId id = IDS.next();
        return new NewTask(id, type, group, priority, payload, maxAttempts, runAt, runAt, idempotencyKey, requeuedFrom);
    }
}
