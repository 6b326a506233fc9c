package io.tideflow.admin.jms;

import io.tideflow.admin.submission.SubmissionJson;
import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.TaskRequest;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads a submission message: a {@link TextMessage} whose text is the JSON of {@code POST /api/tasks} (one task) or of
 * {@code POST /api/tasks/batch} ({@code {"tasks": [...]}}), and its optional {@link SubmissionProperties}.
 */
final class SubmissionMessage {

    /** The same bound as a REST body: the broker may carry more, the engine's transaction should not. */
    static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

    private SubmissionMessage() {}

    /** @return what the message asks for, in order, each with its idempotency key */
    static Read read(Message message) throws JMSException {
        if (!(message instanceof TextMessage text)) {
            throw new InvalidTaskRequestException(
                    "body", "must be a TextMessage holding the JSON of a task submission, got a " + kindOf(message));
        }
        String body = text.getText();
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new InvalidTaskRequestException(
                    "body", "is " + bytes.length + " bytes, more than the limit of " + MAX_BODY_BYTES + " bytes");
        }
        JsonObject json = SubmissionJson.readObject(bytes);
        boolean batch = SubmissionJson.isBatch(json);
        List<TaskRequest> requests = batch ? SubmissionJson.batch(json) : List.of(SubmissionJson.request(json, ""));
        return new Read(propertiesOf(message).applyTo(requests, batch, message.getJMSMessageID()), batch);
    }

    /** @param batch whether the body was a batch, whose reply carries a list of ids */
    record Read(List<TaskRequest> requests, boolean batch) {}

    private static SubmissionProperties propertiesOf(Message message) throws JMSException {
        return new SubmissionProperties(
                text(message, SubmissionProperties.TYPE),
                text(message, SubmissionProperties.GROUP),
                whole(message, SubmissionProperties.PRIORITY),
                text(message, SubmissionProperties.IDEMPOTENCY_KEY));
    }

    private static String text(Message message, String name) throws JMSException {
        Object value = message.getObjectProperty(name);
        if (value == null) {
            return null;
        }
        if (value instanceof String string) {
            return string;
        }
        throw new InvalidTaskRequestException(name, "must be a string property, got " + kindOf(value));
    }

    private static Integer whole(Message message, String name) throws JMSException {
        Object value = message.getObjectProperty(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value instanceof String string && string.matches("-?\\d{1,9}")) {
            return Integer.valueOf(string);
        }
        throw new InvalidTaskRequestException(name, "must be a whole number, got " + kindOf(value) + " " + value);
    }

    private static String kindOf(Object value) {
        Class<?> type = value.getClass();
        for (Class<?> known : type.getInterfaces()) {
            if (known.getPackageName().equals("jakarta.jms")) {
                return known.getSimpleName();
            }
        }
        return type.getSimpleName();
    }
}
