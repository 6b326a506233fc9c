/**
 * Resource groups: their configuration, limits, token-bucket rate, pause and resume, and the operators' facade.
 */
package io.tideflow.queue.groups;
