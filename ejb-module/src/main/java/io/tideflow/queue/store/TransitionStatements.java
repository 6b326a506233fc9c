package io.tideflow.queue.store;

import static io.tideflow.queue.model.Transition.ARCHIVE_CANCELLED;
import static io.tideflow.queue.model.Transition.ARCHIVE_COMPLETED;
import static io.tideflow.queue.model.Transition.CANCEL_PENDING;
import static io.tideflow.queue.model.Transition.CANCEL_RETRY;
import static io.tideflow.queue.model.Transition.CANCEL_RUNNING;
import static io.tideflow.queue.model.Transition.COMPLETE;
import static io.tideflow.queue.model.Transition.DEAD_LETTER_FAILED;
import static io.tideflow.queue.model.Transition.DEFER;
import static io.tideflow.queue.model.Transition.FAIL;
import static io.tideflow.queue.model.Transition.PROMOTE;
import static io.tideflow.queue.model.Transition.RELEASE;
import static io.tideflow.queue.model.Transition.RESCUE;

import io.tideflow.queue.model.Transition;
import java.util.EnumMap;
import java.util.Map;

/**
 * The conditional update of each {@link Transition} that changes one known task, made once when the class loads from
 * the transition itself: {@code SET state = <to>} and {@code WHERE id = ? AND state = <from>}, plus
 * {@code AND lease_token = ?} when it is fenced. Parameters, in order: the transition's own values, the time of the
 * change, the task id, the lease token (fenced ones), then the guard's values. The claim, which picks its tasks,
 * is each dialect's ({@link StoreDialect}).
 */
final class TransitionStatements {

    private static final String CLEAR_LEASE =
            "lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL, cancel_requested = 0, ";

    private static final Map<Transition, String> UPDATES = new EnumMap<>(Transition.class);

    static {
        define(COMPLETE, CLEAR_LEASE, "");
        define(FAIL, CLEAR_LEASE + "last_error = ?, run_at = ?, ", "");
        define(RESCUE, CLEAR_LEASE + "last_error = ?, run_at = ?, ", " AND lease_expires_at < ?");
        define(DEAD_LETTER_FAILED, "", "");
        define(PROMOTE, "", " AND run_at <= ? AND attempts < max_attempts");
        define(CANCEL_PENDING, "", "");
        define(CANCEL_RETRY, "", "");
        define(CANCEL_RUNNING, CLEAR_LEASE, "");
        // a task given back has not used its attempt
        define(RELEASE, CLEAR_LEASE + "attempts = attempts - 1, ", "");
        define(DEFER, CLEAR_LEASE + "attempts = attempts - 1, run_at = ?, ", "");
        define(ARCHIVE_COMPLETED, "", "");
        define(ARCHIVE_CANCELLED, "", "");
    }

    private TransitionStatements() {}

    private static void define(Transition transition, String sets, String guard) {
        UPDATES.put(
                transition,
                "UPDATE tasks SET state = '" + transition.to() + "', " + sets + "updated_at = ?"
                        + " WHERE id = ? AND state = '" + transition.from() + "'"
                        + (transition.isFenced() ? " AND lease_token = ?" : "") + guard);
    }

    /** The update that performs {@code transition} on one task. */
    static String update(Transition transition) {
        String sql = UPDATES.get(transition);
        if (sql == null) {
            throw new IllegalStateException(transition + " has no single-task update (the claim and the enqueue are"
                    + " their own statements); this indicates a bug");
        }
        return sql;
    }

    /** The transitions that have a single-task update here. */
    static Iterable<Transition> defined() {
        return UPDATES.keySet();
    }
}
