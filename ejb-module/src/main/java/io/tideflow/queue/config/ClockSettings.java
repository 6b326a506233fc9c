package io.tideflow.queue.config;

import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * How far this node's clock may be from the database's. Leases, due times and FIFO ids are written with each node's
 * clock, so a node whose clock runs ahead would rescue tasks still running elsewhere, and one behind would write
 * leases that others see expire early. Every key and its default is listed in docs/configuration.md.
 *
 * @param maxSkew beyond this difference the node stops claiming and rescuing and reports itself not ready
 */
public record ClockSettings(Duration maxSkew) {

    public static ClockSettings defaults() {
        return new ClockSettings(Duration.ofSeconds(2));
    }

    /** Reads every key, falling back to {@link #defaults()}; throws {@link InvalidSettingException} on a bad value. */
    public static ClockSettings from(Config config) {
        return new ClockSettings(new SettingReader(config)
                .duration(
                        "tideflow.clock.max-skew",
                        defaults().maxSkew(),
                        Duration.ofMillis(10),
                        Duration.ofMinutes(10)));
    }
}
