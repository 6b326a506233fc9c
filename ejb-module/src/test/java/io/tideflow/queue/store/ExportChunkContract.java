package io.tideflow.queue.store;

import static io.tideflow.queue.store.TaskFixtures.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.admin.TaskFilter;
import io.tideflow.queue.store.reporting.ExportedTask;
import io.tideflow.queue.store.reporting.ReportStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An export read chunk by chunk, each chunk in a transaction of its own: together the chunks hold every selected task
 * once, in id order, also while tasks are added between the chunks.
 */
abstract class ExportChunkContract extends DatabaseContract {

    @Test
    void chunksInIdOrderHoldEverySelectedTaskOnceWhileTasksArriveBetweenThem() {
        TaskFixtures.insertInChunks(db, 1_050, i -> aTask().inGroup(i % 3 == 0 ? "exported" : "other"));
        Set<String> before = new HashSet<>(ids("exported"));

        List<String> exported = new ArrayList<>();
        String last = "";
        List<ExportedTask> chunk;
        int chunks = 0;
        do {
            String after = last;
            chunk = db.inTransaction(em -> new ReportStore(em, db.dialect())
                    .exportChunk(new TaskFilter(TaskState.PENDING, null, "exported", null), after, 100));
            chunk.forEach(task -> exported.add(task.id()));
            if (!chunk.isEmpty()) {
                last = chunk.get(chunk.size() - 1).id();
            }
            chunks++;
            // a task submitted while the export runs: its id is newer than every one read so far
            TaskFixtures.insertInChunks(db, 1, i -> aTask().inGroup("exported"));
        } while (chunk.size() == 100);

        assertThat(exported).doesNotHaveDuplicates().isSorted().containsAll(before);
        assertThat(exported.size() - before.size())
                .as("tasks submitted during the export, each exported once")
                .isBetween(1, chunks);
        assertThat(chunks).isGreaterThan(3);
    }

    private List<String> ids(String group) {
        return db
                .inTransaction(em -> new ReportStore(em, db.dialect())
                        .exportChunk(new TaskFilter(null, null, group, null), "", 10_000))
                .stream()
                .map(ExportedTask::id)
                .toList();
    }
}
