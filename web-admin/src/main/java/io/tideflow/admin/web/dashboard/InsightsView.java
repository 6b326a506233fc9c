package io.tideflow.admin.web.dashboard;

import io.tideflow.queue.api.admin.InsightQueries;
import io.tideflow.queue.api.admin.InsightSet;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The performance analyzer's newest findings on the dashboard, read once per page: they change every few minutes
 * ({@code tideflow.insights.interval}), so the page's one-second poll leaves them alone.
 */
@Named
@RequestScoped
public class InsightsView {

    @Inject
    InsightQueries insights;

    private InsightSet latest;

    @PostConstruct
    void load() {
        latest = insights.latest();
    }

    public InsightSet getLatest() {
        return latest;
    }
}
