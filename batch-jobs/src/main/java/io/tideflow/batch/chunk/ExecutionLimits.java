package io.tideflow.batch.chunk;

/**
 * How many chunk executions a node runs: at most {@code max} at a time, at most {@code perGroup} of one type and
 * group. Refused when out of range, naming the setting, so that a deployment with a wrong value stops instead of
 * starting nothing.
 */
record ExecutionLimits(int max, int perGroup) {

    static final String MAX_KEY = "tideflow.batch.max-executions";
    static final String PER_GROUP_KEY = "tideflow.batch.executions-per-group";

    ExecutionLimits {
        if (max < 1 || max > 100) {
            throw new IllegalArgumentException(MAX_KEY + " must be 1..100, was " + max);
        }
        if (perGroup < 1 || perGroup > max) {
            throw new IllegalArgumentException(
                    PER_GROUP_KEY + " must be 1.." + max + " (" + MAX_KEY + "), was " + perGroup);
        }
    }
}
