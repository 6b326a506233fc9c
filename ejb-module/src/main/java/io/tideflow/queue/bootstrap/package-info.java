/**
 * What runs first: schema migration and configuration checks before anything else starts, and the producers of the
 * engine's shared collaborators.
 */
package io.tideflow.queue.bootstrap;
