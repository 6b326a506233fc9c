package io.tideflow.queue.store;

/**
 * Text made to fit a VARCHAR column on both databases, whatever it holds: a failure must be recorded even when its
 * message is 100 KB long or carries characters a database refuses.
 */
public final class ColumnText {

    /** The width of {@code last_error} and of {@code task_events.detail}. */
    static final int ERROR_CHARS = 4000;

    private static final String CUT = "...";

    private ColumnText() {}

    /**
     * At most {@code maxChars} UTF-16 units, ending in "..." when cut; a cut never splits a surrogate pair, and U+0000
     * (which PostgreSQL refuses in text) becomes U+FFFD.
     */
    public static String fit(String text, int maxChars) {
        if (text == null) {
            return null;
        }
        String clean = text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
        if (clean.length() <= maxChars) {
            return clean;
        }
        int end = maxChars - CUT.length();
        if (Character.isHighSurrogate(clean.charAt(end - 1))) {
            end--;
        }
        return clean.substring(0, end) + CUT;
    }
}
