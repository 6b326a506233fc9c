package io.tideflow.queue.api;

import java.util.List;

/**
 * What {@link TaskQueue#enqueueEach} did with one submission: its tasks, or the refusal that left it out.
 *
 * @param enqueued one outcome per request, in order; empty when refused
 * @param refusal  why the submission was refused, naming the field; null when its tasks were enqueued
 */
public record Submitted(List<Enqueued> enqueued, InvalidTaskRequestException refusal) {

    public static Submitted of(List<Enqueued> enqueued) {
        return new Submitted(List.copyOf(enqueued), null);
    }

    public static Submitted refused(InvalidTaskRequestException refusal) {
        return new Submitted(List.of(), refusal);
    }

    public boolean isRefused() {
        return refusal != null;
    }
}
