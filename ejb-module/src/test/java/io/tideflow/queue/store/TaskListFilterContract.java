package io.tideflow.queue.store;

import static io.tideflow.queue.store.TaskFixtures.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.admin.TaskChangeCursor;
import io.tideflow.queue.api.admin.TaskChangePage;
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

    @Test
    void aListByLastChangeShowsTheMostRecentlyChangedFirstOverEveryStateAndPagesWithoutRepeats() {
        TaskId first = insert(aTask().dueAt(T));
        TaskId second = insert(aTask().dueAt(T.plusSeconds(10)).inGroup("mail"));
        TaskId third = insert(aTask().dueAt(T.plusSeconds(20)));
        TaskId fourth = insert(aTask().dueAt(T.plusSeconds(20)));
        db.inTransaction(em -> db.store(em, "node-a").cancel(first, T.plusSeconds(100), "alice"));

        TaskChangePage firstPage = byChange(TaskFilter.all(), null, 2);
        assertThat(firstPage.items()).extracting(TaskView::id).containsExactly(first, fourth);
        TaskChangePage secondPage = byChange(TaskFilter.all(), firstPage.next(), 2);
        assertThat(secondPage.items()).extracting(TaskView::id).containsExactly(third, second);
        assertThat(secondPage.next()).as("the last page").isNull();

        assertThat(byChange(new TaskFilter(TaskState.PENDING, null, null, null), null, 10)
                        .items())
                .extracting(TaskView::id)
                .containsExactly(fourth, third, second);
        assertThat(byChange(new TaskFilter(null, null, "mail", null), null, 10).items())
                .extracting(TaskView::id)
                .containsExactly(second);
        TaskChangeCursor cursor = firstPage.next();
        assertThat(TaskChangeCursor.parse("after", cursor.text())).isEqualTo(cursor);
    }

    private TaskChangePage byChange(TaskFilter filter, TaskChangeCursor after, int limit) {
        return db.inTransaction(em -> new TaskReader(em, db.dialect()).listByLastChange(filter, after, limit));
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
