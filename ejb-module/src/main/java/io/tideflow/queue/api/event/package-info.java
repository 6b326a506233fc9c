/**
 * Lifecycle events: what happened to a task, a breaker or a group, published after the change commits. Applications
 * observe them with {@code @ObservesAsync}.
 */
package io.tideflow.queue.api.event;
