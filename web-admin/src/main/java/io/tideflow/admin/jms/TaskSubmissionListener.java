package io.tideflow.admin.jms;

import io.tideflow.queue.api.Enqueued;
import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.Submission;
import io.tideflow.queue.api.Submitted;
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
import java.util.ArrayList;
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
 * message, and their tasks are written together ({@link TaskQueue#enqueueEach}), each message still refused or
 * answered alone. A message redelivered after a rollback takes none with it and ends what a transaction takes, so that a
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
        List<Message> messages = new ArrayList<>();
        messages.add(message);
        // a message back after a rollback goes alone, so that one that fails every time cannot take others with it
        if (isFirstDelivery(message)) {
            waiting.takeInto(taken -> messages.add(taken) && isFirstDelivery(taken));
        }
        try {
            submitAll(messages);
        } catch (JMSException e) {
            throw new JMSRuntimeException("a submission message could not be read or answered", null, e);
        }
    }

    /**
     * Each message's tasks, enqueued in one engine call so that they are written together; an unreadable or invalid
     * message is answered (or set aside) alone.
     */
    private void submitAll(List<Message> messages) throws JMSException {
        List<Message> readable = new ArrayList<>(messages.size());
        List<Submission> submissions = new ArrayList<>(messages.size());
        for (Message message : messages) {
            try {
                SubmissionMessage.Read read = SubmissionMessage.read(message);
                // a single task's refusal names "type", not "tasks[0].type"
                submissions.add(new Submission(read.requests(), read.batch()));
                readable.add(message);
            } catch (InvalidTaskRequestException invalid) {
                refuse(message, invalid);
            }
        }
        if (submissions.isEmpty()) {
            return;
        }
        List<Submitted> outcomes = queue.enqueueEach(submissions);
        for (int i = 0; i < outcomes.size(); i++) {
            Submitted outcome = outcomes.get(i);
            if (outcome.isRefused()) {
                refuse(readable.get(i), outcome.refusal());
            } else {
                List<TaskId> ids = outcome.enqueued().stream().map(Enqueued::id).toList();
                replies.enqueued(readable.get(i), ids, submissions.get(i).list());
            }
        }
    }

    private void refuse(Message message, InvalidTaskRequestException invalid) throws JMSException {
        LOG.fine(() -> "invalid submission message: " + invalid.getMessage());
        replies.refuse(message, invalid);
    }

    private static boolean isFirstDelivery(Message message) {
        try {
            return !message.getJMSRedelivered();
        } catch (JMSException e) {
            throw new JMSRuntimeException("a submission message's redelivered flag could not be read", null, e);
        }
    }
}
