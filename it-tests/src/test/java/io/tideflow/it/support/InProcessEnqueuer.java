package io.tideflow.it.support;

import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.TaskQueue;
import io.tideflow.queue.api.TaskRequest;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * An application bean that enqueues in its own transaction, as in-process callers do: it catches a refused request
 * and goes on in the same transaction.
 */
@Stateless
public class InProcessEnqueuer {

    /** What the caller saw: the exception it caught, and the task it enqueued afterwards. */
    public record Outcome(String caught, String id) {}

    @Inject
    TaskQueue queue;

    public Outcome enqueueAfterARefusal(String unknownType) {
        String caught = null;
        try {
            queue.enqueue(TaskRequest.ofType(unknownType).build());
        } catch (InvalidTaskRequestException refused) {
            caught = refused.getClass().getSimpleName();
        }
        String id = queue.enqueue(TaskRequest.ofType("demo.echo")
                        .payloadJson("\"after a refusal\"")
                        .build())
                .value();
        return new Outcome(caught, id);
    }
}
