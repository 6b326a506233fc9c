package io.tideflow.admin.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.TaskRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdempotencyKeyHeaderTest {

    private static TaskRequest keyed(String key) {
        return new TaskRequest("mail.send", "{}", null, null, null, null, key);
    }

    @Test
    void noHeaderLeavesTheRequestsAsTheyAre() {
        assertThat(IdempotencyKeyHeader.applyTo(keyed("own"), null)).isEqualTo(keyed("own"));
        assertThat(IdempotencyKeyHeader.applyToBatch(List.of(keyed(null)), null))
                .containsExactly(keyed(null));
    }

    @Test
    void theHeaderIsTheKeyOfASingleTaskAndMayRepeatTheBodysKey() {
        assertThat(IdempotencyKeyHeader.applyTo(keyed(null), " order-7 ")).isEqualTo(keyed("order-7"));
        assertThat(IdempotencyKeyHeader.applyTo(keyed("order-7"), "order-7")).isEqualTo(keyed("order-7"));
    }

    @Test
    void eachTaskOfABatchGetsTheHeaderWithItsIndex() {
        assertThat(IdempotencyKeyHeader.applyToBatch(List.of(keyed(null), keyed("order-7/1")), "order-7"))
                .containsExactly(keyed("order-7/0"), keyed("order-7/1"));
    }

    @Test
    void aHeaderThatContradictsTheBodyIsRefusedNamingBoth() {
        assertThatThrownBy(() -> IdempotencyKeyHeader.applyToBatch(List.of(keyed(null), keyed("mine")), "order-7"))
                .isInstanceOfSatisfying(InvalidTaskRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("Idempotency-Key");
                    assertThat(e.problem()).contains("order-7/1").contains("tasks[1].idempotencyKey");
                });
    }

    @Test
    void anEmptyOrOverlongHeaderIsRefused() {
        for (String bad : List.of("", "  ", "k".repeat(191))) {
            assertThatThrownBy(() -> IdempotencyKeyHeader.applyTo(keyed(null), bad))
                    .isInstanceOfSatisfying(
                            InvalidTaskRequestException.class,
                            e -> assertThat(e.field()).isEqualTo("Idempotency-Key"));
        }
    }
}
