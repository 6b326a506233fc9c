package io.tideflow.admin.web.cluster;

import io.tideflow.queue.api.admin.AlertView;
import io.tideflow.queue.api.admin.Alerts;
import io.tideflow.queue.api.admin.NodeView;
import io.tideflow.queue.api.admin.TaskQueries;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The nodes sharing the database and the newest alerts. */
@Named
@RequestScoped
public class NodesView {

    static final int RECENT_ALERTS = 100;

    @Inject
    TaskQueries queries;

    @Inject
    Alerts alerts;

    private List<NodeView> nodes;
    private List<AlertView> recent;

    public List<NodeView> getNodes() {
        if (nodes == null) {
            nodes = queries.nodes();
        }
        return nodes;
    }

    public List<AlertView> getAlerts() {
        if (recent == null) {
            recent = alerts.list(false, RECENT_ALERTS);
        }
        return recent;
    }
}
