package io.tideflow.queue.dispatch;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Weighted turns between groups (deficit round robin): each visit gives a group as many claims as its weight, the
 * groups are visited in name order, and the next dispatch pass starts where this one stopped. A group whose turn was
 * cut short by the end of a pass gets the rest of it first in the next pass. So with room for one task per pass, two
 * groups of weight 1 alternate whatever their priorities and backlogs, and a group of weight 3 beside one of weight 1
 * gets three of every four claims.
 *
 * <p>Not thread-safe: one dispatch pass runs at a time.
 */
final class GroupTurns {

    /** What a group's unfinished turn still owes it. */
    private final Map<String, Integer> owed = new HashMap<>();
    /** The next pass starts at the first group whose name is at or after this one (after, when {@code resumeAfter}). */
    private String resumeAt;

    private boolean resumeAfter;

    /**
     * Shares {@code slots} claims between {@code groups}, in the order they are to be claimed.
     *
     * @param groups the contending groups, sorted by name, without duplicates
     * @param weight each group's weight; below 1 counts as 1
     */
    Map<String, Integer> allot(List<String> groups, ToIntFunction<String> weight, int slots) {
        Map<String, Integer> shares = new LinkedHashMap<>();
        if (groups.isEmpty() || slots <= 0) {
            return shares;
        }
        int n = groups.size();
        int left = slots;
        for (int visit = firstIndex(groups); left > 0; visit++) {
            String group = groups.get(visit % n);
            int turn = owed.containsKey(group) ? owed.remove(group) : Math.max(1, weight.applyAsInt(group));
            int given = Math.min(turn, left);
            shares.merge(group, given, Integer::sum);
            left -= given;
            resumeAt = group;
            resumeAfter = given == turn;
            if (given < turn) {
                owed.put(group, turn - given);
            }
        }
        return shares;
    }

    /** The group had nothing more to run: it starts its next turn afresh, owed nothing. */
    void drained(String group) {
        owed.remove(group);
    }

    private int firstIndex(List<String> groups) {
        if (resumeAt == null) {
            return 0;
        }
        for (int i = 0; i < groups.size(); i++) {
            int order = groups.get(i).compareTo(resumeAt);
            if (order > 0 || (order == 0 && !resumeAfter)) {
                return i;
            }
        }
        return 0;
    }
}
