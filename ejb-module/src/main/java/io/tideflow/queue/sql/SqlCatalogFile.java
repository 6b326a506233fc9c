package io.tideflow.queue.sql;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one catalog file: each statement starts with a line {@code -- name: <name>} and runs to the next one;
 * lines that start with {@code --} are comments, and a trailing {@code ;} is dropped. A list placeholder {@code ?[n]} becomes
 * {@code n} markers, so that the text stays the same whatever the length of the list bound to it.
 */
final class SqlCatalogFile {

    private static final Pattern NAME_LINE = Pattern.compile("--\\s*name:\\s*(\\S+)\\s*");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(\\.[a-z][a-zA-Z0-9_]*)+");
    private static final Pattern LIST = Pattern.compile("\\?\\[(\\d+)]");

    private SqlCatalogFile() {}

    static Map<String, SqlStatement> parse(String resource, String text) {
        Map<String, SqlStatement> statements = new LinkedHashMap<>();
        String name = null;
        int nameLine = 0;
        StringBuilder body = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            Matcher named = NAME_LINE.matcher(line);
            if (named.matches()) {
                add(statements, resource, name, nameLine, body);
                name = named.group(1);
                nameLine = i + 1;
                if (!NAME.matcher(name).matches()) {
                    throw malformed(resource, nameLine, "statement name '" + name + "' is not dotted lower-case words");
                }
                body.setLength(0);
            } else if (!line.isEmpty() && !line.startsWith("--")) {
                if (name == null) {
                    throw malformed(resource, i + 1, "SQL before the first '-- name:' line");
                }
                // kept line by line, so that the database's own logs and errors show a statement as it is written
                body.append(body.isEmpty() ? "" : "\n").append(line);
            }
        }
        add(statements, resource, name, nameLine, body);
        return statements;
    }

    private static void add(
            Map<String, SqlStatement> statements, String resource, String name, int line, StringBuilder body) {
        if (name == null) {
            return;
        }
        String sql = body.toString().strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        if (sql.isEmpty()) {
            throw malformed(resource, line, "statement '" + name + "' has no SQL");
        }
        if (statements.containsKey(name)) {
            throw malformed(resource, line, "statement '" + name + "' is defined twice");
        }
        int listWidth = 0;
        Matcher list = LIST.matcher(sql);
        if (list.find()) {
            listWidth = Integer.parseInt(list.group(1));
            if (listWidth < 1 || list.find()) {
                throw malformed(resource, line, "statement '" + name + "' may have one list placeholder ?[n], n > 0");
            }
            sql = LIST.matcher(sql).replaceFirst(String.join(", ", java.util.Collections.nCopies(listWidth, "?")));
        }
        statements.put(
                name,
                new SqlStatement(
                        name, sql, (int) sql.chars().filter(c -> c == '?').count(), listWidth));
    }

    private static IllegalStateException malformed(String resource, int line, String problem) {
        return new IllegalStateException(resource + " line " + line + ": " + problem);
    }
}
