package io.tideflow.queue.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.admin.GroupActionView;
import io.tideflow.queue.store.groups.GroupActionLog;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The log of operators' group changes: newest first, of one group or of all, at most as many as asked. */
abstract class GroupActionLogContract extends DatabaseContract {

    private static final Instant T = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void actionsAreReadNewestFirstForOneGroupOrForAll() {
        record(new GroupActionView("mail", "pause", "alice", T, null));
        record(new GroupActionView("billing", "set-limits", "bob", T.plusSeconds(1), "max-concurrent=3"));
        record(new GroupActionView("mail", "resume", "alice", T.plusSeconds(2), null));

        assertThat(newest(null, 10))
                .extracting(GroupActionView::action)
                .containsExactly("resume", "set-limits", "pause");
        assertThat(newest("mail", 10)).extracting(GroupActionView::action).containsExactly("resume", "pause");
        assertThat(newest("billing", 10))
                .singleElement()
                .isEqualTo(new GroupActionView("billing", "set-limits", "bob", T.plusSeconds(1), "max-concurrent=3"));
        assertThat(newest(null, 2)).hasSize(2);
        assertThat(newest("nobody", 10)).isEmpty();
    }

    private void record(GroupActionView action) {
        db.inTransaction(em -> {
            log(em).record(action);
            return null;
        });
    }

    private List<GroupActionView> newest(String group, int limit) {
        return db.inTransaction(em -> log(em).newest(group, limit));
    }

    private GroupActionLog log(EntityManager em) {
        return new GroupActionLog(em, db.dialect());
    }
}
