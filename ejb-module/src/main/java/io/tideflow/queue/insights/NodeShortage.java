package io.tideflow.queue.insights;

import io.tideflow.queue.api.admin.Insight;
import io.tideflow.queue.api.admin.InsightSeverity;
import io.tideflow.queue.history.GaugeJson;
import io.tideflow.queue.history.SampledFigure;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A node short of connections, workers, memory, CPU or disk over the window, from its sampled figures. */
final class NodeShortage {

    static final double POOL_USE = 80;
    static final double POOL_WAITING = 0.5;
    static final double WORKERS_USE = 90;
    static final double HEAP_USE = 0.85;
    static final double GC_TIME = 10;
    static final double CPU = 90;
    static final double DISK_LOW = 1L << 30;
    static final double DISK_CRITICAL = 256L << 20;

    private NodeShortage() {}

    static void of(String node, Map<String, GaugeJson.Samples> f, String window, List<Insight> insights) {
        GaugeJson.Samples poolUse = f.get(SampledFigure.POOL_USE);
        GaugeJson.Samples waiting = f.get(SampledFigure.POOL_WAITING);
        if (GroupShortage.enough(poolUse) && poolUse.mean() >= POOL_USE
                || GroupShortage.enough(waiting) && waiting.mean() >= POOL_WAITING) {
            insights.add(insight(
                    node,
                    InsightSeverity.WARNING,
                    poolUse == null ? 0 : poolUse.mean(),
                    "node %s is short of database connections: %.0f %% of its pool in use on average over the last %s,"
                            + " %.1f requests waiting for one (raise the datasource's max-pool-size or lower"
                            + " tideflow.dispatcher.workers)",
                    node,
                    poolUse == null ? 0 : poolUse.mean(),
                    window,
                    waiting == null ? 0 : waiting.mean()));
        }
        GaugeJson.Samples workers = f.get(SampledFigure.WORKERS_USE);
        GaugeJson.Samples ahead = f.get(SampledFigure.CLAIM_AHEAD);
        if (GroupShortage.enough(workers) && workers.mean() >= WORKERS_USE && ahead != null && ahead.mean() >= 1) {
            insights.add(insight(
                    node,
                    InsightSeverity.WARNING,
                    workers.mean(),
                    "node %s is short of workers: %.0f %% busy over the last %s with %.1f claimed tasks waiting for"
                            + " one (raise tideflow.dispatcher.workers, or add a node)",
                    node,
                    workers.mean(),
                    window,
                    ahead.mean()));
        }
        GaugeJson.Samples heap = f.get(SampledFigure.HEAP_USED);
        GaugeJson.Samples heapMax = f.get(SampledFigure.HEAP_MAX);
        if (GroupShortage.enough(heap)
                && heapMax != null
                && heapMax.mean() > 0
                && heap.mean() / heapMax.mean() >= HEAP_USE) {
            insights.add(insight(
                    node,
                    InsightSeverity.WARNING,
                    100 * heap.mean() / heapMax.mean(),
                    "node %s is short of memory: %.0f %% of its heap in use on average over the last %s",
                    node,
                    100 * heap.mean() / heapMax.mean(),
                    window));
        }
        GaugeJson.Samples gc = f.get(SampledFigure.GC_TIME);
        if (GroupShortage.enough(gc) && gc.mean() >= GC_TIME) {
            insights.add(insight(
                    node,
                    InsightSeverity.WARNING,
                    gc.mean(),
                    "node %s spent %.0f %% of the last %s collecting garbage",
                    node,
                    gc.mean(),
                    window));
        }
        GaugeJson.Samples cpu = f.get(SampledFigure.CPU_SYSTEM);
        if (GroupShortage.enough(cpu) && cpu.mean() >= CPU) {
            insights.add(insight(
                    node,
                    InsightSeverity.WARNING,
                    cpu.mean(),
                    "node %s is short of CPU: the machine was %.0f %% busy on average over the last %s",
                    node,
                    cpu.mean(),
                    window));
        }
        GaugeJson.Samples disk = f.get(SampledFigure.DISK_FREE);
        if (GroupShortage.enough(disk) && disk.min() < DISK_LOW) {
            insights.add(insight(
                    node,
                    disk.min() < DISK_CRITICAL ? InsightSeverity.CRITICAL : InsightSeverity.WARNING,
                    disk.min(),
                    "node %s is short of disk: %s free where it keeps its data",
                    node,
                    PerformanceAnalyzer.bytes(disk.min())));
        }
    }

    private static Insight insight(
            String node, InsightSeverity severity, double observed, String format, Object... arguments) {
        return new Insight(
                "NODE_SHORT",
                severity,
                null,
                null,
                node,
                observed,
                null,
                String.format(Locale.ROOT, format, arguments));
    }
}
