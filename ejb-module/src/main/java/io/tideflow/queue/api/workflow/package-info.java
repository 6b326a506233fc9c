/**
 * Workflows: tasks that wait for others. {@link io.tideflow.queue.api.workflow.Workflows} submits a set of steps in one
 * call (chains, fan-out and fan-in), reads them back with each step's state, and cancels them as a whole.
 */
package io.tideflow.queue.api.workflow;
