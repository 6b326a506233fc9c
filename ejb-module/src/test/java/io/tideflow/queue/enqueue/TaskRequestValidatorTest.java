package io.tideflow.queue.enqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.PayloadTooLargeException;
import io.tideflow.queue.api.TaskRequest;
import io.tideflow.queue.api.UnknownTaskTypeException;
import io.tideflow.queue.config.EngineSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaskRequestValidatorTest {

    private static final int LIMIT = 1024;
    private final EngineSettings settings = EngineSettings.defaults().withPayloadMaxBytes(LIMIT);
    private final TaskRequestValidator validator = new TaskRequestValidator("mail.send"::equals, settings);

    @Test
    void aMinimalRequestLeavesGroupPriorityAndAttemptsToLaterSteps() {
        ValidatedTaskRequest valid =
                validator.validate(TaskRequest.ofType("mail.send").build());
        assertThat(valid.payloadJson()).isEqualTo("null");
        assertThat(valid.maxAttempts()).isNull();
        assertThat(valid.group()).isNull();
        assertThat(valid.priority()).isNull();
    }

    @Test
    void theTypeIsRequiredAndMustHaveAHandler() {
        assertRefused(TaskRequest.ofType(" ").build(), "type", "required");
        assertRefused(TaskRequest.ofType("mail send").build(), "type", "letters, digits");
        assertThatThrownBy(
                        () -> validator.validate(TaskRequest.ofType("sms.send").build()))
                .isInstanceOf(UnknownTaskTypeException.class)
                .hasMessageContaining("'sms.send'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"a\":}", "[1,2", "nul", "{} {}", "\"unterminated"})
    void aPayloadThatIsNotOneJsonValueIsRefused(String payload) {
        assertRefused(TaskRequest.ofType("mail.send").payloadJson(payload).build(), "payload", "not valid JSON");
    }

    @Test
    void aPayloadOverTheLimitIsRefusedWithItsSize() {
        String atLimit = "\"" + "x".repeat(LIMIT - 2) + "\"";
        assertThat(validator
                        .validate(TaskRequest.ofType("mail.send")
                                .payloadJson(atLimit)
                                .build())
                        .payloadJson())
                .isEqualTo(atLimit);
        String overByOneMultibyteChar = "\"" + "x".repeat(LIMIT - 3) + "é\"";
        assertThatThrownBy(() -> validator.validate(TaskRequest.ofType("mail.send")
                        .payloadJson(overByOneMultibyteChar)
                        .build()))
                .isInstanceOf(PayloadTooLargeException.class)
                .hasMessageContaining("payload")
                .hasMessageContaining((LIMIT + 1) + " bytes");
    }

    @Test
    void priorityMaxAttemptsGroupAndKeyAreCheckedAgainstTheirRanges() {
        assertRefused(TaskRequest.ofType("mail.send").priority(10).build(), "priority", "between 0 and 9");
        assertRefused(TaskRequest.ofType("mail.send").priority(-1).build(), "priority", "between 0 and 9");
        assertRefused(TaskRequest.ofType("mail.send").maxAttempts(0).build(), "maxAttempts", "between 1 and 100");
        assertRefused(TaskRequest.ofType("mail.send").maxAttempts(101).build(), "maxAttempts", "between 1 and 100");
        assertRefused(TaskRequest.ofType("mail.send").group("a/b").build(), "group", "letters, digits");
        assertRefused(
                TaskRequest.ofType("mail.send").idempotencyKey("k".repeat(201)).build(), "idempotencyKey", "1 to 200");
    }

    @Test
    void validValuesAtTheEdgesPass() {
        ValidatedTaskRequest valid = validator.validate(TaskRequest.ofType("mail.send")
                .priority(9)
                .maxAttempts(100)
                .group("mail-relay_1.eu")
                .idempotencyKey("order-42")
                .payloadJson("{\"to\":\"a@b\"}")
                .build());
        assertThat(valid.priority()).isEqualTo(9);
        assertThat(valid.maxAttempts()).isEqualTo(100);
        assertThat(valid.group()).isEqualTo("mail-relay_1.eu");
    }

    private void assertRefused(TaskRequest request, String field, String problem) {
        assertThatThrownBy(() -> validator.validate(request))
                .isInstanceOfSatisfying(InvalidTaskRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.problem()).contains(problem);
                });
    }
}
