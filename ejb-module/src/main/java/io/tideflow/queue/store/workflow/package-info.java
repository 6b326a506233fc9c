/** The workflow tables: {@code workflows}, {@code workflow_steps}, {@code task_dependencies}, and the WAITING tasks. */
package io.tideflow.queue.store.workflow;
