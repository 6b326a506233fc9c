package io.tideflow.admin.rest.body;

import io.tideflow.queue.api.admin.MetricPoint;
import java.util.List;

/** One figure of one group over time; a point's {@code latency} is there for latency figures only. */
public record SeriesBody(String metric, String group, String resolution, List<MetricPoint> points) {}
