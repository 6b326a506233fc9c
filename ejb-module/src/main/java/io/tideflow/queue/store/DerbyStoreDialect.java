package io.tideflow.queue.store;

import io.tideflow.queue.sql.RowMapper;
import io.tideflow.queue.sql.SqlCatalog;
import io.tideflow.queue.sql.SqlRunner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Derby has no SKIP LOCKED, and a locking read cannot pick a limited batch, so candidates are read without a lock;
 * one conditional update per chunk of ids ({@code claim.take}) then takes those still PENDING under the claim's
 * token, and the rows are read back by token. Two claimers racing for the same rows each get only the rows their
 * update won.
 */
final class DerbyStoreDialect implements StoreDialect {

    private static final RowMapper<String> ID = row -> row.getString(1).trim();

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
                ? sql.list("claim.dueIds" + width(request.types()), request.limit(), ID, now, request.types())
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
        for (List<String> ids : sql.slices("claim.take", candidates)) {
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
            }
        }
        claimed.sort(Comparator.comparingInt(row -> candidates.indexOf(row.id())));
        return claimed;
    }
}
