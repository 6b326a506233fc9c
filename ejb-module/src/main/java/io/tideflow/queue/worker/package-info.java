/**
 * The engine's side of the worker API ({@link io.tideflow.queue.api.worker.TaskWorker}): claims through the same
 * group-limited claim as the dispatcher, completions and failures through the same store transitions and failure
 * recorder.
 */
package io.tideflow.queue.worker;
