package io.tideflow.admin.web.dashboard;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.primefaces.PrimeFaces;

/**
 * The dashboard's figures. The page polls every second; the figures are re-rendered only when they changed, so an
 * idle queue costs a poll request with an empty answer. A poll copies this node's latest figures, which {@link
 * DashboardSnapshots} reads in the background while the dashboard is watched.
 */
@Named
@ViewScoped
public class DashboardView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient DashboardSnapshots snapshots;

    private List<GroupFigures> rows = List.of();
    private GroupFigures totals;
    private Instant readAt;

    @PostConstruct
    void load() {
        read();
    }

    /** The poll's listener: takes the latest figures and updates the page only when they changed. */
    public void poll() {
        List<GroupFigures> before = rows;
        read();
        if (!rows.equals(before)) {
            PrimeFaces.current().ajax().update(":figures");
        }
    }

    private void read() {
        DashboardFigures figures = snapshots.current();
        rows = figures.rows();
        totals = figures.totals();
        readAt = figures.readAt();
    }

    /** The groups the dashboard shows, by name. */
    List<String> groupNames() {
        return rows.stream().map(GroupFigures::group).toList();
    }

    public List<GroupFigures> getRows() {
        return rows;
    }

    /** The groups whose batchable types ran in chunks over the window. */
    public List<GroupFigures> getChunkRows() {
        return rows.stream().filter(row -> row.chunks() != null).toList();
    }

    public GroupFigures getTotals() {
        return totals;
    }

    public Instant getReadAt() {
        return readAt;
    }
}
