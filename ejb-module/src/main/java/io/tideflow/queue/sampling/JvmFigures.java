package io.tideflow.queue.sampling;

import io.tideflow.queue.history.FigureSample;
import io.tideflow.queue.history.SampledFigure;
import java.io.File;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The process's figures from the JVM's MXBeans: CPU (through the platform MBean server, since a deployment may not see
 * {@code com.sun.management}), memory, garbage collection time since the previous reading, threads, and the free
 * space where the server keeps its data.
 */
public final class JvmFigures {

    private static final String NODE = SampledFigure.NODE;

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ObjectName operatingSystem = objectName(ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME);
    private final File dataDirectory;
    private long lastGcMillis = -1;
    private long lastReadNanos;

    public JvmFigures(File dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    /** The server's data directory: WildFly's and Payara's own properties, else Derby's home, else the working one. */
    static File serverDataDirectory() {
        for (String property : List.of("jboss.server.data.dir", "com.sun.aas.instanceRoot", "derby.system.home")) {
            String path = System.getProperty(property);
            if (path != null && !path.isBlank()) {
                return new File(path);
            }
        }
        return new File(System.getProperty("user.dir", "."));
    }

    public List<FigureSample> read() {
        List<FigureSample> samples = new ArrayList<>();
        percent(samples, SampledFigure.CPU_PROCESS, "ProcessCpuLoad");
        percent(samples, SampledFigure.CPU_SYSTEM, "CpuLoad");
        samples.add(new FigureSample(
                NODE, SampledFigure.HEAP_USED, memory.getHeapMemoryUsage().getUsed()));
        long heapMax = memory.getHeapMemoryUsage().getMax();
        if (heapMax > 0) {
            samples.add(new FigureSample(NODE, SampledFigure.HEAP_MAX, heapMax));
        }
        samples.add(new FigureSample(
                NODE,
                SampledFigure.NON_HEAP_USED,
                memory.getNonHeapMemoryUsage().getUsed()));
        gcTime(samples);
        samples.add(new FigureSample(
                NODE, SampledFigure.THREADS, ManagementFactory.getThreadMXBean().getThreadCount()));
        long free = dataDirectory.getUsableSpace();
        if (free > 0) {
            samples.add(new FigureSample(NODE, SampledFigure.DISK_FREE, free));
        }
        return samples;
    }

    private void percent(List<FigureSample> samples, String metric, String attribute) {
        try {
            Object load = server.getAttribute(operatingSystem, attribute);
            // a negative load means the JVM cannot tell yet (the first reading, or no support)
            if (load instanceof Number number && number.doubleValue() >= 0) {
                samples.add(new FigureSample(NODE, metric, number.doubleValue() * 100));
            }
        } catch (Exception e) {
            // this JVM has no such attribute: the figure is left out, never guessed
        }
    }

    private void gcTime(List<FigureSample> samples) {
        long gcMillis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcMillis += Math.max(0, collector.getCollectionTime());
        }
        long now = System.nanoTime();
        if (lastGcMillis >= 0 && now > lastReadNanos) {
            double elapsedMillis = (now - lastReadNanos) / 1e6;
            samples.add(new FigureSample(
                    NODE, SampledFigure.GC_TIME, Math.min(100, 100.0 * (gcMillis - lastGcMillis) / elapsedMillis)));
        }
        lastGcMillis = gcMillis;
        lastReadNanos = now;
    }

    private static ObjectName objectName(String name) {
        try {
            return new ObjectName(name);
        } catch (Exception e) {
            throw new IllegalStateException(name, e);
        }
    }
}
