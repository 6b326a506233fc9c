package io.tideflow.queue.api.admin;

import java.io.BufferedReader;
import java.nio.file.Path;

/** Backups of the metric history's hours and the insights, and their restore (docs/operations.md). */
public interface MetricBackups {

    /** Writes a backup into {@code directory} (a new file, named by its time) and returns the file. */
    Path writeInto(Path directory);

    /**
     * Restores a backup in one transaction: the hours and insight sets it covers are replaced by its lines; what is
     * past its retention now is left out. A bad line, or a file without its last line, changes nothing.
     *
     * @throws io.tideflow.queue.api.InvalidTaskRequestException naming the line at fault
     */
    RestoreCounts restore(BufferedReader backup);
}
