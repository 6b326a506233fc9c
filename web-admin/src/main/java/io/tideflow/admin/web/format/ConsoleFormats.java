package io.tideflow.admin.web.format;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Figures as the console shows them: short, with their unit, in UTC. */
@Named("fmt")
@ApplicationScoped
public class ConsoleFormats {

    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    /** {@code 1.2 s}, {@code 3 min 4 s}, {@code 2 h 5 min}; a dash for none. */
    public String duration(Duration duration) {
        if (duration == null) {
            return "—";
        }
        long millis = duration.toMillis();
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1_000.0);
        }
        long seconds = duration.toSeconds();
        if (seconds < 3_600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3_600 + " h " + (seconds % 3_600) / 60 + " min";
    }

    /** A latency in milliseconds, or a dash when nothing was measured. */
    public String millis(double millis, long count) {
        if (count == 0) {
            return "—";
        }
        if (millis >= 10_000) {
            return duration(Duration.ofMillis((long) millis));
        }
        return String.format(Locale.ROOT, millis < 10 ? "%.1f ms" : "%.0f ms", millis);
    }

    public String instant(Instant instant) {
        return instant == null ? "—" : INSTANT.format(instant);
    }

    public String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }

    /** One decimal: an average such as tasks per chunk. */
    public String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    public String rate(double perSecond) {
        return String.format(Locale.ROOT, perSecond < 10 ? "%.2f/s" : "%.0f/s", perSecond);
    }
}
