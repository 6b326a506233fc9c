package io.tideflow.queue.store;

import io.tideflow.queue.api.worker.LeasedTask;
import io.tideflow.queue.model.Transition;
import io.tideflow.queue.sql.SqlRunner;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes many successful attempts in the caller's transaction with three JDBC batches (the conditional
 * RUNNING → COMPLETED updates, the result rows of those that returned one, the history rows), so that a commit is shared by every completion
 * written together. Each update is still conditional on its own lease token: a stale one writes nothing for its task.
 * Used for the dispatcher's batched completions of handlers whose work is not part of the completion's transaction,
 * and for a chunk's completions, written in the chunk's transaction with its handler's work.
 */
public class CompletionWriter {

    /** One successful attempt waiting to be written. */
    public record Completion(LeasedTask task, String resultJson, long executionMs, Instant at) {}

    private final SqlRunner sql;
    private final String node;

    public CompletionWriter(EntityManager em, String node, StoreDialect dialect) {
        this.sql = dialect.on(em);
        this.node = node;
    }

    /**
     * Completes every task whose lease token is still the one it was claimed with.
     *
     * @return the completions that were not written because their lease was stale
     */
    public List<Completion> writeAll(List<Completion> arrived) {
        if (arrived.isEmpty()) {
            return List.of();
        }
        List<Completion> completions =
                RowOrder.byTaskId(arrived, completion -> completion.task().id().value());
        // the same conditional change as the one-task path in TaskStore
        int[] changed =
                sql.batch(TransitionStatements.nameOf(Transition.COMPLETE), completions, completion -> new Object[] {
                    completion.executionMs(),
                    completion.at().toEpochMilli(),
                    completion.task().id().value(),
                    completion.task().leaseToken()
                });
        List<Completion> written = new ArrayList<>(completions.size());
        List<Completion> stale = new ArrayList<>();
        for (int i = 0; i < completions.size(); i++) {
            if (changed[i] == Statement.SUCCESS_NO_INFO) {
                throw new PersistenceException("the driver did not report how many rows the completion of task "
                        + completions.get(i).task().id() + " changed; its lease cannot be checked");
            }
            (changed[i] == 0 ? stale : written).add(completions.get(i));
        }
        List<Completion> withResults = written.stream()
                .filter(completion -> completion.resultJson() != null)
                .toList();
        sql.batch("result.insert", withResults, completion -> new Object[] {
            completion.task().id().value(),
            completion.resultJson(),
            completion.at().toEpochMilli()
        });
        sql.batch("event.appendCompleted", written, completion -> new Object[] {
            completion.task().id().value(),
            completion.at().toEpochMilli(),
            node,
            completion.task().attempt(),
            completion.task().id().value()
        });
        return stale;
    }
}
