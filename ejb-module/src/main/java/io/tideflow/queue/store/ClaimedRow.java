package io.tideflow.queue.store;

import io.tideflow.queue.sql.RowMapper;

/** A task as a claim returns it: the columns of {@code claim.*} in the catalog, in that order. */
public record ClaimedRow(
        String id, String type, String group, String payload, int attempts, int maxAttempts, long runAt, int priority) {

    static final RowMapper<ClaimedRow> FROM_ROW = row -> new ClaimedRow(
            row.getString(1).trim(),
            row.getString(2),
            row.getString(3),
            row.getString(4),
            row.getInt(5),
            row.getInt(6),
            row.getLong(7),
            row.getInt(8));
}
