/**
 * Workflows at work: the plan of a submission (its steps checked, their predecessors resolved, cycles refused), the
 * facade that writes it, and the releaser that moves waiting steps on once their predecessors have ended.
 */
package io.tideflow.queue.workflow;
