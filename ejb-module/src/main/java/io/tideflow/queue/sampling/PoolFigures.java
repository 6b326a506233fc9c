package io.tideflow.queue.sampling;

import io.tideflow.queue.history.FigureSample;
import io.tideflow.queue.history.SampledFigure;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * The datasource pool's connections in use, its maximum and the requests waiting for one, as the server's own
 * statistics tell them through the platform MBean server: WildFly's datasource statistics (the server scripts switch
 * them on), Payara Server's connection pool monitoring where its AMX tree publishes it. Where neither is found the
 * figures are left out, never estimated.
 */
final class PoolFigures {

    private static final String NODE = SampledFigure.NODE;
    private static final String JNDI_SUFFIX = "jdbc/tideflow";
    /** The pool the Payara scripts create for jdbc/tideflow. */
    private static final String PAYARA_POOL = "TideflowPool";

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private Source source;
    /** The attribute names as the server spells them, by MBean and wanted name (read by the sampler's thread only). */
    private final Map<String, String> spellings = new HashMap<>();

    List<FigureSample> read() {
        if (source == null) {
            source = find().orElse(null);
            if (source == null) {
                return List.of();
            }
        }
        try {
            return source.read();
        } catch (Exception e) {
            // the pool was redefined or the server's statistics went away: look again next time
            source = null;
            return List.of();
        }
    }

    /** Whether the server's statistics of the pool were found (for the log). */
    boolean found() {
        return source != null;
    }

    private Optional<Source> find() {
        try {
            if (wildFlyBooting()) {
                return Optional.empty();
            }
            for (ObjectName name :
                    server.queryNames(new ObjectName("jboss.as:subsystem=datasources,data-source=*"), null)) {
                Object jndi = attribute(name, "jndiName");
                if (jndi != null && jndi.toString().endsWith(JNDI_SUFFIX)) {
                    ObjectName pool = new ObjectName(name + ",statistics=pool");
                    if (server.isRegistered(pool)) {
                        return Optional.of(new WildFlyPool(name, pool));
                    }
                }
            }
            Set<ObjectName> payara = server.queryNames(
                    new ObjectName("amx:type=jdbc-connection-pool-mon,name=*" + PAYARA_POOL + "*,*"), null);
            if (!payara.isEmpty()) {
                Set<ObjectName> config = server.queryNames(
                        new ObjectName("amx:type=jdbc-connection-pool,name=" + PAYARA_POOL + ",*"), null);
                return Optional.of(new PayaraPool(
                        payara.iterator().next(),
                        config.isEmpty() ? null : config.iterator().next()));
            }
        } catch (Exception e) {
            // no such tree on this server
        }
        return Optional.empty();
    }

    /**
     * WildFly registers its datasources' MBeans before its model answers for them: a read during the boot fails and
     * the server logs it as an error, so the pool is looked for once the server says it runs.
     */
    private boolean wildFlyBooting() throws Exception {
        ObjectName root = new ObjectName("jboss.as:management-root=server");
        if (!server.isRegistered(root)) {
            return false;
        }
        Object state = attribute(root, "server-state");
        return state != null && "starting".equalsIgnoreCase(state.toString());
    }

    /**
     * Reads an attribute by its name in any case or spelling ({@code InUseCount}, {@code inUseCount}, ...). The
     * spelling is looked up once: on WildFly each look describes the whole resource, which cost more than the reads.
     */
    private Object attribute(ObjectName name, String wanted) throws Exception {
        String key = name + "#" + wanted;
        String spelled = spellings.get(key);
        if (spelled == null) {
            String plain = wanted.replace("-", "").toLowerCase(Locale.ROOT);
            for (MBeanAttributeInfo info : server.getMBeanInfo(name).getAttributes()) {
                if (info.getName().replace("-", "").toLowerCase(Locale.ROOT).equals(plain)) {
                    spelled = info.getName();
                }
            }
            if (spelled == null) {
                return null;
            }
            spellings.put(key, spelled);
        }
        return server.getAttribute(name, spelled);
    }

    private static double number(Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof CompositeData data) {
            for (String key : List.of("current", "count")) {
                if (data.containsKey(key) && data.get(key) instanceof Number number) {
                    return number.doubleValue();
                }
            }
        }
        if (value != null) {
            try {
                return Double.parseDouble(value.toString());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    private static List<FigureSample> figures(double inUse, double max, double waiting) {
        List<FigureSample> samples = new ArrayList<>();
        samples.add(new FigureSample(NODE, SampledFigure.POOL_IN_USE, inUse));
        samples.add(new FigureSample(NODE, SampledFigure.POOL_WAITING, waiting));
        if (max > 0) {
            samples.add(new FigureSample(NODE, SampledFigure.POOL_MAX, max));
            samples.add(new FigureSample(NODE, SampledFigure.POOL_USE, 100 * inUse / max));
        }
        return samples;
    }

    private interface Source {
        List<FigureSample> read() throws Exception;
    }

    private final class WildFlyPool implements Source {
        private final ObjectName datasource;
        private final ObjectName pool;

        WildFlyPool(ObjectName datasource, ObjectName pool) {
            this.datasource = datasource;
            this.pool = pool;
        }

        @Override
        public List<FigureSample> read() throws Exception {
            return figures(
                    number(attribute(pool, "InUseCount")),
                    number(attribute(datasource, "maxPoolSize")),
                    number(attribute(pool, "WaitCount")));
        }
    }

    private final class PayaraPool implements Source {
        private final ObjectName pool;
        private final ObjectName config;

        /** @param config the pool's configuration (its maximum), or null when AMX does not publish it */
        PayaraPool(ObjectName pool, ObjectName config) {
            this.pool = pool;
            this.config = config;
        }

        @Override
        public List<FigureSample> read() throws Exception {
            return figures(
                    number(attribute(pool, "numconnused")),
                    config == null ? Double.NaN : number(attribute(config, "MaxPoolSize")),
                    number(attribute(pool, "waitqueuelength")));
        }
    }
}
