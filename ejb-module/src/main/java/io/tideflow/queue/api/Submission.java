package io.tideflow.queue.api;

import java.util.List;

/**
 * One of several independent submissions that {@link TaskQueue#enqueueEach} takes together, such as one message of
 * many consumed in one transaction.
 *
 * @param requests the tasks it asks for: one, or 1 to 10,000 when {@code list}
 * @param list     whether the requests came as a list, whose refusals name the request ({@code tasks[3].payload});
 *                 a single request's name the field alone, as {@link TaskQueue#enqueue} does
 */
public record Submission(List<TaskRequest> requests, boolean list) {

    public Submission {
        requests = List.copyOf(requests);
        if (!list && requests.size() != 1) {
            throw new IllegalArgumentException("a single submission holds one request, not " + requests.size());
        }
    }

    public static Submission single(TaskRequest request) {
        return new Submission(List.of(request), false);
    }
}
