/** Who asked the engine for a change: the caller's name for the task history and the log of group actions. */
package io.tideflow.queue.audit;
