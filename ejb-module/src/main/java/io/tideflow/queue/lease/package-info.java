/**
 * Leases after the claim: heartbeats that extend them, the rescue of tasks whose lease ran out, and the release of
 * claimed tasks at shutdown.
 */
package io.tideflow.queue.lease;
