package io.tideflow.queue.store.groups;

import io.tideflow.queue.api.admin.GroupActionView;
import io.tideflow.queue.sql.RowMapper;
import io.tideflow.queue.sql.SqlRunner;
import io.tideflow.queue.store.StoreDialect;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/** The {@code group_actions} table: who changed a group, how and when, written in the change's transaction. */
public class GroupActionLog {

    private static final RowMapper<GroupActionView> ACTION = row -> new GroupActionView(
            row.getString(1),
            row.getString(2),
            row.getString(3),
            Instant.ofEpochMilli(row.getLong(4)),
            row.getString(5));

    private final SqlRunner sql;

    public GroupActionLog(EntityManager em, StoreDialect dialect) {
        this.sql = dialect.on(em);
    }

    public void record(GroupActionView action) {
        sql.update(
                "groupaction.record",
                action.group(),
                action.action(),
                action.actor(),
                action.at().toEpochMilli(),
                action.detail());
    }

    /** The newest actions first, of one group or (when {@code group} is null) of all. */
    public List<GroupActionView> newest(String group, int limit) {
        return group == null
                ? sql.list("groupaction.newest", limit, ACTION)
                : sql.list("groupaction.newestOfGroup", limit, ACTION, group);
    }
}
