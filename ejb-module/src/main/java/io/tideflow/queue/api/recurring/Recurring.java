package io.tideflow.queue.api.recurring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a handler's type on a cron schedule: put it beside {@code @TaskType} on a task handler. The schedule is created
 * (or updated) when the application deploys and removed when the annotation goes; each slot enqueues one task of the
 * handler's type, keyed {@code schedule:<name>@<slot>}, however many nodes run. For example
 * {@code @Recurring(cron = "0 *}{@code /5 * * * *", zone = "Europe/Berlin")}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Recurring {

    /**
     * The cron expression: five fields (minute hour day-of-month month day-of-week, as crontab) or six with seconds
     * first (as Spring's), or a macro such as {@code @hourly} / {@code @daily}.
     */
    String cron();

    /** The time zone the cron fields are read in, an IANA name such as {@code Europe/Berlin}. */
    String zone() default "UTC";

    /** The schedule's name; empty for the task type's name. */
    String name() default "";

    /** The payload of every task it enqueues, as JSON. */
    String payload() default "null";

    /** The resource group of its tasks; empty for the type's default group. */
    String group() default "";

    /** What happens to slots missed while no node could fire them. */
    MisfirePolicy misfire() default MisfirePolicy.RUN_ONCE;

    /** With {@link MisfirePolicy#CATCH_UP}: how many missed slots at most get a task (1 to 1,000). */
    int catchUpLimit() default 10;
}
