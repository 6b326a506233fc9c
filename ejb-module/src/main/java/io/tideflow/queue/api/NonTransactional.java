package io.tideflow.queue.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@link TaskHandler} outside a transaction, for long work or remote calls; its completion is then recorded in
 * a short transaction of its own. The guarantee becomes at-least-once: after a crash between the work and the
 * completion the task runs again, so make the work idempotent with {@link TaskContext#idempotencyKey()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NonTransactional {}
