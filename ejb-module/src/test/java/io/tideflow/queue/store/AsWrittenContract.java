package io.tideflow.queue.store;

import static io.tideflow.queue.store.TaskFixtures.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.admin.TaskView;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A single enqueue answers with the task as it wrote it rather than reading it back (the REST submit's response): that
 * view must be the one a read of the stored row gives, times cut to the millisecond as the columns keep them.
 */
abstract class AsWrittenContract extends DatabaseContract {

    @Test
    void theTaskAsWrittenIsTheTaskAsRead() {
        NewTask task = aTask().ofType("test.echo")
                .inGroup("mail")
                .withPriority(7)
                .withMaxAttempts(4)
                .withPayload("{\"to\":\"ops@example.com\",\"n\":[1,2]}")
                .dueAt(Instant.parse("2026-06-01T12:00:00.123456789Z"))
                .build();

        db.inTransaction(em -> db.store(em, "node-a").insert(task));
        TaskView read = db.inTransaction(em -> new TaskReader(em, db.dialect()).find(task.id()))
                .orElseThrow();

        assertThat(task.asWritten()).isEqualTo(read);
    }
}
