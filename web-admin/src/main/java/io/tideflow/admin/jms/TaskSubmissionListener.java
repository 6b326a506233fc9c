package io.tideflow.admin.jms;

import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskQueue;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.List;
import java.util.logging.Logger;

/**
 * Enqueues the tasks a message on {@value #QUEUE} asks for, in the transaction that consumes the message: the tasks
 * and the message's acknowledgement commit together, or neither does. An invalid message (bad JSON, unknown type, a
 * field out of range) goes to {@value SubmissionReplies#INVALID_QUEUE} with the reason, at once and in the same
 * transaction, and is never redelivered; anything else (the database unreachable) rolls back, and the broker
 * redelivers after its delay, then moves the message to its dead-letter queue. The message id is the default
 * idempotency key, so a redelivered message never enqueues twice.
 *
 * <p>Messages already waiting behind the delivered one share its transaction ({@link WaitingSubmissions}): a backlog
 * of single-task messages then costs one commit of the broker and the database per few hundred messages, not one per
 * message. A message redelivered after a rollback takes none with it and ends what a transaction takes, so that a
 * message that fails every time is soon tried alone and sent to the dead-letter queue without its neighbours.
 */
@MessageDriven(
        activationConfig = {
            // WildFly's name; Payara Server's comes from WEB-INF/glassfish-ejb-jar.xml
            @ActivationConfigProperty(
                    propertyName = "destinationLookup",
                    propertyValue = "java:/jms/queue/" + TaskSubmissionListener.QUEUE),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            // as many as the server's default pool of message-driven beans holds on two cores (Artemis would open 15)
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8"),
            // Artemis: the bean's consumers hold no messages ahead, which leave them on the queue for the transaction
            // that takes several (WaitingSubmissions); OpenMQ has no such property and ignores it
            @ActivationConfigProperty(propertyName = "consumerWindowSize", propertyValue = "0")
        })
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class TaskSubmissionListener implements MessageListener {

    public static final String QUEUE = "TideflowSubmit";
    private static final Logger LOG = Logger.getLogger(TaskSubmissionListener.class.getName());

    @Inject
    TaskQueue queue;

    @Inject
    SubmissionReplies replies;

    @Inject
    WaitingSubmissions waiting;

    @Override
    public void onMessage(Message message) {
        // a message back after a rollback goes alone, so that one that fails every time cannot take others with it
        if (submit(message)) {
            waiting.takeInto(this::submit);
        }
    }

    /** @return whether more messages may share this transaction: not after one that was delivered before */
    private boolean submit(Message message) {
        try {
            boolean firstDelivery = !message.getJMSRedelivered();
            SubmissionMessage.Read read;
            List<TaskId> ids;
            try {
                read = SubmissionMessage.read(message);
                // one task through enqueue, so that a refusal names "type", not "tasks[0].type"
                ids = read.batch()
                        ? queue.enqueueAll(read.requests())
                        : List.of(queue.enqueue(read.requests().get(0)));
            } catch (InvalidTaskRequestException invalid) {
                LOG.fine(() -> "invalid submission message: " + invalid.getMessage());
                replies.refuse(message, invalid);
                return firstDelivery;
            }
            replies.enqueued(message, ids, read.batch());
            return firstDelivery;
        } catch (JMSException e) {
            throw new JMSRuntimeException("the submission message could not be read or answered", null, e);
        }
    }
}
