package io.tideflow.queue.api;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the task type a {@link TaskHandler} bean runs, for example {@code @TaskType("mail.send")}. Type names are
 * 1 to 200 characters of letters, digits, '.', '-' and '_'.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface TaskType {

    /** The task type name. */
    String value();

    /** Selects a handler bean programmatically. */
    final class Literal extends AnnotationLiteral<TaskType> implements TaskType {
        private static final long serialVersionUID = 1L;
        private final String value;

        private Literal(String value) {
            this.value = value;
        }

        public static Literal of(String value) {
            return new Literal(value);
        }

        @Override
        public String value() {
            return value;
        }
    }
}
