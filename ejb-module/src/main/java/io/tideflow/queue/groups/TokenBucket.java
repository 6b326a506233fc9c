package io.tideflow.queue.groups;

/**
 * A group's rate as a token bucket: {@code permits} tokens per {@code periodMillis}, refilled continuously, holding
 * at most one period's permits. Chosen over a sliding window because its whole state is two numbers (the fill and
 * when it was computed), which fit in the group's row and are updated under the row's lock by whichever node claims,
 * and because it lets an idle group start a burst of one period's permits at once and then holds the long-run rate.
 */
public record TokenBucket(int permits, long periodMillis) {

    public TokenBucket {
        if (permits < 1 || periodMillis < 1) {
            throw new IllegalArgumentException("a rate needs at least 1 permit per at least 1 ms");
        }
    }

    /** The fill at {@code nowMillis}, given the fill {@code tokens} at {@code refilledAtMillis}. */
    public double refill(double tokens, long refilledAtMillis, long nowMillis) {
        long elapsed = Math.max(0, nowMillis - refilledAtMillis);
        return Math.min(permits, tokens + (double) elapsed * permits / periodMillis);
    }

    /** Milliseconds until the fill reaches one whole token again, from {@code tokens}. */
    public long millisUntilNextToken(double tokens) {
        double missing = 1.0 - tokens;
        return missing <= 0 ? 0 : (long) Math.ceil(missing * periodMillis / permits);
    }
}
