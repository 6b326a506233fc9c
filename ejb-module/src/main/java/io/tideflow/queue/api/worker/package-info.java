/**
 * The worker API: claim due tasks of a group (and type) under a lease, then complete, fail or give back each one by
 * its lease token. For modules that run tasks themselves, such as the batch jobs; the dispatcher's own claims,
 * completions and failures go through the same engine code.
 */
package io.tideflow.queue.api.worker;
