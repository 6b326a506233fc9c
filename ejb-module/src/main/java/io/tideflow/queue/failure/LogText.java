package io.tideflow.queue.failure;

/**
 * Text from outside the engine (a handler's exception message, which may echo a client's payload) made safe for a
 * log line: line breaks and other control characters become visible escapes, so that no client can forge log lines.
 */
public final class LogText {

    private LogText() {}

    public static String oneLine(Object text) {
        String value = String.valueOf(text);
        StringBuilder line = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            switch (c) {
                case '\r' -> line.append("\\r");
                case '\n' -> line.append("\\n");
                case '\t' -> line.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        line.append(String.format("\\u%04x", c));
                    } else {
                        line.appendCodePoint(c);
                    }
                }
            }
        });
        return line.toString();
    }
}
