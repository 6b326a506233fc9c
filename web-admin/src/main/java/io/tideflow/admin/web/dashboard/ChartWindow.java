package io.tideflow.admin.web.dashboard;

import java.time.Duration;

/** The spans the dashboard's charts show, each with the resolution its points have. */
public enum ChartWindow {
    HOUR("Last hour", Duration.ofHours(1), false),
    DAY("Last day", Duration.ofDays(1), true),
    WEEK("Last week", Duration.ofDays(7), true);

    private final String label;
    private final Duration span;
    private final boolean hourly;

    ChartWindow(String label, Duration span, boolean hourly) {
        this.label = label;
        this.span = span;
        this.hourly = hourly;
    }

    public String getLabel() {
        return label;
    }

    Duration span() {
        return span;
    }

    boolean hourly() {
        return hourly;
    }
}
