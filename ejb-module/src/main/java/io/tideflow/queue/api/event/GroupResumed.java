package io.tideflow.queue.api.event;

import java.time.Instant;

/** An operator resumed a paused resource group. */
public record GroupResumed(String group, Instant at) implements LifecycleEvent {}
