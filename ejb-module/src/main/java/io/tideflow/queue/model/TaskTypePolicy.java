package io.tideflow.queue.model;

import java.time.Duration;

/**
 * What a task type gets when its request says nothing: attempts, priority, retry policy, and the time one attempt
 * may run before it counts as failed.
 */
public record TaskTypePolicy(int maxAttempts, int priority, RetryPolicy retry, Duration timeout) {}
