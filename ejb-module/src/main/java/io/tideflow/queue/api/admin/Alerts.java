package io.tideflow.queue.api.admin;

import java.util.List;

/** The alerts the configured rules raised. */
public interface Alerts {

    /** The newest alerts first, at most {@code limit} (1 to 500); only active ones when {@code activeOnly}. */
    List<AlertView> list(boolean activeOnly, int limit);
}
