package io.tideflow.queue.store;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.admin.TaskFilter;
import io.tideflow.queue.api.admin.TaskPage;
import io.tideflow.queue.api.admin.TaskView;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The task store's read side: snapshots as records, never entities. */
public class TaskReader {

    private final EntityManager em;

    public TaskReader(EntityManager em) {
        this.em = em;
    }

    public Optional<TaskView> find(TaskId id) {
        TaskEntity task = em.find(TaskEntity.class, id.value());
        if (task == null) {
            return Optional.empty();
        }
        TaskResultEntity result = em.find(TaskResultEntity.class, id.value());
        return Optional.of(toView(task, task.getPayload(), result));
    }

    /** Newest first; filters are bound as parameters of a criteria query, never spliced into SQL. */
    public TaskPage list(TaskFilter filter, int limit) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<TaskEntity> query = cb.createQuery(TaskEntity.class);
        Root<TaskEntity> task = query.from(TaskEntity.class);
        List<Predicate> where = new ArrayList<>();
        if (filter.state() != null) {
            where.add(cb.equal(task.get("state"), filter.state()));
        }
        if (filter.type() != null) {
            where.add(cb.equal(task.get("type"), filter.type()));
        }
        if (filter.group() != null) {
            where.add(cb.equal(task.get("resourceGroup"), filter.group()));
        }
        if (filter.after() != null) {
            where.add(cb.lessThan(task.<String>get("id"), filter.after().value()));
        }
        query.select(task).where(where.toArray(Predicate[]::new)).orderBy(cb.desc(task.get("id")));
        List<TaskEntity> rows = em.createQuery(query).setMaxResults(limit + 1).getResultList();
        List<TaskView> items = new ArrayList<>(Math.min(rows.size(), limit));
        for (int i = 0; i < rows.size() && i < limit; i++) {
            items.add(toView(rows.get(i), null, null));
        }
        TaskId next = rows.size() > limit ? items.get(items.size() - 1).id() : null;
        return new TaskPage(items, next);
    }

    private static TaskView toView(TaskEntity task, String payload, TaskResultEntity result) {
        return new TaskView(
                TaskId.of(task.getId()),
                task.getType(),
                task.getResourceGroup(),
                task.getState(),
                task.getPriority(),
                task.getAttempts(),
                task.getMaxAttempts(),
                Instant.ofEpochMilli(task.getRunAt()),
                Instant.ofEpochMilli(task.getCreatedAt()),
                Instant.ofEpochMilli(task.getUpdatedAt()),
                task.getLastError(),
                payload,
                result == null ? null : result.getResult(),
                result == null ? null : result.getExecutionMs(),
                task.isCancelRequested(),
                task.getRequeuedFrom() == null
                        ? null
                        : TaskId.of(task.getRequeuedFrom().trim()));
    }
}
