package io.tideflow.queue.api.admin;

import java.time.Instant;

/**
 * One change an operator made to a group: pause, resume, set or reset limits, open, close or reset the breaker.
 *
 * @param action what was done, such as {@code pause} or {@code set-limits}
 * @param actor the authenticated user who did it
 * @param detail what the change set, when the action alone does not say it (the new limits)
 */
public record GroupActionView(String group, String action, String actor, Instant at, String detail) {}
