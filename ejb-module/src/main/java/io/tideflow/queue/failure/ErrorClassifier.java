package io.tideflow.queue.failure;

import io.tideflow.queue.api.ClassifiedAs;
import io.tideflow.queue.api.ErrorClass;
import io.tideflow.queue.api.PermanentFailure;
import io.tideflow.queue.api.PermanentTaskFailure;
import io.tideflow.queue.api.RetryTaskAt;
import io.tideflow.queue.api.TaskTimeoutException;
import java.util.Map;

/**
 * Classifies a failure by its causes: a declared class (a Tideflow type, {@link ClassifiedAs},
 * {@link PermanentFailure}) decides, the outermost one if several; else the innermost well-known JDK, Jakarta or
 * MicroProfile type, the closest to the root cause (an {@code IllegalStateException} wrapping an
 * {@code IOException} is a network failure, not a bug); else {@link ErrorClass#TRANSIENT}.
 *
 * <p>Well-known types are matched by name through the class hierarchy, so that APIs absent from a server (MicroProfile
 * Fault Tolerance, Bean Validation) cost nothing.
 */
public final class ErrorClassifier {

    private static final int MAX_CAUSES = 20;

    private static final Map<String, ErrorClass> WELL_KNOWN = Map.ofEntries(
            Map.entry(
                    "org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException",
                    ErrorClass.DEFERRED),
            Map.entry("org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException", ErrorClass.DEFERRED),
            Map.entry("org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException", ErrorClass.TRANSIENT),
            Map.entry("jakarta.validation.ValidationException", ErrorClass.VALIDATION),
            Map.entry("jakarta.json.bind.JsonbException", ErrorClass.VALIDATION),
            Map.entry("jakarta.json.JsonException", ErrorClass.VALIDATION),
            Map.entry("java.lang.IllegalArgumentException", ErrorClass.VALIDATION),
            Map.entry("java.sql.SQLException", ErrorClass.DATABASE),
            Map.entry("jakarta.persistence.PersistenceException", ErrorClass.DATABASE),
            Map.entry("java.io.IOException", ErrorClass.TRANSIENT),
            Map.entry("java.io.UncheckedIOException", ErrorClass.TRANSIENT),
            Map.entry("java.util.concurrent.TimeoutException", ErrorClass.TRANSIENT),
            Map.entry("java.lang.NullPointerException", ErrorClass.SYSTEM),
            Map.entry("java.lang.ClassCastException", ErrorClass.SYSTEM),
            Map.entry("java.lang.IndexOutOfBoundsException", ErrorClass.SYSTEM),
            Map.entry("java.lang.ArithmeticException", ErrorClass.SYSTEM),
            Map.entry("java.lang.IllegalStateException", ErrorClass.SYSTEM),
            Map.entry("java.lang.UnsupportedOperationException", ErrorClass.SYSTEM),
            Map.entry("java.lang.Error", ErrorClass.SYSTEM));

    private ErrorClassifier() {}

    public static ErrorClass classify(Throwable error) {
        ErrorClass innermostKnown = null;
        Throwable cause = error;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            ErrorClass declared = declaredClassOf(cause);
            if (declared != null) {
                return declared;
            }
            ErrorClass known = wellKnownClassOf(cause);
            if (known != null) {
                innermostKnown = known;
            }
        }
        return innermostKnown == null ? ErrorClass.TRANSIENT : innermostKnown;
    }

    private static ErrorClass declaredClassOf(Throwable cause) {
        if (cause instanceof PermanentTaskFailure || cause.getClass().isAnnotationPresent(PermanentFailure.class)) {
            return ErrorClass.VALIDATION;
        }
        if (cause instanceof RetryTaskAt) {
            return ErrorClass.BUSINESS;
        }
        if (cause instanceof TaskTimeoutException) {
            return ErrorClass.TRANSIENT;
        }
        ClassifiedAs declared = cause.getClass().getAnnotation(ClassifiedAs.class);
        return declared == null ? null : declared.value();
    }

    private static ErrorClass wellKnownClassOf(Throwable cause) {
        for (Class<?> type = cause.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            ErrorClass known = WELL_KNOWN.get(type.getName());
            if (known != null) {
                return known;
            }
        }
        return null;
    }
}
