package io.tideflow.queue.api.recurring;

/** Where a schedule's definition lives, and so who may change it. */
public enum ScheduleOrigin {
    /**
     * A {@link Recurring} handler or {@code tideflow.schedule."<name>".*} keys: rewritten at every deployment, removed
     * when no longer declared; operators may pause and resume it, not change or delete it.
     */
    DECLARED,
    /** Created through {@link RecurringSchedules#create}: changed and deleted the same way. */
    API
}
