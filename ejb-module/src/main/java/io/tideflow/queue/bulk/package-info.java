/** Operators' actions on every task a filter selects: bulk cancel and bulk requeue, one conditional change per task. */
package io.tideflow.queue.bulk;
