package io.tideflow.admin.demo;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The quickstart's demo group {@code demo-flaky}: five starts a second, two at a time, and a breaker that opens when
 * half of at least five attempts in 10 s failed, and probes again after 10 s. Present only where the demo types are
 * enabled ({@code tideflow.demo.enabled=true}, which only the quickstart sets), and below every other source, so an
 * application's own keys win.
 */
public class DemoConfigSource implements ConfigSource {

    static final String GROUP = "tideflow.group.\"demo-flaky\".";
    private static final Map<String, String> DEMO = Map.of(
            GROUP + "rate", "5/PT1S",
            GROUP + "max-concurrent", "2",
            GROUP + "breaker.minimum-calls", "5",
            GROUP + "breaker.failure-ratio", "0.5",
            GROUP + "breaker.window", "PT10S",
            GROUP + "breaker.open-delay", "PT10S",
            GROUP + "breaker.probes", "1");

    private static boolean enabled() {
        return Boolean.parseBoolean(System.getProperty("tideflow.demo.enabled"));
    }

    @Override
    public Set<String> getPropertyNames() {
        return enabled() ? DEMO.keySet() : Set.of();
    }

    @Override
    public String getValue(String propertyName) {
        return enabled() ? DEMO.get(propertyName) : null;
    }

    @Override
    public String getName() {
        return "tideflow-quickstart-demo";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }
}
