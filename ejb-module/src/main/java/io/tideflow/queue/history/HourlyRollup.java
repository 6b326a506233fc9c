package io.tideflow.queue.history;

import io.tideflow.queue.store.reporting.MetricHistoryStore;
import io.tideflow.queue.store.reporting.MetricRow;
import io.tideflow.queue.store.reporting.MetricRow.Resolution;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Rolls every hour that ended before a cutoff up into hour rows, exactly once across the cluster: the progress mark
 * moves with a conditional update in the same transaction as the rows it stands for, so of two nodes trying at once
 * one writes and the other finds the mark moved and writes nothing.
 */
public final class HourlyRollup {

    private HourlyRollup() {}

    /** @return how many hour rows were written (0 when there was nothing new, or another node did it) */
    public static int run(MetricHistoryStore store, long cutoff) {
        long target = Resolution.HOUR.floor(cutoff);
        long until = store.rolledUntil(Resolution.HOUR);
        if (target <= until || !store.advanceRollup(Resolution.HOUR, until, target)) {
            return 0;
        }
        long from = until;
        if (until == 0) {
            OptionalLong oldest = store.oldest(Resolution.MINUTE);
            if (oldest.isEmpty()) {
                return 0;
            }
            from = Resolution.HOUR.floor(oldest.getAsLong());
        }
        List<MetricRow> minutes = new ArrayList<>(store.between(Resolution.MINUTE, from, target, null));
        minutes.addAll(store.typesBetween(Resolution.MINUTE, from, target));
        List<MetricRow> hours = Rollup.into(Resolution.HOUR, minutes);
        store.insertAll(hours);
        return hours.size();
    }
}
