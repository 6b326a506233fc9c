package io.tideflow.queue.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * PostgreSQL claims a batch in one statement: the due rows are picked and locked with {@code FOR UPDATE SKIP LOCKED},
 * so concurrent claimers on any number of nodes pass over each other's rows instead of waiting, and the update
 * returns what it took.
 */
final class PostgresStoreDialect implements StoreDialect {

    private static final String CLAIM = ClaimStatement.SET + " WHERE id IN (SELECT id FROM tasks WHERE "
            + ClaimStatement.DUE + " AND resource_group NOT IN (" + TaskEntity.RESTRICTED_GROUPS + ")"
            + " ORDER BY priority DESC, id LIMIT ?6 FOR UPDATE SKIP LOCKED) RETURNING *";
    private static final String CLAIM_IN_GROUP = ClaimStatement.SET + " WHERE id IN (SELECT id FROM tasks WHERE "
            + ClaimStatement.DUE
            + " AND resource_group = ?7 ORDER BY priority DESC, id LIMIT ?6 FOR UPDATE SKIP LOCKED)"
            + " RETURNING *";
    private static final String CLAIM_OF_TYPE_IN_GROUP = ClaimStatement.SET
            + " WHERE id IN (SELECT id FROM tasks WHERE " + ClaimStatement.DUE
            + " AND resource_group = ?7 AND type = ?8 ORDER BY priority DESC, id LIMIT ?6 FOR UPDATE SKIP LOCKED)"
            + " RETURNING *";

    @Override
    @SuppressWarnings("unchecked")
    public List<TaskEntity> claim(EntityManager em, ClaimRequest request) {
        String sql = request.group() == null ? CLAIM : request.type() == null ? CLAIM_IN_GROUP : CLAIM_OF_TYPE_IN_GROUP;
        Query claim = em.createNativeQuery(sql, TaskEntity.class)
                .setParameter(1, request.owner())
                .setParameter(2, request.token())
                .setParameter(3, request.expiresAt().toEpochMilli())
                .setParameter(4, request.now().toEpochMilli())
                .setParameter(5, request.now().toEpochMilli())
                .setParameter(6, request.limit());
        if (request.group() != null) {
            claim.setParameter(7, request.group());
        }
        if (request.type() != null) {
            claim.setParameter(8, request.type());
        }
        List<TaskEntity> claimed = new ArrayList<>(claim.getResultList());
        claimed.sort(Comparator.comparingInt((TaskEntity task) -> -task.getPriority())
                .thenComparing(TaskEntity::getId));
        return claimed;
    }
}
