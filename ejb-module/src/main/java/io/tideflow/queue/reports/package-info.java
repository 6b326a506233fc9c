/** Operators' reports over the live task table (queue depth, system health, counts by group and type) and the streaming export. */
package io.tideflow.queue.reports;
