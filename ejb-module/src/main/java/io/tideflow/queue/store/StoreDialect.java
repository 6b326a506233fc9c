package io.tideflow.queue.store;

import io.tideflow.queue.schema.DatabaseDialect;
import io.tideflow.queue.sql.SqlCatalog;
import io.tideflow.queue.sql.SqlRunner;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One database as the store sees it: its catalog of statements ({@code META-INF/tideflow/sql}) and how it claims a
 * batch of due tasks, the seam between the store and each database's locking. Both claims give the same result,
 * proven by the same store contract tests: up to {@code limit} PENDING due tasks, highest priority then oldest, each
 * taken by exactly one claimer under the given lease token.
 */
public interface StoreDialect {

    /**
     * Claims and returns the rows this claim won, in claim order, with {@link io.tideflow.queue.model.Transition#CLAIM}'s
     * history row for each, in the caller's transaction.
     */
    List<ClaimedRow> claim(SqlRunner sql, ClaimRequest request);

    SqlCatalog statements();

    /** How many task types one claim can filter by: a node with handlers for more cannot claim on this database. */
    int maxClaimTypes();

    /**
     * The statement that takes {@link io.tideflow.queue.model.Transition#COMPLETE} with its result and history rows in
     * one round trip (parameters: now, id, token, result, execution ms, node, attempt; one row, 1 or 0), where this
     * database can chain writes in one statement; empty where the three are separate statements.
     */
    default Optional<String> completionInOneStatement() {
        return Optional.empty();
    }

    /**
     * The statement that takes {@link io.tideflow.queue.model.Transition#ENQUEUE} of one task without an idempotency
     * key with its first history row in one round trip (parameters: those of {@code task.insert}, then node and the
     * history row's detail), where this database can chain writes in one statement; empty where the two are separate.
     */
    default Optional<String> enqueueInOneStatement() {
        return Optional.empty();
    }

    /**
     * Inserts tasks that each carry an idempotency key, every one unless another task (committed, or in a concurrent
     * transaction, which this one then waits for) holds its key, without their history rows. By default one statement
     * per task, which the database refuses alone.
     *
     * @return the tasks that were not inserted because their key is held
     */
    default List<NewTask> insertKeyed(SqlRunner sql, List<NewTask> tasks) {
        List<NewTask> refused = new ArrayList<>();
        for (NewTask task : tasks) {
            if (!sql.insertIfAbsent("task.insertIfAbsent", BulkTaskInsert.taskParameters(task))) {
                refused.add(task);
            }
        }
        return refused;
    }

    /** Whether the database reads the same clock as this node (Derby embedded runs in this JVM): no skew to measure. */
    boolean sharesThisNodesClock();

    /**
     * Runs this database's statements on the persistence context's connection, in its transaction. Every store call
     * needs one: outside a transaction EclipseLink has no connection to give.
     */
    default SqlRunner on(EntityManager em) {
        return new SqlRunner(statements(), () -> {
            Connection connection = em.unwrap(Connection.class);
            if (connection == null) {
                throw new IllegalStateException("a store statement ran outside a transaction, where the persistence"
                        + " context has no connection; this indicates a bug (a caller without a transaction)");
            }
            return connection;
        });
    }

    /**
     * What one claim asks for.
     *
     * @param group the group to claim from, or {@code null} for the tasks of every unrestricted group
     * @param types the task types to claim, never empty; {@code null} for any type, with a group only
     */
    /**
     * Claims from several groups at once, under one token: up to {@code wantedByGroup}'s number from each group, in
     * each group's order. By default one claim per group, in the caller's transaction.
     */
    default List<ClaimedRow> claimFromGroups(SqlRunner sql, GroupsClaimRequest request) {
        List<ClaimedRow> claimed = new ArrayList<>();
        request.wantedByGroup()
                .forEach((group, wanted) -> claimed.addAll(claim(
                        sql,
                        new ClaimRequest(
                                wanted,
                                request.owner(),
                                request.token(),
                                request.now(),
                                request.expiresAt(),
                                group,
                                request.types()))));
        return claimed;
    }

    /** What a claim from several groups is for; {@code types} are the task types to take (never empty). */
    record GroupsClaimRequest(
            Map<String, Integer> wantedByGroup,
            String owner,
            String token,
            Instant now,
            Instant expiresAt,
            List<String> types) {}

    record ClaimRequest(
            int limit, String owner, String token, Instant now, Instant expiresAt, String group, List<String> types) {}

    static StoreDialect of(DatabaseDialect database) {
        return switch (database) {
            case DERBY -> new DerbyStoreDialect(SqlCatalog.of(database.folder()));
            case POSTGRESQL -> new PostgresStoreDialect(SqlCatalog.of(database.folder()));
        };
    }
}
