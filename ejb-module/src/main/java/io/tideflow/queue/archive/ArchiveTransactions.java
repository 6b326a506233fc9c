package io.tideflow.queue.archive;

import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.event.TaskArchived;
import io.tideflow.queue.events.LifecycleEvents;
import io.tideflow.queue.store.ArchivedTask;
import io.tideflow.queue.store.TaskArchive;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** One batch of archiving (each move announced once it commits) or of purging, in a transaction of its own. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ArchiveTransactions {

    @Inject
    TaskArchive archive;

    @Inject
    LifecycleEvents lifecycle;

    @Inject
    Clock clock;

    /** @return how many tasks this batch archived */
    public int archiveBatch(Instant finishedBefore, int limit) {
        Instant now = clock.instant();
        List<ArchivedTask> archived = archive.archiveFinishedBefore(finishedBefore, limit, now);
        for (ArchivedTask task : archived) {
            lifecycle.publish(new TaskArchived(task.id(), task.type(), task.group(), task.from(), now));
        }
        return archived.size();
    }

    /** @return how many tasks this batch deleted */
    public int purgeBatch(TaskState state, Instant before, int limit) {
        return archive.purge(state, before, limit);
    }
}
