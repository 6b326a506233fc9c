package io.tideflow.queue.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideflow.queue.api.admin.AlertKind;
import io.tideflow.queue.api.admin.AlertView;
import io.tideflow.queue.store.reporting.AlertStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** An alert is raised once and cleared once across nodes. */
abstract class AlertStoreContract extends DatabaseContract {

    private static final Instant T = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void anActiveAlertIsRaisedOnceClearedOnceAndCanBeRaisedAgainAfterwards() {
        AlertView raised = raise("node-a");
        assertThat(raised.active()).isTrue();
        assertThat(raised.message()).isEqualTo("waited too long");
        assertThatThrownBy(() -> raise("node-b"))
                .as("the same rule and group while active")
                .isNotNull();

        Optional<AlertView> cleared =
                db.inTransaction(em -> new AlertStore(em, db.dialect()).clear("stuck", "mail", T.plusSeconds(60)));
        assertThat(cleared)
                .hasValueSatisfying(alert -> assertThat(alert.clearedAt()).isEqualTo(T.plusSeconds(60)));
        assertThat(db.<Optional<AlertView>>inTransaction(
                        em -> new AlertStore(em, db.dialect()).clear("stuck", "mail", T)))
                .as("cleared already")
                .isEmpty();

        raise("node-b");
        List<AlertView> all = db.inTransaction(em -> new AlertStore(em, db.dialect()).newest(false, 10));
        assertThat(all).extracting(AlertView::active).containsExactly(true, false);
        assertThat(db.<List<AlertView>>inTransaction(em -> new AlertStore(em, db.dialect()).active()))
                .hasSize(1);
    }

    @Test
    void ofNodesRaisingTheSameAlertAtOnceOneSucceeds() throws Exception {
        int nodes = 8;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<AlertView>> attempts = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                String node = "node-" + i;
                attempts.add(pool.submit((Callable<AlertView>) () -> {
                    go.await();
                    return raise(node);
                }));
            }
            go.countDown();
            int raised = 0;
            for (Future<AlertView> attempt : attempts) {
                try {
                    attempt.get();
                    raised++;
                } catch (ExecutionException lostTheRace) {
                    // another node's insert holds the active key
                }
            }
            assertThat(raised).isOne();
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.<List<AlertView>>inTransaction(em -> new AlertStore(em, db.dialect()).newest(false, 10)))
                .hasSize(1);
    }

    private AlertView raise(String node) {
        return db.inTransaction(em -> new AlertStore(em, db.dialect())
                .raise("stuck", AlertKind.OLDEST_DUE, "mail", T, 900, 600, "waited too long", node));
    }
}
