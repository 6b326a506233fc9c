package io.tideflow.admin.web.dashboard;

import io.tideflow.queue.api.TideflowException;
import io.tideflow.queue.api.admin.MetricPoint;
import io.tideflow.queue.api.admin.MetricQueries;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The dashboard's charts from the metric history: tasks completed and failed, and p95 queue wait and run time, per
 * minute (last hour) or per hour (last day, week), of one group or of all groups together (the history sums them).
 */
@Named
@ViewScoped
public class ChartsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient MetricQueries metrics;

    @Inject
    DashboardView dashboard;

    private ChartWindow window = ChartWindow.HOUR;
    private String group = "";
    private List<String> groups = List.of();
    private String countsChart;
    private String latencyChart;

    @PostConstruct
    void load() {
        groups = dashboard.groupNames();
        draw();
    }

    /** Draws the charts again for the window and group chosen (the selects' Ajax listener and the slow poll). */
    public void draw() {
        Instant to = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        Instant from = to.minus(window.span());
        try {
            String chosen = group == null || group.isEmpty() ? null : group;
            countsChart = ChartJson.counts(series("completed", chosen, from, to), series("failed", chosen, from, to));
            latencyChart = ChartJson.latencies(series("wait", chosen, from, to), series("run", chosen, from, to));
        } catch (TideflowException busy) {
            FacesContext.getCurrentInstance()
                    .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, busy.getMessage(), null));
        }
    }

    private List<MetricPoint> series(String metric, String name, Instant from, Instant to) {
        return metrics.series(metric, name, from, to, window.hourly());
    }

    public List<ChartWindow> getWindows() {
        return List.of(ChartWindow.values());
    }

    public ChartWindow getWindow() {
        return window;
    }

    public void setWindow(ChartWindow window) {
        this.window = window == null ? ChartWindow.HOUR : window;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group == null ? "" : group;
    }

    public List<String> getGroups() {
        return groups;
    }

    public String getCountsChart() {
        return countsChart;
    }

    public String getLatencyChart() {
        return latencyChart;
    }
}
