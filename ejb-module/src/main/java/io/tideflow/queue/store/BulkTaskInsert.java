package io.tideflow.queue.store;

import io.tideflow.queue.sql.SqlRunner;
import java.util.List;

/**
 * Inserts many new tasks, each with its first history row, in the caller's transaction with two JDBC batches: the
 * rows travel to the database together instead of two round trips per task. The statements are the one-task
 * enqueue's.
 */
final class BulkTaskInsert {

    private BulkTaskInsert() {}

    static void insertAll(SqlRunner sql, String node, List<NewTask> tasks) {
        sql.batch("task.insert", tasks, BulkTaskInsert::taskParameters);
        sql.batch("event.appendEnqueued", tasks, task ->
                new Object[] {task.id().value(), task.createdAt().toEpochMilli(), node, requeueDetail(task)});
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
