package io.tideflow.queue.store;

import io.tideflow.queue.model.Transition;
import io.tideflow.queue.sql.SqlCatalog;
import io.tideflow.queue.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Ties each {@link Transition} to its statements in the catalog and checks, once per catalog, that the SQL does what
 * the transition says: {@code SET state = '<to>'}, a condition {@code state = '<from>'}, and
 * {@code lease_token = ?} in the condition exactly when the transition is fenced. The single-task update of a
 * transition is {@code transition.<name>} (for example {@code transition.deadLetterFailed}); the claim and the
 * enqueues, which are not about one known task, are checked by the same rules.
 */
final class TransitionStatements {

    private static final Pattern CONDITION = Pattern.compile("\\bWHERE\\b");

    private TransitionStatements() {}

    /** The catalog name of {@code transition}'s single-task update. */
    static String nameOf(Transition transition) {
        StringBuilder name = new StringBuilder("transition.");
        boolean upper = false;
        for (char c : transition.name().toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    /** The transitions that have a single-task update: all but the claim and the enqueue. */
    static List<Transition> singleTask() {
        List<Transition> transitions = new ArrayList<>(List.of(Transition.values()));
        transitions.remove(Transition.CLAIM);
        transitions.remove(Transition.ENQUEUE);
        transitions.remove(Transition.ENQUEUE_WAITING);
        return transitions;
    }

    /** Refuses a catalog whose transition statements disagree with the model. */
    static void verify(SqlCatalog catalog, List<String> claims) {
        refuseIfAny(catalog, disagreements(catalog, claims));
    }

    /** Refuses a database's own variant of {@code transition}'s update that disagrees with the model. */
    static void verifyVariant(SqlCatalog catalog, String name, Transition transition) {
        List<String> problems = new ArrayList<>();
        check(catalog.get(name), transition, problems);
        refuseIfAny(catalog, problems);
    }

    private static void refuseIfAny(SqlCatalog catalog, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the " + catalog.database() + " SQL catalog disagrees with the transition"
                    + " model: " + String.join("; ", problems));
        }
    }

    /**
     * Every way the catalog's transition statements disagree with the model; empty when none does.
     *
     * @param claims the names of this database's claim updates
     */
    static List<String> disagreements(SqlCatalog catalog, List<String> claims) {
        List<String> problems = new ArrayList<>();
        for (Transition transition : singleTask()) {
            check(catalog.get(nameOf(transition)), transition, problems);
        }
        for (String claim : claims) {
            check(catalog.get(claim), Transition.CLAIM, problems);
        }
        for (String name : List.of("task.insert", "task.insertIfAbsent")) {
            checkEnqueue(catalog.get(name), problems);
        }
        if (!catalog.get("task.insertWaiting").sql().contains("'" + Transition.ENQUEUE_WAITING.to() + "'")) {
            problems.add("task.insertWaiting does not write " + Transition.ENQUEUE_WAITING.to() + " ("
                    + Transition.ENQUEUE_WAITING + ")");
        }
        return problems;
    }

    /** Refuses a database's own variant of the enqueue that does not write the state the enqueue enters. */
    static void verifyEnqueue(SqlCatalog catalog, String name) {
        List<String> problems = new ArrayList<>();
        checkEnqueue(catalog.get(name), problems);
        refuseIfAny(catalog, problems);
    }

    private static void checkEnqueue(SqlStatement statement, List<String> problems) {
        if (!statement.sql().contains("'" + Transition.ENQUEUE.to() + "'")) {
            problems.add(
                    statement.name() + " does not write " + Transition.ENQUEUE.to() + " (" + Transition.ENQUEUE + ")");
        }
    }

    static void check(SqlStatement statement, Transition transition, List<String> problems) {
        String[] parts = CONDITION.split(statement.sql(), 2);
        String set = parts[0];
        String where = parts.length > 1 ? parts[1] : "";
        if (!set.contains("SET state = '" + transition.to() + "'")) {
            problems.add(statement.name() + " does not set state = '" + transition.to() + "' (" + transition + ")");
        }
        if (!where.contains("state = '" + transition.from() + "'")) {
            problems.add(statement.name() + " is not conditional on state = '" + transition.from() + "' (" + transition
                    + ")");
        }
        if (where.contains("lease_token = ?") != transition.isFenced()) {
            problems.add(statement.name() + (transition.isFenced() ? " is not" : " must not be")
                    + " fenced on the lease token (" + transition + ")");
        }
    }
}
