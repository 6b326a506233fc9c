/**
 * Archiving: tasks finished long enough ago move to ARCHIVED in conditional batches on every node.
 */
package io.tideflow.queue.archive;
