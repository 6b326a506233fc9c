package io.tideflow.admin.jms;

import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.TaskRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The optional JMS properties of a submission message: each fills in its field where the body leaves it out, and a
 * property that contradicts the body is refused (naming the property), so that neither silently wins.
 *
 * @param type {@value #TYPE}
 * @param group {@value #GROUP}
 * @param priority {@value #PRIORITY}
 * @param idempotencyKey {@value #IDEMPOTENCY_KEY}: for a batch body, task {@code i} gets {@code key/i}
 */
public record SubmissionProperties(String type, String group, Integer priority, String idempotencyKey) {

    public static final String TYPE = "tideflowType";
    public static final String GROUP = "tideflowGroup";
    public static final String PRIORITY = "tideflowPriority";
    public static final String IDEMPOTENCY_KEY = "tideflowIdempotencyKey";

    static final SubmissionProperties NONE = new SubmissionProperties(null, null, null, null);

    /**
     * The requests with these properties applied, and an idempotency key for every task that has none: the
     * message's own id (with {@code /i} for task {@code i} of a batch), so that a redelivered message never enqueues
     * twice.
     */
    List<TaskRequest> applyTo(List<TaskRequest> requests, boolean batch, String messageId) {
        List<TaskRequest> applied = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            TaskRequest request = requests.get(i);
            String prefix = batch ? "tasks[" + i + "]." : "";
            String suffix = batch ? "/" + i : "";
            String key = idempotencyKey == null ? null : idempotencyKey + suffix;
            String fallbackKey = messageId == null ? null : messageId + suffix;
            String chosenKey = pick(request.idempotencyKey(), key, prefix + "idempotencyKey", IDEMPOTENCY_KEY);
            applied.add(new TaskRequest(
                    pick(request.type(), type, prefix + "type", TYPE),
                    request.payloadJson(),
                    pick(request.group(), group, prefix + "group", GROUP),
                    pick(request.priority(), priority, prefix + "priority", PRIORITY),
                    request.maxAttempts(),
                    request.runAt(),
                    chosenKey == null ? fallbackKey : chosenKey));
        }
        return applied;
    }

    private static <T> T pick(T fromBody, T fromProperty, String field, String property) {
        if (fromProperty == null) {
            return fromBody;
        }
        if (fromBody != null && !Objects.equals(fromBody, fromProperty)) {
            throw new InvalidTaskRequestException(
                    property, "is '" + fromProperty + "' but the body's " + field + " is '" + fromBody + "'");
        }
        return fromProperty;
    }
}
