package io.tideflow.queue.api.admin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Tideflow's records of the Jakarta Batch executions it starts: which job, task type and group, on which node, and the
 * tasks each claimed. The batch runtime's repository holds their status and counts.
 */
public interface BatchRecords {

    /** The most executions one page lists. */
    int MAX_PAGE = 200;

    /**
     * Records an execution this node just started, in a transaction of its own, with this node's name, the time and
     * the caller (an operator's name, or {@code (application)}).
     */
    BatchExecutionRecord started(long executionId, String job, String type, String group, Long restartOf);

    /** The newest executions first, those with an id below {@code before} when it is given; at most {@code limit}. */
    List<BatchExecutionRecord> newest(Long before, int limit);

    Optional<BatchExecutionRecord> find(long executionId);

    /**
     * Whether the batch runtime keeps its job repository in Tideflow's database (JBeret's JDBC repository on WildFly,
     * as the server scripts configure it), where executions a crash left running can be marked failed.
     */
    boolean jobRepositoryHere();

    /**
     * Marks FAILED in the job repository, each in a transaction of its own and only while the repository still says
     * it runs, the executions that no node runs any more: this node's started before {@code thisNodeSince} (it
     * restarted since), and those of nodes without a heartbeat for three heartbeat intervals. They can then be
     * restarted; their tasks came back to the queue when their leases ran out.
     *
     * @return the executions marked
     */
    List<Long> failExecutionsLeftRunning(Instant thisNodeSince);

    /** This node's name, as recorded with the executions it starts. */
    String thisNode();

    /**
     * Where the job repository is in Tideflow's database and that database does not index foreign keys itself
     * (JBeret's tables on PostgreSQL), indexes them, so that its lookups of an instance's executions and an
     * execution's steps, and the deletes of old executions, do not scan. Idempotent.
     */
    void indexJobRepository();

    /**
     * The executions started before {@code before}, oldest first, at most {@code limit}: candidates for the retention,
     * running or not.
     */
    List<Long> startedBefore(Instant before, int limit);

    /**
     * Forgets executions that have ended: Tideflow's records of them and of the tasks they claimed, and where the job
     * repository is in Tideflow's database, its rows of them too (never of one it still says runs). Each in a
     * transaction of its own.
     *
     * @return how many were forgotten
     */
    int forget(List<Long> endedExecutions);

    /** The tasks the execution claimed, in the order it first claimed them; at most {@code limit}. */
    List<BatchTaskView> tasksOf(long executionId, int limit);
}
