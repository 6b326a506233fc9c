/**
 * The store of what operators read and the history keeps: metric rows per minute and hour, alerts, reports and the
 * export's cursor.
 */
package io.tideflow.queue.store.reporting;
