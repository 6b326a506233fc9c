package io.tideflow.queue.reports;

import io.tideflow.queue.api.admin.ExportFormat;
import io.tideflow.queue.api.admin.TaskExport;
import io.tideflow.queue.api.admin.TaskFilter;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;

/** An export holding one slot of {@link ExportSlots} from its start until it is closed. */
final class SlotExport implements TaskExport {

    private final ExportWriter writer;
    private final ExportSlots slots;
    private final TaskFilter filter;
    private final ExportFormat format;
    private final AtomicBoolean open = new AtomicBoolean(true);

    SlotExport(ExportWriter writer, ExportSlots slots, TaskFilter filter, ExportFormat format) {
        this.writer = writer;
        this.slots = slots;
        this.filter = filter;
        this.format = format;
    }

    @Override
    public long writeTo(OutputStream out) {
        if (!open.get()) {
            throw new IllegalStateException("the export was closed before it was written");
        }
        return writer.write(filter, format, out);
    }

    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            slots.giveBack();
        }
    }
}
