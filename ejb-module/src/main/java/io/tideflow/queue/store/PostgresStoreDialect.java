package io.tideflow.queue.store;

import io.tideflow.queue.model.Transition;
import io.tideflow.queue.sql.SqlCatalog;
import io.tideflow.queue.sql.SqlRunner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PostgreSQL claims a batch in one statement ({@code claim.due*}): the due rows are picked and locked with
 * {@code FOR UPDATE SKIP LOCKED}, so concurrent claimers on any number of nodes pass over each other's rows instead
 * of waiting, and the update returns what it took.
 */
final class PostgresStoreDialect implements StoreDialect {

    private static final String COMPLETION = "transition.completeWithRecords";
    private static final String ENQUEUE = "task.insertWithRecord";

    private final SqlCatalog statements;

    PostgresStoreDialect(SqlCatalog statements) {
        this.statements = statements;
        TransitionStatements.verify(
                statements, List.of("claim.due", "claim.dueInGroup", "claim.dueOfTypesInGroup", "claim.dueFromGroups"));
        TransitionStatements.verifyVariant(statements, COMPLETION, Transition.COMPLETE);
        TransitionStatements.verifyEnqueue(statements, ENQUEUE);
    }

    @Override
    public Optional<String> completionInOneStatement() {
        return Optional.of(COMPLETION);
    }

    @Override
    public Optional<String> enqueueInOneStatement() {
        return Optional.of(ENQUEUE);
    }

    /**
     * All in one JDBC batch, which the driver sends as multi-row inserts that pass over a held key; then one read of
     * who holds the keys tells which rows are ours. The batch's own counts cannot tell: a rewritten batch reports none.
     */
    @Override
    public List<NewTask> insertKeyed(SqlRunner sql, List<NewTask> tasks) {
        if (tasks.size() < 2) {
            return StoreDialect.super.insertKeyed(sql, tasks);
        }
        sql.batch("task.insertIfAbsent", tasks, BulkTaskInsert::taskParameters);
        Map<String, String> holders = new HashMap<>();
        sql.list(
                "task.idsByIdempotencyKeys",
                row -> holders.put(row.getString(1), row.getString(2).trim()),
                tasks.stream().map(NewTask::idempotencyKey).toList());
        List<NewTask> refused = new ArrayList<>();
        for (NewTask task : tasks) {
            if (!task.id().value().equals(holders.get(task.idempotencyKey()))) {
                refused.add(task);
            }
        }
        return refused;
    }

    @Override
    public SqlCatalog statements() {
        return statements;
    }

    @Override
    public boolean sharesThisNodesClock() {
        return false;
    }

    @Override
    public int maxClaimTypes() {
        // an array parameter
        return Integer.MAX_VALUE;
    }

    @Override
    public List<ClaimedRow> claim(SqlRunner sql, ClaimRequest request) {
        List<Object> parameters = new ArrayList<>(List.of(
                request.owner(),
                request.token(),
                request.expiresAt().toEpochMilli(),
                request.now().toEpochMilli(),
                request.now().toEpochMilli()));
        String statement = "claim.due";
        if (request.group() != null) {
            statement = "claim.dueInGroup";
            parameters.add(request.group());
        }
        if (request.types() != null) {
            statement = request.group() == null ? "claim.due" : "claim.dueOfTypesInGroup";
            parameters.add(request.types());
        }
        parameters.add(request.limit());
        return inClaimOrder(sql.list(statement, ClaimedRow.FROM_ROW, parameters.toArray()));
    }

    @Override
    public List<ClaimedRow> claimFromGroups(SqlRunner sql, GroupsClaimRequest request) {
        List<String> groups = new ArrayList<>(request.wantedByGroup().keySet());
        List<String> howMany = groups.stream()
                .map(group -> request.wantedByGroup().get(group).toString())
                .toList();
        return inClaimOrder(sql.list(
                "claim.dueFromGroups",
                ClaimedRow.FROM_ROW,
                request.owner(),
                request.token(),
                request.expiresAt().toEpochMilli(),
                request.now().toEpochMilli(),
                groups,
                howMany,
                request.now().toEpochMilli(),
                request.types()));
    }

    private static List<ClaimedRow> inClaimOrder(List<ClaimedRow> rows) {
        List<ClaimedRow> claimed = new ArrayList<>(rows);
        // RETURNING gives the rows in no particular order
        claimed.sort(
                Comparator.comparingInt((ClaimedRow row) -> -row.priority()).thenComparing(ClaimedRow::id));
        return claimed;
    }
}
