package io.tideflow.queue.history;

import io.tideflow.queue.api.event.LifecycleEvent;
import io.tideflow.queue.config.ObservabilitySettings;
import io.tideflow.queue.events.LifecycleListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Counts committed events into this node's {@link HistoryBuffer}, unless history is switched off. */
@ApplicationScoped
public class HistoryListener implements LifecycleListener {

    @Inject
    ObservabilitySettings settings;

    private final HistoryBuffer buffer = new HistoryBuffer();

    /** Counts only, in memory and thread-safe: inline, so that a full event queue never makes it undercount. */
    @Override
    public Delivery delivery() {
        return Delivery.INLINE;
    }

    @Override
    public void on(LifecycleEvent event) {
        if (settings.historyEnabled()) {
            buffer.on(event);
        }
    }

    /** Adds one sampling of the node's figures, unless history is switched off. */
    public void sampled(long atMillis, List<FigureSample> samples) {
        if (settings.historyEnabled()) {
            buffer.sampled(atMillis, samples);
        }
    }

    HistoryBuffer buffer() {
        return buffer;
    }
}
