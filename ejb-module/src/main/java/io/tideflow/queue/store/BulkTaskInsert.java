package io.tideflow.queue.store;

import io.tideflow.queue.sql.SqlRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Inserts many new tasks, each with its first history row, in the caller's transaction. Tasks without an idempotency
 * key go in two JDBC batches, so their rows travel to the database together instead of two round trips per task;
 * those with a key are inserted one by one, because a concurrent submission of the same key may hold it first. The
 * statements are the one-task enqueue's.
 */
final class BulkTaskInsert {

    private BulkTaskInsert() {}

    /**
     * @param insertKeyed inserts one task with an idempotency key unless the key is taken, and says whether it did
     * @return the keyed tasks that were not inserted because another task holds their key
     */
    static List<NewTask> insertAll(SqlRunner sql, String node, List<NewTask> tasks, Predicate<NewTask> insertKeyed) {
        List<NewTask> unkeyed = new ArrayList<>(tasks.size());
        List<NewTask> inserted = new ArrayList<>(tasks.size());
        List<NewTask> refused = new ArrayList<>();
        for (NewTask task : tasks) {
            if (task.idempotencyKey() == null) {
                unkeyed.add(task);
                inserted.add(task);
            } else if (insertKeyed.test(task)) {
                inserted.add(task);
            } else {
                refused.add(task);
            }
        }
        sql.batch("task.insert", unkeyed, BulkTaskInsert::taskParameters);
        sql.batch("event.appendEnqueued", inserted, task ->
                new Object[] {task.id().value(), task.createdAt().toEpochMilli(), node, requeueDetail(task)});
        return refused;
    }

    /** The parameters of {@code task.insert} for one task. */
    static Object[] taskParameters(NewTask task) {
        return new Object[] {
            task.id().value(),
            task.type(),
            task.group(),
            task.payloadJson(),
            task.priority(),
            task.runAt().toEpochMilli(),
            task.createdAt().toEpochMilli(),
            task.createdAt().toEpochMilli(),
            task.maxAttempts(),
            task.idempotencyKey(),
            task.requeuedFrom() == null ? null : task.requeuedFrom().value()
        };
    }

    static String requeueDetail(NewTask task) {
        return task.requeuedFrom() == null ? null : "requeued from " + task.requeuedFrom();
    }
}
