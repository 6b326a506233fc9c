package io.tideflow.queue.api.event;

import java.time.Instant;

/** An operator paused a resource group: none of its tasks is claimed until it is resumed. */
public record GroupPaused(String group, Instant at) implements LifecycleEvent {}
