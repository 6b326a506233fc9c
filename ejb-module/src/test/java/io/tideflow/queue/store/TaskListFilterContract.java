package io.tideflow.queue.store;

import static io.tideflow.queue.store.TaskFixtures.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.admin.TaskFilter;
import io.tideflow.queue.api.admin.TaskView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The task list's filters on creation time and idempotency key, alone and with the others. */
abstract class TaskListFilterContract extends DatabaseContract {

    private static final Instant T = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void tasksAreSelectedByTheirCreationTimeAndByTheirIdempotencyKey() {
        TaskId early = insert(aTask().dueAt(T));
        TaskId middle = insert(aTask().dueAt(T.plusSeconds(10)).withIdempotencyKey("order-7"));
        TaskId late = insert(aTask().dueAt(T.plusSeconds(20)).inGroup("mail"));

        assertThat(list(new TaskFilter(null, null, null, null, T.plusSeconds(10), null, null)))
                .containsExactly(late, middle);
        assertThat(list(new TaskFilter(null, null, null, null, null, T.plusSeconds(10), null)))
                .as("created before, the end excluded")
                .containsExactly(early);
        assertThat(list(new TaskFilter(null, null, null, null, T.plusSeconds(5), T.plusSeconds(15), null)))
                .containsExactly(middle);
        assertThat(list(new TaskFilter(null, null, null, null, null, null, "order-7")))
                .containsExactly(middle);
        assertThat(list(new TaskFilter(null, null, null, null, null, null, "order-8")))
                .isEmpty();
        assertThat(list(new TaskFilter(null, null, "mail", null, T, T.plusSeconds(30), null)))
                .containsExactly(late);
    }

    private TaskId insert(TaskFixtures fixture) {
        NewTask task = fixture.build();
        db.inTransaction(em -> db.store(em, "node-a").insert(task));
        return task.id();
    }

    private List<TaskId> list(TaskFilter filter) {
        return db.inTransaction(em -> new TaskReader(em, db.dialect()).list(filter, 10)).items().stream()
                .map(TaskView::id)
                .toList();
    }
}
