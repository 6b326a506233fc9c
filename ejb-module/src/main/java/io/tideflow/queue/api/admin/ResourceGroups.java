package io.tideflow.queue.api.admin;

import io.tideflow.queue.api.InvalidTaskRequestException;
import java.util.List;

/**
 * Watches and steers resource groups. Changes are stored in the shared database and applied by every node within
 * its poll interval (this node at once).
 */
public interface ResourceGroups {

    /**
     * Every group that has waiting or running tasks or a row of its own (limits, a pause), by name; its depth counts
     * the waiting and running tasks (PENDING, RUNNING, FAILED), which the state indexes reach without reading the
     * finished ones ({@link Reports#queueDepth()} counts those too).
     */
    List<GroupView> list();

    /**
     * Every group that has a row of its own, by name, with an empty depth: its limits, pause and breaker as they are
     * now, for a page that takes the counts from figures read in the background rather than count on every request.
     */
    List<GroupView> listWithoutDepth();

    /**
     * One group as {@link #list()} shows it, its depth counted for it alone (a read of the state indexes over that
     * group's live tasks, not over every group's).
     *
     * @throws GroupNotFoundException when the group has no waiting or running task, no row and no breaker
     */
    GroupView find(String group);

    /**
     * Sets a group's limits; they stay until {@link #resetLimits} even when the configuration says otherwise.
     *
     * @throws InvalidTaskRequestException naming the field at fault
     */
    GroupView setLimits(String group, GroupLimitsRequest limits);

    /** Gives the group's limits back to configuration (none, if the configuration names no limits for it). */
    GroupView resetLimits(String group);

    /** Claims of the group stop on every node; running tasks finish. */
    GroupView pause(String group);

    GroupView resume(String group);

    /**
     * Opens the group's breaker and holds it open until {@link #closeBreaker} or {@link #resetBreaker}.
     *
     * @throws InvalidTaskRequestException naming {@code group} when the group has no breaker
     */
    GroupView openBreaker(String group);

    /** Closes the group's breaker, keeping what its window counted. */
    GroupView closeBreaker(String group);

    /** Closes the group's breaker and forgets what it counted. */
    GroupView resetBreaker(String group);

    /**
     * The changes operators made to groups, newest first: of one group, or of all when {@code group} is null.
     *
     * @param limit 1 to 500
     * @throws InvalidTaskRequestException naming {@code limit} when it is out of range
     */
    List<GroupActionView> actions(String group, int limit);
}
