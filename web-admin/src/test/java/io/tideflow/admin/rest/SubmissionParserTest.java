package io.tideflow.admin.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.PayloadTooLargeException;
import io.tideflow.queue.api.TaskRequest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubmissionParserTest {

    private final SubmissionParser parser = new SubmissionParser(1024);

    @Test
    void everyFieldIsRead() {
        TaskRequest request = parse("{\"type\":\"mail.send\",\"payload\":{\"to\":[\"a@b\"]},\"group\":\"mail\","
                + "\"priority\":7,\"maxAttempts\":3,\"runAt\":\"2026-12-01T10:00:00Z\",\"idempotencyKey\":\"k1\"}");
        assertThat(request)
                .isEqualTo(new TaskRequest(
                        "mail.send", "{\"to\":[\"a@b\"]}", "mail", 7, 3, Instant.parse("2026-12-01T10:00:00Z"), "k1"));
    }

    @Test
    void aMissingPayloadIsTheJsonNull() {
        assertThat(parse("{\"type\":\"t\"}").payloadJson()).isEqualTo("null");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''|body|is empty",
                "{\"type\":|type|not valid JSON",
                "{} {}|body|not valid JSON",
                "[1]|body|must be a JSON object",
                "{\"type\":1}|type|must be a string",
                "{\"type\":\"t\",\"priority\":1.5}|priority|whole number",
                "{\"type\":\"t\",\"priority\":\"high\"}|priority|whole number",
                "{\"type\":\"t\",\"maxAttempts\":99999999999}|maxAttempts|out of range",
                "{\"type\":\"t\",\"runAt\":\"tomorrow\"}|runAt|ISO-8601",
                "{\"type\":\"t\",\"prio\":1}|prio|not a field",
                "{\"type\":\"t\",\"type\":\"u\"}|type|given twice",
                "{\"type\":\"t\",\"payload\":{\"a\":[{\"b\":1,\"b\":2}]}}|payload.a[0].b|given twice",
                "{\"type\":\"t\",\"payload\":[1,2,{\"n\":12345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901}]}|payload[2].n|number longer than 100",
                "{\"type\":\"t\",\"payload\":{\"a\":}}|payload.a|not valid JSON"
            })
    void aBadBodyIsRefusedNamingTheField(String body, String field, String problem) {
        assertThatThrownBy(() -> parse(body)).isInstanceOfSatisfying(InvalidTaskRequestException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.problem()).contains(problem);
        });
    }

    @Test
    void nestingDeeperThanTheBoundIsRefusedWhereItHappens() {
        String deep = "{\"type\":\"t\",\"payload\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";
        assertThatThrownBy(() -> parse(deep)).isInstanceOfSatisfying(InvalidTaskRequestException.class, e -> {
            assertThat(e.field()).startsWith("payload[0][0]");
            assertThat(e.problem()).contains("nested deeper than 64");
        });
        String justDeepEnough = "{\"type\":\"t\",\"payload\":" + "[".repeat(63) + "]".repeat(63) + "}";
        assertThat(parse(justDeepEnough).payloadJson()).startsWith("[[[");
    }

    @Test
    void aBodyFarOverTheLimitIsRefusedAndOnlyABoundedPartOfItRead() {
        int size = (int) (RequestSizeFilter.DRAIN_MAX_BYTES + 4 * 1024 * 1024);
        byte[] huge = new byte[size];
        java.util.Arrays.fill(huge, (byte) 'x');
        byte[] start = "{\"type\":\"t\",\"payload\":\"".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, huge, 0, start.length);
        ByteArrayInputStream body = new ByteArrayInputStream(huge);
        assertThatThrownBy(() -> parser.parse(body)).isInstanceOf(PayloadTooLargeException.class);
        // read up to the limit, then dropped up to the drain bound (so that the client can read the 413), no further
        assertThat(body.available()).as("bytes left unread").isEqualTo(4 * 1024 * 1024);
    }

    @Test
    void aBatchIsReadInOrder() {
        List<TaskRequest> requests = parser.parseBatch(
                body("{\"tasks\":[{\"type\":\"a\"}," + "{\"type\":\"b\",\"payload\":{\"n\":1},\"priority\":2}]}"));
        assertThat(requests)
                .containsExactly(
                        new TaskRequest("a", "null", null, null, null, null, null),
                        new TaskRequest("b", "{\"n\":1}", null, 2, null, null, null));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "[]|body|must be a JSON object",
                "{\"task\":[]}|task|not a field of a batch",
                "{\"tasks\":{}}|tasks|must be an array",
                "{\"tasks\":[{\"type\":\"a\"},7]}|tasks[1]|must be a JSON object",
                "{\"tasks\":[{\"type\":\"a\"},{\"type\":\"b\",\"priority\":\"x\"}]}|tasks[1].priority|whole number",
                "{\"tasks\":[{\"type\":\"a\",\"prio\":1}]}|tasks[0].prio|not a field"
            })
    void aBadBatchIsRefusedNamingTheSubmissionAndItsField(String body, String field, String problem) {
        assertThatThrownBy(() -> parser.parseBatch(body(body)))
                .isInstanceOfSatisfying(InvalidTaskRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.problem()).contains(problem);
                });
    }

    private static ByteArrayInputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private TaskRequest parse(String body) {
        return parser.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }
}
