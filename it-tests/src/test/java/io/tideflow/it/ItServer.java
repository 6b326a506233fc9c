package io.tideflow.it;

import java.net.URI;
import java.nio.file.Path;

/**
 * The server the Arquillian suites run against, and where it serves what the suites read besides the deployment:
 * the build passes {@code it.server} ({@code wildfly} or {@code payara}) and {@code it.http.base} for each profile.
 */
final class ItServer {

    private ItServer() {}

    static boolean isPayara() {
        return "payara".equals(System.getProperty("it.server", "wildfly"));
    }

    static URI httpBase() {
        return URI.create(System.getProperty("it.http.base", "http://127.0.0.1:8080/"));
    }

    /** MicroProfile Health's {@code health/ready} and {@code health/live}: WildFly's management port, Payara's HTTP. */
    static ApiClient health(String host) {
        return isPayara() ? new ApiClient(httpBase()) : management(host);
    }

    /** The meters in Prometheus text: WildFly's Micrometer registry, Payara's MicroProfile Metrics (application scope). */
    static PrometheusText scrape(String host) {
        ApiClient.Response response = isPayara()
                ? new ApiClient(httpBase()).get("metrics?scope=application", null)
                : management(host).get("prometheus", null);
        if (response.status() != 200) {
            throw new AssertionError("metrics answered " + response.status() + ": " + response.body());
        }
        return PrometheusText.parse(response.body());
    }

    /**
     * Heap in use, of one pool or (null) of all: WildFly's JVM meters have the pools, Payara's base metrics only the
     * whole heap, so there a pool reads as NaN.
     */
    static double heapUsed(String host, String pool) {
        if (isPayara()) {
            if (pool != null) {
                return Double.NaN;
            }
            PrometheusText base = PrometheusText.parse(
                    new ApiClient(httpBase()).get("metrics?scope=base", null).body());
            return base.sum("memory_usedHeap_bytes");
        }
        PrometheusText metrics = scrape(host);
        return pool == null
                ? metrics.sum("jvm_memory_used_bytes", "area", "heap")
                : metrics.sum("jvm_memory_used_bytes", "area", "heap", "id", pool);
    }

    /** The server's log file: WildFly's standalone log, the Payara domain's server.log. */
    static Path serverLog() {
        return isPayara()
                ? Path.of(System.getProperty("payara.home"), "glassfish/domains/tideflow/logs/server.log")
                : Path.of(System.getProperty("jboss.home"), "standalone/log/server.log");
    }

    /** Where the build copied the server libraries and the archives the suites deploy. */
    static Path serverLibDir() {
        return Path.of(System.getProperty("it.server-lib", "target/server-lib"));
    }

    /** An archive the build copied for the suites: Tideflow's WAR and EAR, the example applications. */
    static Path serverLib(String name) {
        return serverLibDir().resolve(name);
    }

    private static ApiClient management(String host) {
        return new ApiClient(URI.create("http://" + host + ":9990/"));
    }
}
