package io.tideflow.admin.web.dashboard;

import io.tideflow.queue.api.admin.MetricPoint;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Chart.js configurations (what PrimeFaces' chart component draws) for the dashboard's series. */
final class ChartJson {

    // jakarta.json.Json's factories look the provider up through the ServiceLoader on every call
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final DateTimeFormatter LABEL =
            DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private ChartJson() {}

    static String counts(List<MetricPoint> completed, List<MetricPoint> failed) {
        return line(
                labels(completed.isEmpty() ? failed : completed),
                dataset("completed", "#2b8a3e", completed, MetricPoint::value),
                dataset("failed", "#c92a2a", failed, MetricPoint::value),
                "tasks");
    }

    static String latencies(List<MetricPoint> wait, List<MetricPoint> run) {
        return line(
                labels(wait.isEmpty() ? run : wait),
                dataset(
                        "queue wait p95 (ms)",
                        "#1864ab",
                        wait,
                        p -> p.latency() == null ? 0 : p.latency().p95Ms()),
                dataset(
                        "run time p95 (ms)",
                        "#e67700",
                        run,
                        p -> p.latency() == null ? 0 : p.latency().p95Ms()),
                "ms");
    }

    static String empty(String title) {
        return line(JSON.createArrayBuilder(), JSON.createObjectBuilder(), null, title);
    }

    private static JsonArrayBuilder labels(List<MetricPoint> points) {
        JsonArrayBuilder labels = JSON.createArrayBuilder();
        points.forEach(point -> labels.add(LABEL.format(point.at())));
        return labels;
    }

    private static JsonObjectBuilder dataset(
            String label, String colour, List<MetricPoint> points, ToDoubleFunction<MetricPoint> value) {
        JsonArrayBuilder data = JSON.createArrayBuilder();
        points.forEach(point -> data.add(value.applyAsDouble(point)));
        return JSON.createObjectBuilder()
                .add("label", label)
                .add("borderColor", colour)
                .add("backgroundColor", colour)
                .add("pointRadius", 2)
                .add("data", data);
    }

    private static String line(
            JsonArrayBuilder labels, JsonObjectBuilder first, JsonObjectBuilder second, String unit) {
        JsonArrayBuilder datasets = JSON.createArrayBuilder();
        if (second != null) {
            datasets.add(first).add(second);
        }
        return JSON.createObjectBuilder()
                .add("type", "line")
                .add("data", JSON.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add(
                        "options",
                        JSON.createObjectBuilder()
                                .add("animation", false)
                                .add("maintainAspectRatio", false)
                                .add(
                                        "plugins",
                                        JSON.createObjectBuilder()
                                                .add(
                                                        "title",
                                                        JSON.createObjectBuilder()
                                                                .add("display", true)
                                                                .add("text", unit)))
                                .add(
                                        "scales",
                                        JSON.createObjectBuilder()
                                                .add(
                                                        "y",
                                                        JSON.createObjectBuilder()
                                                                .add("beginAtZero", true))))
                .build()
                .toString();
    }
}
