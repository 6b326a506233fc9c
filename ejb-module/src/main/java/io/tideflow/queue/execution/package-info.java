/**
 * One attempt of a task: the transaction that joins a handler to its completion, the registry of running attempts,
 * and the shared commits of completions for non-transactional handlers.
 */
package io.tideflow.queue.execution;
