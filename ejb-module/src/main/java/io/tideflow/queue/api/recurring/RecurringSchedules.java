package io.tideflow.queue.api.recurring;

import io.tideflow.queue.api.InvalidTaskRequestException;
import java.util.List;

/**
 * Creates, steers and reads recurring schedules. Every change joins the caller's transaction and takes effect at the
 * next poll of any node ({@code tideflow.schedules.poll-interval}).
 */
public interface RecurringSchedules {

    /** Every schedule, by name. */
    List<ScheduleView> list();

    /** @throws ScheduleNotFoundException when no schedule has this name */
    ScheduleView get(String name);

    /**
     * Creates a schedule ({@link ScheduleOrigin#API}); its first slot is the first one after now.
     *
     * @throws InvalidTaskRequestException naming the field at fault ({@code cron}, {@code zone}, {@code type}, ...)
     * @throws ScheduleConflictException   when a schedule of that name exists
     */
    ScheduleView create(ScheduleRequest request);

    /**
     * Replaces an {@link ScheduleOrigin#API} schedule's definition; its slots start again from now, its pause and its
     * count stay.
     *
     * @throws ScheduleConflictException when the schedule is {@link ScheduleOrigin#DECLARED}
     */
    ScheduleView update(ScheduleRequest request);

    /**
     * Deletes an {@link ScheduleOrigin#API} schedule; the tasks it enqueued stay.
     *
     * @throws ScheduleConflictException when the schedule is {@link ScheduleOrigin#DECLARED}
     */
    void delete(String name);

    /** Stops firing until {@link #resume}; slots passed while paused count as missed. */
    ScheduleView pause(String name);

    /** Fires again from the next slot after now: the slots of the pause are not made up. */
    ScheduleView resume(String name);
}
