package io.tideflow.queue.metrics;

import java.util.function.Supplier;

/** Gauge values read on the metrics library's threads. */
final class Gauges {

    private Gauges() {}

    /**
     * A supplier that answers NaN instead of throwing: a scrape runs on a server thread, and one gauge that cannot be
     * read (its deployment stopping, say) must not fail the whole scrape.
     */
    static Supplier<Number> guarded(Supplier<Number> value) {
        return () -> {
            try {
                return value.get();
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        };
    }
}
