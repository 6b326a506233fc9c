package io.tideflow.queue.store;

import static io.tideflow.queue.store.TaskFixtures.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.admin.TaskEventView;
import io.tideflow.queue.api.admin.TaskView;
import io.tideflow.queue.api.worker.FailureVerdict;
import io.tideflow.queue.api.worker.LeasedTask;
import io.tideflow.queue.model.RetryDecision;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A failure is recorded whatever its message: any length, NUL, characters outside the BMP. */
abstract class FailureTextContract extends DatabaseContract {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    /** Over 100 KB: NUL (PostgreSQL refuses it in text) and a character outside the BMP (a surrogate pair in Java). */
    private static final String HOSTILE = "[SYSTEM] " + "boom \u0000 \uD83D\uDCA5 ".repeat(12_000);

    @Test
    void aHugeHostileMessageIsRecordedCutToTheColumn() {
        NewTask task = aTask().build();
        db.inTransaction(em -> {
            db.store(em, "node-a").insert(task);
            return null;
        });
        LeasedTask claimed = db.<List<LeasedTask>>inTransaction(
                        em -> db.store(em, "node-a").claimDue(1, NOW, Duration.ofSeconds(30), TaskFixtures.TYPES))
                .get(0);

        assertThat(db.<FailureVerdict>inTransaction(
                        em -> db.store(em, "node-a").recordFailure(claimed, HOSTILE, RetryDecision.RETRY, NOW, NOW)))
                .isEqualTo(FailureVerdict.RETRY_SCHEDULED);

        TaskView view = db.inTransaction(em -> new TaskReader(em, db.dialect()).find(task.id()))
                .orElseThrow();
        assertCutCleanly(view.lastError());
        TaskEventView failed = db
                .<List<TaskEventView>>inTransaction(em -> new TaskHistory(em, "reader", db.dialect()).of(task.id()))
                .stream()
                .filter(event -> event.to().name().equals("FAILED"))
                .findFirst()
                .orElseThrow();
        assertCutCleanly(failed.detail());
    }

    private static void assertCutCleanly(String text) {
        assertThat(text).startsWith("[SYSTEM] boom ").endsWith("...").doesNotContain("\u0000");
        assertThat(text.length()).isLessThanOrEqualTo(ColumnText.ERROR_CHARS);
        // no half of a surrogate pair: the text survives a round trip through UTF-8 unchanged
        assertThat(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .isEqualTo(text);
    }
}
