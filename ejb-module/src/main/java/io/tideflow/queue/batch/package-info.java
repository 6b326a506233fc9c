/** What Tideflow keeps of the Jakarta Batch executions it starts, beside the batch runtime's job repository. */
package io.tideflow.queue.batch;
