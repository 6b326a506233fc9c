package io.tideflow.queue.reports;

import io.tideflow.queue.api.admin.TaskFilter;
import io.tideflow.queue.store.reporting.ExportedTask;
import io.tideflow.queue.store.reporting.ReportStore;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Reads an export one chunk at a time, each in a short transaction of its own: between chunks the export holds no
 * connection and no transaction, however slowly its client reads.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ExportChunks {

    /** Tasks per chunk: a few hundred kilobytes of memory, a few milliseconds of a connection. */
    static final int CHUNK = 500;

    @Inject
    ReportStore store;

    public List<ExportedTask> after(TaskFilter filter, String lastId) {
        return store.exportChunk(filter, lastId, CHUNK);
    }
}
