package io.tideflow.queue.insights;

import io.tideflow.queue.api.admin.InsightQueries;
import io.tideflow.queue.api.admin.InsightSet;
import io.tideflow.queue.store.reporting.InsightStore;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** {@link InsightQueries} over the {@code insights} table. */
@Stateless
public class InsightReports implements InsightQueries {

    @Inject
    InsightStore store;

    @Override
    public InsightSet latest() {
        return store.newest();
    }
}
