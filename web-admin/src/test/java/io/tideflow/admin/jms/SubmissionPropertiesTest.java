package io.tideflow.admin.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.TaskRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubmissionPropertiesTest {

    private static TaskRequest request(String type, String group, Integer priority, String key) {
        return new TaskRequest(type, "{}", group, priority, null, null, key);
    }

    @Test
    void propertiesFillInWhatTheBodyLeavesOut() {
        List<TaskRequest> applied = new SubmissionProperties("mail.send", "mail", 7, null)
                .applyTo(List.of(request(null, null, null, null)), false, "ID:1");
        assertThat(applied).containsExactly(request("mail.send", "mail", 7, "ID:1"));
    }

    @Test
    void theBodyKeepsWhatItSaysAndTheMessageIdIsTheKeyOnlyWhereNoneIsGiven() {
        List<TaskRequest> applied = SubmissionProperties.NONE.applyTo(
                List.of(request("a", "g", 1, "own"), request("b", null, null, null)), true, "ID:9");
        assertThat(applied).containsExactly(request("a", "g", 1, "own"), request("b", null, null, "ID:9/1"));
    }

    @Test
    void aKeyPropertyGivesEachTaskOfABatchItsOwnKey() {
        List<TaskRequest> applied = new SubmissionProperties(null, null, null, "order-42")
                .applyTo(List.of(request("a", null, null, null), request("a", null, null, null)), true, "ID:3");
        assertThat(applied).extracting(TaskRequest::idempotencyKey).containsExactly("order-42/0", "order-42/1");
    }

    @Test
    void aPropertyThatContradictsTheBodyIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> new SubmissionProperties("mail.send", null, null, null)
                        .applyTo(
                                List.of(request("b", null, null, null), request("sms.send", null, null, null)),
                                true,
                                "ID:1"))
                .isInstanceOfSatisfying(InvalidTaskRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("tideflowType");
                    assertThat(e.problem()).contains("tasks[0].type").contains("'b'");
                });
    }

    @Test
    void theSameValueInBodyAndPropertyIsNoContradiction() {
        assertThat(new SubmissionProperties(null, null, 5, null)
                        .applyTo(List.of(request("a", null, 5, null)), false, null))
                .containsExactly(request("a", null, 5, null));
    }
}
