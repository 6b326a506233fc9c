package io.tideflow.batch.export;

import io.tideflow.queue.api.TideflowException;

/** No export has the id (no execution of the export job that Tideflow started). */
public class ExportNotFoundException extends TideflowException {
    private static final long serialVersionUID = 1L;

    public ExportNotFoundException(long id) {
        super("export " + id + " does not exist");
    }
}
