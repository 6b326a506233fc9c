/** The records of the Jakarta Batch executions Tideflow starts, and the tasks each claimed. */
package io.tideflow.queue.store.batch;
