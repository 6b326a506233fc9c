package io.tideflow.queue.store;

import io.tideflow.queue.model.Transition;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Derby has no SKIP LOCKED, and EclipseLink drops the lock clause of a query with a row limit, so a locking read
 * cannot pick the batch. Candidates are read without a lock; one conditional update per chunk of ids then takes
 * those still PENDING under the claim's token, and the rows are read back by token. Two claimers racing for the same
 * rows each get only the rows their update won; Derby locks an id list's rows in index order, so they never wait on
 * each other in a cycle.
 */
final class DerbyStoreDialect implements StoreDialect {

    // the candidates are read unlocked, so the update repeats the state and due condition
    private static final String DUE_IDS = "SELECT id FROM tasks WHERE state = '" + Transition.CLAIM.from() + "'"
            + " AND run_at <= ?1 AND resource_group NOT IN (" + TaskEntity.RESTRICTED_GROUPS
            + ") ORDER BY priority DESC, id";
    private static final String DUE_IDS_IN_GROUP = "SELECT id FROM tasks WHERE state = '" + Transition.CLAIM.from()
            + "' AND run_at <= ?1 AND resource_group = ?2 ORDER BY priority DESC, id";
    private static final String DUE_IDS_OF_TYPE_IN_GROUP = "SELECT id FROM tasks WHERE state = '"
            + Transition.CLAIM.from()
            + "' AND run_at <= ?1 AND resource_group = ?2 AND type = ?3 ORDER BY priority DESC, id";
    private static final String CLAIM_CHUNK =
            ClaimStatement.SET + " WHERE " + ClaimStatement.DUE + " AND id IN (" + TaskEntity.ID_LIST_FROM_6 + ")";
    private static final String CLAIMED_BY_TOKEN =
            "SELECT * FROM tasks WHERE lease_token = ?1 AND id IN (" + TaskEntity.ID_LIST_FROM_2 + ")";

    @Override
    @SuppressWarnings("unchecked")
    public List<TaskEntity> claim(EntityManager em, ClaimRequest request) {
        Query due = em.createNativeQuery(
                        request.group() == null
                                ? DUE_IDS
                                : request.type() == null ? DUE_IDS_IN_GROUP : DUE_IDS_OF_TYPE_IN_GROUP)
                .setParameter(1, request.now().toEpochMilli())
                .setMaxResults(request.limit());
        if (request.group() != null) {
            due.setParameter(2, request.group());
        }
        if (request.type() != null) {
            due.setParameter(3, request.type());
        }
        List<String> candidates = ((List<Object>) due.getResultList())
                .stream().map(Object::toString).toList();
        List<TaskEntity> claimed = new ArrayList<>(candidates.size());
        for (int from = 0; from < candidates.size(); from += TaskEntity.CLAIM_BATCH_SIZE) {
            List<String> chunk =
                    candidates.subList(from, Math.min(candidates.size(), from + TaskEntity.CLAIM_BATCH_SIZE));
            Query claim = em.createNativeQuery(CLAIM_CHUNK)
                    .setParameter(1, request.owner())
                    .setParameter(2, request.token())
                    .setParameter(3, request.expiresAt().toEpochMilli())
                    .setParameter(4, request.now().toEpochMilli())
                    .setParameter(5, request.now().toEpochMilli());
            TaskEntity.setIdList(claim, 6, chunk);
            if (claim.executeUpdate() > 0) {
                Query rows =
                        em.createNativeQuery(CLAIMED_BY_TOKEN, TaskEntity.class).setParameter(1, request.token());
                TaskEntity.setIdList(rows, 2, chunk);
                claimed.addAll(rows.getResultList());
            }
        }
        claimed.sort(Comparator.comparingInt(task -> candidates.indexOf(task.getId())));
        return claimed;
    }
}
