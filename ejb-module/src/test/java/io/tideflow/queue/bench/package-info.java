/** Benchmarks that print their figures; run by the {@code benchmark} profile, never as tests. */
package io.tideflow.queue.bench;
