package io.tideflow.queue.store;

import io.tideflow.queue.sql.RowMapper;
import io.tideflow.queue.sql.SqlCatalog;
import io.tideflow.queue.sql.SqlRunner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Derby has no SKIP LOCKED, and a locking read cannot pick a limited batch, so candidates are read without a lock;
 * one conditional update per chunk of ids ({@code claim.take}) then takes those still PENDING under the claim's
 * token, and the rows are read back by token. Two claimers racing for the same rows each get only the rows their
 * update won.
 */
final class DerbyStoreDialect implements StoreDialect {

    private static final RowMapper<String> ID = row -> row.getString(1).trim();
    /** The fewest rows the claim across groups walks before it asks Derby's own plan, and how many per task taken. */
    private static final int MIN_WALK = 256;

    private static final int WALK_PER_CLAIMED = 4;

    private final SqlCatalog statements;

    DerbyStoreDialect(SqlCatalog statements) {
        this.statements = statements;
        TransitionStatements.verify(statements, List.of("claim.take"));
    }

    @Override
    public SqlCatalog statements() {
        return statements;
    }

    @Override
    public boolean sharesThisNodesClock() {
        return true;
    }

    @Override
    public int maxClaimTypes() {
        return statements.get("claim.dueIdsUpTo256").listWidth();
    }

    /** The narrowest of the catalog's list widths that holds the types: fewer comparisons per row. */
    private static String width(List<String> types) {
        return types.size() <= 8 ? "UpTo8" : types.size() <= 32 ? "UpTo32" : "UpTo256";
    }

    @Override
    public List<ClaimedRow> claim(SqlRunner sql, ClaimRequest request) {
        long now = request.now().toEpochMilli();
        List<String> candidates = request.group() == null
                ? dueAcrossGroups(sql, request.limit(), now, request.types())
                : request.types() == null
                        ? sql.list("claim.dueIdsInGroup", request.limit(), ID, now, request.group())
                        : sql.list(
                                "claim.dueIdsOfTypesInGroup" + width(request.types()),
                                request.limit(),
                                ID,
                                now,
                                request.group(),
                                request.types());
        List<ClaimedRow> claimed = new ArrayList<>(candidates.size());
        // Derby takes each slice's rows by id; slices in row order keep that order across the whole claim
        for (List<String> ids : sql.slices("claim.take", RowOrder.byTaskId(candidates, id -> id))) {
            int taken = sql.update(
                    "claim.take",
                    request.owner(),
                    request.token(),
                    request.expiresAt().toEpochMilli(),
                    now,
                    now,
                    ids);
            if (taken > 0) {
                claimed.addAll(sql.list("claim.taken", ClaimedRow.FROM_ROW, request.token(), ids));
                sql.update("event.appendClaimed", now, request.owner(), request.token(), ids);
            }
        }
        claimed.sort(Comparator.comparingInt(row -> candidates.indexOf(row.id())));
        return claimed;
    }

    /**
     * The first due tasks of {@code types} in the unrestricted groups, in claim order. With statistics, Derby answers
     * {@code claim.dueIds*} by reading and sorting every due task, at every claim: a drain of a large backlog pays its
     * size per claim. So the claim index is walked first, a few rows past what the claim takes; only when those rows
     * hold too few claimable ones (tasks not yet due, of other types, of restricted groups ahead of the due ones) does
     * the claim ask Derby's plan, which that walk would have to pass row by row.
     */
    private static List<String> dueAcrossGroups(SqlRunner sql, int limit, long now, List<String> types) {
        int walked = Math.max(MIN_WALK, WALK_PER_CLAIMED * limit);
        List<PendingRow> front = sql.list("claim.pendingInClaimOrder", walked, PendingRow.FROM_ROW);
        Set<String> wanted = new HashSet<>(types);
        List<PendingRow> dueOfTypes = front.stream()
                .filter(row -> row.runAt() <= now && wanted.contains(row.type()))
                .toList();
        // the groups are read only when some row could be taken: an idle node's polls over tasks not yet due skip it
        Set<String> restricted = dueOfTypes.isEmpty()
                ? Set.of()
                : new HashSet<>(sql.list("claim.restrictedGroups", row -> row.getString(1)));
        List<String> due = dueOfTypes.stream()
                .filter(row -> !restricted.contains(row.group()))
                .map(PendingRow::id)
                .limit(limit)
                .toList();
        if (due.size() == limit || front.size() < walked) {
            // enough, or the walk read every PENDING task: nothing claimable is left behind it
            return due;
        }
        return sql.list("claim.dueIds" + width(types), limit, ID, now, types);
    }

    private record PendingRow(String id, long runAt, String type, String group) {
        static final RowMapper<PendingRow> FROM_ROW =
                row -> new PendingRow(row.getString(1).trim(), row.getLong(2), row.getString(3), row.getString(4));
    }
}
