package io.tideflow.queue.metrics;

import java.util.List;

/** A meter's labels as key, value, key, value... */
public record MeterTags(List<String> keyValues) {

    public MeterTags {
        if (keyValues.size() % 2 != 0) {
            throw new IllegalArgumentException("tags come in key and value pairs: " + keyValues);
        }
        keyValues = List.copyOf(keyValues);
    }

    public static MeterTags of(String... keyValues) {
        return new MeterTags(List.of(keyValues));
    }
}
