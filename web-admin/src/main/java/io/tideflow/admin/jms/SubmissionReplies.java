package io.tideflow.admin.jms;

import io.tideflow.admin.rest.Problem;
import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.TaskId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.Enumeration;
import java.util.List;

/**
 * What a submission message gets back, sent with the container's JMS context so that it leaves only when the
 * consuming transaction commits: the ids (or the problem) to its {@code JMSReplyTo}, correlated by the request's
 * message id, and an invalid message's copy, with the reason, to {@value #INVALID_QUEUE}.
 */
@ApplicationScoped
public class SubmissionReplies {

    // jakarta.json.Json's factories look the provider up through the ServiceLoader on every call
    private static final JsonProvider JSON = JsonProvider.provider();

    public static final String INVALID_QUEUE = "TideflowInvalid";
    /** On a reply: {@code enqueued} or {@code invalid}. */
    public static final String OUTCOME = "tideflowOutcome";
    /** On an invalid message's copy: what is wrong, as {@code field: problem}. */
    public static final String ERROR = "tideflowError";
    /** On an invalid message's copy: the field at fault. */
    public static final String ERROR_FIELD = "tideflowErrorField";
    /** On an invalid message's copy: the message id it had on the submission queue. */
    public static final String ORIGINAL_ID = "tideflowOriginalMessageId";

    @Inject
    JMSContext jms;

    void enqueued(Message request, List<TaskId> ids, boolean batch) throws JMSException {
        Destination replyTo = request.getJMSReplyTo();
        if (replyTo == null) {
            return;
        }
        String body;
        if (batch) {
            JsonArrayBuilder list = JSON.createArrayBuilder();
            ids.forEach(id -> list.add(id.value()));
            body = JSON.createObjectBuilder().add("ids", list).build().toString();
        } else {
            body = JSON.createObjectBuilder()
                    .add("id", ids.get(0).value())
                    .build()
                    .toString();
        }
        reply(request, replyTo, body, "enqueued");
    }

    void refuse(Message request, InvalidTaskRequestException invalid) throws JMSException {
        TextMessage copy = jms.createTextMessage(request instanceof TextMessage text ? text.getText() : null);
        for (Enumeration<?> names = request.getPropertyNames(); names.hasMoreElements(); ) {
            String name = (String) names.nextElement();
            // the broker's own (JMSX…, _AMQ_…) stay with the original
            if (!name.startsWith("JMS") && !name.startsWith("_")) {
                copy.setObjectProperty(name, request.getObjectProperty(name));
            }
        }
        copy.setStringProperty(ERROR, invalid.getMessage());
        copy.setStringProperty(ERROR_FIELD, invalid.field());
        copy.setStringProperty(ORIGINAL_ID, request.getJMSMessageID());
        jms.createProducer().send(jms.createQueue(INVALID_QUEUE), copy);
        Destination replyTo = request.getJMSReplyTo();
        if (replyTo != null) {
            Problem problem = new Problem(400, "Invalid task submission", invalid.getMessage(), invalid.field());
            reply(request, replyTo, problem.toJson(), "invalid");
        }
    }

    private void reply(Message request, Destination replyTo, String body, String outcome) throws JMSException {
        TextMessage reply = jms.createTextMessage(body);
        reply.setJMSCorrelationID(request.getJMSMessageID());
        reply.setStringProperty(OUTCOME, outcome);
        jms.createProducer().send(replyTo, reply);
    }
}
