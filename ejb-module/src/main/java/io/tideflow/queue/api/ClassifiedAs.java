package io.tideflow.queue.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps an exception type of yours to an {@link ErrorClass}, for it and its subclasses, wherever it appears in a
 * failure's causes: {@code @ClassifiedAs(ErrorClass.TRANSIENT) class RelayBusy extends Exception}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ClassifiedAs {
    ErrorClass value();
}
