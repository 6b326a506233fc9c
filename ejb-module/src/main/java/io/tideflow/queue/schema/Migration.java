package io.tideflow.queue.schema;

import io.tideflow.queue.api.TideflowException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One migration script: {@code V<number>__<description>.sql}, statements ending with ';' at the end of a line. */
record Migration(int version, String script, String checksum, List<String> statements) {

    private static final Pattern NAME = Pattern.compile("V(\\d+)__[A-Za-z0-9_]+\\.sql");

    static int versionOf(String script) {
        Matcher matcher = NAME.matcher(script);
        if (!matcher.matches()) {
            throw new TideflowException("schema migration '" + script + "' is not named V<number>__<description>.sql");
        }
        return Integer.parseInt(matcher.group(1));
    }

    static List<String> statementsOf(String text) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().trim();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new TideflowException("schema migration ends without ';' after: "
                    + current.toString().trim());
        }
        return statements;
    }
}
