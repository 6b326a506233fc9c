package io.tideflow.queue.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Enables a {@link TaskHandler} only when a MicroProfile Config key is {@code true}; otherwise its task type is
 * unknown on this deployment. Tideflow's demo handlers use {@code @EnabledByConfig("tideflow.demo.enabled")}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EnabledByConfig {

    /** The configuration key that must be {@code true}. */
    String value();
}
