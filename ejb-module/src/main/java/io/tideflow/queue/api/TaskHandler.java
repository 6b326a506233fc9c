package io.tideflow.queue.api;

/**
 * Runs tasks of one type. Implement it in a CDI bean ({@code @ApplicationScoped} or {@code @Dependent}) annotated
 * with {@link TaskType}; the deployment fails when two beans claim the same type.
 *
 * <p>The handler runs in a JTA transaction that also carries the task's completion: its own writes to the same
 * database commit together with the COMPLETED state, or not at all. Throwing any exception rolls them back and counts
 * a failed attempt.
 */
@FunctionalInterface
public interface TaskHandler {

    /**
     * Does the work of one attempt.
     *
     * @return the result, stored as JSON (a {@link jakarta.json.JsonValue} is stored as it is, anything else through
     *         JSON-B); {@code null} for no result
     * @throws Exception to fail the attempt; it is retried while attempts remain
     */
    Object handle(TaskContext context) throws Exception;
}
