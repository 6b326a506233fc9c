package io.tideflow.queue.store.recurring;

import java.time.Instant;

/**
 * What one firing of a schedule wrote.
 *
 * @param lastSlot the latest slot that got a task; {@code null} when none did
 * @param error    why the due slots got no task; {@code null} when they did
 */
public record Firing(String name, Instant nextFireAt, Instant lastSlot, String error) {}
