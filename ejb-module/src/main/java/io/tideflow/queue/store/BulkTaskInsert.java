package io.tideflow.queue.store;

import io.tideflow.queue.sql.SqlRunner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Inserts many new tasks, each with its first history row, in the caller's transaction. Tasks without an idempotency
 * key go in two JDBC batches, so their rows travel to the database together instead of two round trips per task;
 * those with a key go the way the database can pass over a key that a concurrent submission may hold first
 * ({@link StoreDialect#insertKeyed}). The statements are the one-task enqueue's.
 */
final class BulkTaskInsert {

    private BulkTaskInsert() {}

    /**
     * @param insertKeyed inserts tasks with an idempotency key, each unless its key is taken, and returns those it did
     *                    not insert
     * @return the keyed tasks that were not inserted because another task holds their key
     */
    static List<NewTask> insertAll(
            SqlRunner sql, String node, List<NewTask> tasks, UnaryOperator<List<NewTask>> insertKeyed) {
        List<NewTask> unkeyed = new ArrayList<>(tasks.size());
        List<NewTask> keyed = new ArrayList<>();
        for (NewTask task : tasks) {
            (task.idempotencyKey() == null ? unkeyed : keyed).add(task);
        }
        List<NewTask> refused = keyed.isEmpty() ? List.of() : insertKeyed.apply(keyed);
        List<NewTask> inserted = new ArrayList<>(tasks.size());
        if (refused.isEmpty()) {
            inserted.addAll(tasks);
        } else {
            Set<NewTask> notInserted = Collections.newSetFromMap(new IdentityHashMap<>());
            notInserted.addAll(refused);
            tasks.stream().filter(task -> !notInserted.contains(task)).forEach(inserted::add);
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
