package io.tideflow.queue.history;

import io.tideflow.queue.metrics.LatencyHistogram;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/** A histogram as stored in a metric row's metadata: {@code {"sumMs":..,"maxMs":..,"buckets":[..]}}. */
public final class HistogramJson {

    // jakarta.json.Json's factories look the provider up through the ServiceLoader on every call
    private static final JsonProvider JSON = JsonProvider.provider();

    private HistogramJson() {}

    public static String write(LatencyHistogram histogram) {
        JsonArrayBuilder buckets = JSON.createArrayBuilder();
        for (long count : histogram.counts()) {
            buckets.add(count);
        }
        return JSON.createObjectBuilder()
                .add("sumMs", histogram.sumMs())
                .add("maxMs", histogram.maxMs())
                .add("buckets", buckets)
                .build()
                .toString();
    }

    public static LatencyHistogram read(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            JsonArray buckets = object.getJsonArray("buckets");
            long[] counts = new long[buckets.size()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = buckets.getJsonNumber(i).longValue();
            }
            return LatencyHistogram.of(
                    counts,
                    object.getJsonNumber("sumMs").doubleValue(),
                    object.getJsonNumber("maxMs").doubleValue());
        }
    }
}
