package io.tideflow.queue.history;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/** A sampled figure's samples as stored in a metric row's metadata: {@code {"samples":..,"min":..,"max":..}}. */
public final class GaugeJson {

    // jakarta.json.Json's factories look the provider up through the ServiceLoader on every call
    private static final JsonProvider JSON = JsonProvider.provider();

    private GaugeJson() {}

    static String write(Samples samples) {
        return JSON.createObjectBuilder()
                .add("samples", samples.count())
                .add("min", samples.min())
                .add("max", samples.max())
                .build()
                .toString();
    }

    /** The samples of a row whose value is their mean. */
    public static Samples read(double mean, String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            long count = object.getJsonNumber("samples").longValue();
            return new Samples(
                    count,
                    mean * count,
                    object.getJsonNumber("min").doubleValue(),
                    object.getJsonNumber("max").doubleValue());
        }
    }

    /** Samples of one figure: how many, their sum, least and most. */
    public record Samples(long count, double sum, double min, double max) {

        public static final Samples NONE = new Samples(0, 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);

        public Samples with(double value) {
            return new Samples(count + 1, sum + value, Math.min(min, value), Math.max(max, value));
        }

        public Samples and(Samples other) {
            return new Samples(
                    count + other.count, sum + other.sum, Math.min(min, other.min), Math.max(max, other.max));
        }

        public double mean() {
            return count == 0 ? 0 : sum / count;
        }
    }
}
