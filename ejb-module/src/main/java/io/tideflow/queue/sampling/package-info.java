/**
 * A node's resources and its groups' use of their limits, sampled on a timer into the metric history and the meters:
 * CPU, memory, garbage collection, threads, disk, the datasource's pool, the dispatcher's workers and claim-ahead, the
 * event backlog; per group, running tasks against its concurrency limits, its rate bucket and its breaker.
 */
package io.tideflow.queue.sampling;
