package io.tideflow.queue.api.event;

/**
 * A committed lifecycle event as a subscriber receives it.
 *
 * @param id unique to this event (the same for every subscriber that receives it), for de-duplication downstream
 * @param node the node whose change it was
 * @param event what happened
 */
public record PublishedEvent(String id, String node, LifecycleEvent event) {}
