package io.tideflow.queue.store;

import io.tideflow.queue.model.Transition;

/** The parts of {@link Transition#CLAIM} that every dialect's claim shares, made from the transition. */
final class ClaimStatement {

    /** What a claim writes, parameters 1 to 4: owner, token, lease expiry, time of the claim. */
    static final String SET = "UPDATE tasks SET state = '" + Transition.CLAIM.to() + "', lease_owner = ?1,"
            + " lease_token = ?2, lease_expires_at = ?3, attempts = attempts + 1, updated_at = ?4";

    /** The claim's condition on the state it leaves and on being due, parameter 5: the time of the claim. */
    static final String DUE = "state = '" + Transition.CLAIM.from() + "' AND run_at <= ?5";

    private ClaimStatement() {}
}
