package io.tideflow.queue.store;

import static io.tideflow.queue.store.TaskFixtures.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.admin.TaskView;
import io.tideflow.queue.api.worker.LeasedTask;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a successful attempt leaves behind: its execution time on the task, and a result row only when the handler
 * returned a result; the same through the one-task completion and the batched one.
 */
abstract class CompletionRecordContract extends DatabaseContract {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void aCompletionWithoutAResultWritesNoResultRowAndKeepsItsExecutionTime() {
        LeasedTask claimed = claimed(1).get(0);

        assertThat(db.<Boolean>inTransaction(em -> db.store(em, "node-a").markSucceeded(claimed, null, 12, NOW)))
                .isTrue();

        TaskView view = viewOf(claimed.id());
        assertThat(view.resultJson()).isNull();
        assertThat(view.executionMs()).isEqualTo(12L);
        assertThat(resultRowsOf(claimed.id())).isZero();
    }

    @Test
    void aCompletionWithAResultWritesItsRow() {
        LeasedTask claimed = claimed(1).get(0);

        assertThat(db.<Boolean>inTransaction(
                        em -> db.store(em, "node-a").markSucceeded(claimed, "{\"sum\":3}", 9, NOW)))
                .isTrue();

        TaskView view = viewOf(claimed.id());
        assertThat(view.resultJson()).isEqualTo("{\"sum\":3}");
        assertThat(view.executionMs()).isEqualTo(9L);
        assertThat(resultRowsOf(claimed.id())).isEqualTo(1);
    }

    @Test
    void batchedCompletionsWriteResultRowsOnlyForResults() {
        List<LeasedTask> claimed = claimed(3);
        List<CompletionWriter.Completion> completions = List.of(
                new CompletionWriter.Completion(claimed.get(0), null, 1, NOW),
                new CompletionWriter.Completion(claimed.get(1), "[1,2]", 2, NOW),
                new CompletionWriter.Completion(claimed.get(2), null, 3, NOW));

        assertThat(db.<List<CompletionWriter.Completion>>inTransaction(
                        em -> new CompletionWriter(em, "node-a", db.dialect()).writeAll(completions)))
                .isEmpty();

        for (int i = 0; i < 3; i++) {
            TaskView view = viewOf(claimed.get(i).id());
            assertThat(view.executionMs()).isEqualTo(i + 1L);
            assertThat(resultRowsOf(claimed.get(i).id())).isEqualTo(i == 1 ? 1 : 0);
        }
        assertThat(viewOf(claimed.get(1).id()).resultJson()).isEqualTo("[1,2]");
    }

    @Test
    void aTaskThatHasNotCompletedHasNoExecutionTime() {
        LeasedTask claimed = claimed(1).get(0);

        assertThat(viewOf(claimed.id()).executionMs()).isNull();
    }

    private List<LeasedTask> claimed(int count) {
        for (int i = 0; i < count; i++) {
            NewTask task = aTask().build();
            db.inTransaction(em -> {
                db.store(em, "node-a").insert(task);
                return null;
            });
        }
        List<LeasedTask> claimed = db.inTransaction(
                em -> db.store(em, "node-a").claimDue(count, NOW, Duration.ofSeconds(30), TaskFixtures.TYPES));
        assertThat(claimed).hasSize(count);
        return claimed;
    }

    private TaskView viewOf(TaskId id) {
        return db.<Optional<TaskView>>inTransaction(em -> new TaskReader(em, db.dialect()).find(id))
                .orElseThrow();
    }

    private long resultRowsOf(TaskId id) {
        return db.count("SELECT COUNT(*) FROM task_results WHERE task_id = '" + id.value() + "'");
    }
}
