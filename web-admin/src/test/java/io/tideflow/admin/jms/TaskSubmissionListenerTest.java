package io.tideflow.admin.jms;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.Enqueued;
import io.tideflow.queue.api.Submission;
import io.tideflow.queue.api.Submitted;
import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskQueue;
import io.tideflow.queue.api.TaskRequest;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Which messages share the delivered one's transaction: none after a message that was delivered before. */
class TaskSubmissionListenerTest {

    private final List<String> enqueued = new ArrayList<>();
    private final List<Message> waitingOnTheQueue = new ArrayList<>();
    private int takes;
    private int calls;

    private final TaskSubmissionListener listener = new TaskSubmissionListener();

    TaskSubmissionListenerTest() {
        listener.queue = (TaskQueue) Proxy.newProxyInstance(
                TaskQueue.class.getClassLoader(), new Class<?>[] {TaskQueue.class}, (proxy, method, args) -> {
                    if (method.getName().equals("enqueueEach")) {
                        List<Submitted> outcomes = new ArrayList<>();
                        for (Object each : (List<?>) args[0]) {
                            TaskRequest request = ((Submission) each).requests().get(0);
                            enqueued.add(request.idempotencyKey());
                            outcomes.add(Submitted.of(List.of(
                                    new Enqueued(TaskId.of(UUID.randomUUID().toString()), true))));
                        }
                        calls++;
                        return outcomes;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        listener.replies = new SubmissionReplies();
        listener.waiting = new WaitingSubmissions() {
            @Override
            void takeInto(Predicate<Message> each) {
                takes++;
                while (!waitingOnTheQueue.isEmpty() && each.test(waitingOnTheQueue.remove(0))) {
                    // as the queue hands them out
                }
            }
        };
    }

    @Test
    void messagesWaitingBehindAFirstDeliveryShareItsTransaction() {
        waitingOnTheQueue.addAll(List.of(message("ID:2", false), message("ID:3", false)));
        listener.onMessage(message("ID:1", false));
        assertThat(enqueued).containsExactly("ID:1", "ID:2", "ID:3");
        assertThat(calls).as("engine calls: the tasks are written together").isEqualTo(1);
    }

    @Test
    void aRedeliveredMessageTakesNoOtherWithIt() {
        waitingOnTheQueue.add(message("ID:2", false));
        listener.onMessage(message("ID:1", true));
        assertThat(enqueued).containsExactly("ID:1");
        assertThat(takes).isZero();
        assertThat(waitingOnTheQueue).hasSize(1);
    }

    @Test
    void aRedeliveredMessageTakenFromTheQueueIsTheLastOfItsTransaction() {
        waitingOnTheQueue.addAll(List.of(message("ID:2", false), message("ID:3", true), message("ID:4", false)));
        listener.onMessage(message("ID:1", false));
        assertThat(enqueued).containsExactly("ID:1", "ID:2", "ID:3");
        assertThat(waitingOnTheQueue).hasSize(1);
    }

    /** A single-task submission without a reply destination. */
    private static Message message(String id, boolean redelivered) {
        return (Message) Proxy.newProxyInstance(
                TextMessage.class.getClassLoader(), new Class<?>[] {TextMessage.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getText":
                            return "{\"type\":\"demo.echo\",\"payload\":{}}";
                        case "getJMSMessageID":
                            return id;
                        case "getJMSRedelivered":
                            return redelivered;
                        case "getObjectProperty":
                        case "getJMSReplyTo":
                            return null;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }
}
