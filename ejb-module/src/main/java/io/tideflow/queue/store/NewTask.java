package io.tideflow.queue.store;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.admin.TaskView;
import java.time.Instant;

/**
 * A task ready to be persisted: every field decided, nothing left to a default.
 *
 * @param requeuedFrom the dead letter this task copies, or {@code null}
 */
public record NewTask(
        TaskId id,
        String type,
        String group,
        int priority,
        String payloadJson,
        int maxAttempts,
        Instant runAt,
        Instant createdAt,
        String idempotencyKey,
        TaskId requeuedFrom) {

    /** The task as its insert writes it: PENDING, no attempt yet, its times to the millisecond that the columns keep. */
    public TaskView asWritten() {
        Instant created = Instant.ofEpochMilli(createdAt.toEpochMilli());
        return new TaskView(
                id,
                type,
                group,
                TaskState.PENDING,
                priority,
                0,
                maxAttempts,
                Instant.ofEpochMilli(runAt.toEpochMilli()),
                created,
                created,
                null,
                payloadJson,
                null,
                null,
                false,
                requeuedFrom);
    }
}
