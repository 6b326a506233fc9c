package io.tideflow.queue.metrics;

import java.time.Duration;
import java.util.function.Supplier;

/** For a server with neither metrics library: meters are not kept (history and reports still are). */
public final class NoMeterBackend implements MeterBackend {

    @Override
    public void increment(String name, String description, MeterTags tags) {
        // no library to count in
    }

    @Override
    public void record(String name, String description, MeterTags tags, Duration duration) {
        // no library to record in
    }

    @Override
    public void gauge(String name, String description, MeterTags tags, Supplier<Number> value) {
        // no library to register in
    }

    @Override
    public void counterOf(String name, String description, MeterTags tags, Supplier<Number> total) {
        // no library to register in
    }

    @Override
    public void close() {
        // nothing was registered
    }

    @Override
    public String library() {
        return "none";
    }
}
